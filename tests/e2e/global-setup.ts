import { build, preview, type PreviewServer } from 'vite';
import type { TestProject } from 'vitest/node';

// The end-to-end tests run against the production build, served the way `npm run preview` does.
let server: PreviewServer | undefined;

export async function setup(project: TestProject): Promise<void> {
  if (!process.env.E2E_SKIP_BUILD) await build({ logLevel: 'warn' });
  server = await preview({ preview: { port: 0, host: '127.0.0.1', strictPort: false }, logLevel: 'warn' });
  const address = server.resolvedUrls?.local[0];
  if (!address) throw new Error('vite preview did not report a URL');
  project.provide('baseUrl', address.replace(/\/$/, ''));
}

export async function teardown(): Promise<void> {
  await server?.close();
}

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}
