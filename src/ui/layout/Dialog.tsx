import { useEffect, useId, useRef, type ReactNode } from 'react';
import './dialog.css';

/**
 * A modal dialog on the native <dialog> element: focus is trapped and restored by the browser,
 * Esc closes it unless `onCancel` is absent (then Esc does nothing, e.g. while saving).
 */
export function Dialog(props: { title: string; role?: 'dialog' | 'alertdialog'; wide?: boolean; onCancel?: () => void; children: ReactNode }) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    const d = ref.current;
    if (d && !d.open) {
      if (typeof d.showModal === 'function') d.showModal();
      else d.setAttribute('open', '');
    }
  }, []);
  return (
    <dialog
      ref={ref}
      role={props.role}
      aria-labelledby={titleId}
      className={props.wide ? 'tp-dialog wide' : 'tp-dialog'}
      onCancel={(e) => {
        e.preventDefault();
        props.onCancel?.();
      }}
    >
      <h2 id={titleId}>{props.title}</h2>
      {props.children}
    </dialog>
  );
}
