import type { StyleSpecification } from 'maplibre-gl';
import regular from '@fontsource/noto-sans/files/noto-sans-latin-400-normal.woff2?url';
import semibold from '@fontsource/noto-sans/files/noto-sans-latin-600-normal.woff2?url';

/**
 * Fonts for map text. The style has no `glyphs` URL, so MapLibre 6 rasterises every label in the
 * browser. Left to itself it asks the browser for the `text-font` name as a CSS family and gets
 * whatever sans-serif the system has (DejaVu Sans on a bare Linux); the style's `font-faces`
 * property pins each name to a Noto Sans file bundled with the app instead, so labels look the same
 * everywhere and still need no network. Characters outside the Latin files fall back to local fonts.
 */
export const FONT_REGULAR = ['Noto Sans Regular'];
export const FONT_SEMIBOLD = ['Noto Sans SemiBold'];

const absolute = (url: string) => (typeof document !== 'undefined' ? new URL(url, document.baseURI).href : url);

export const FONT_FACES: NonNullable<StyleSpecification['font-faces']> = {
  'Noto Sans Regular': [{ url: absolute(regular) }],
  'Noto Sans SemiBold': [{ url: absolute(semibold) }],
};
