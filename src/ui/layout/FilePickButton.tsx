import { useRef, type ReactNode } from 'react';

/** A button that opens the file chooser; the input keeps a label so tests and screen readers find it. */
export function FilePickButton(props: { label: string; inputLabel: string; accept: string; disabled?: boolean; onFile(file: File): void; children?: ReactNode }) {
  const input = useRef<HTMLInputElement>(null);
  return (
    <>
      <button type="button" disabled={props.disabled} onClick={() => input.current?.click()}>
        {props.children ?? props.label}
      </button>
      <input
        ref={input}
        type="file"
        accept={props.accept}
        aria-label={props.inputLabel}
        className="visually-hidden"
        tabIndex={-1}
        disabled={props.disabled}
        onChange={(e) => {
          const file = e.currentTarget.files?.[0];
          e.currentTarget.value = '';
          if (file) props.onFile(file);
        }}
      />
    </>
  );
}
