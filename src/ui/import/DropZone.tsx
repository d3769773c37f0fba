import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useImportStore } from '../../store/import-store';
import { useTabStore } from '../../store/tab-store';

/** A CSV dropped anywhere on the window starts an accounts import. */
export function DropZone({ children }: { children: ReactNode }) {
  const [over, setOver] = useState(false);
  const depth = useRef(0);
  const open = useImportStore((s) => s.open);
  const busy = useImportStore((s) => s.state.step !== 'idle');
  const readOnly = useTabStore((s) => !s.isPrimary);

  useEffect(() => {
    const hasFiles = (e: DragEvent) => Array.from(e.dataTransfer?.types ?? []).includes('Files');
    const enter = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      depth.current++;
      setOver(true);
    };
    const leave = () => {
      depth.current = Math.max(0, depth.current - 1);
      if (depth.current === 0) setOver(false);
    };
    const overFn = (e: DragEvent) => {
      if (hasFiles(e)) e.preventDefault();
    };
    const drop = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      depth.current = 0;
      setOver(false);
      const file = e.dataTransfer?.files[0];
      if (file && !busy && !readOnly) void open(file, 'accounts');
    };
    window.addEventListener('dragenter', enter);
    window.addEventListener('dragleave', leave);
    window.addEventListener('dragover', overFn);
    window.addEventListener('drop', drop);
    return () => {
      window.removeEventListener('dragenter', enter);
      window.removeEventListener('dragleave', leave);
      window.removeEventListener('dragover', overFn);
      window.removeEventListener('drop', drop);
    };
  }, [open, busy, readOnly]);

  return (
    <>
      {children}
      {over && (
        <div className="drop-overlay" aria-hidden="true">
          {readOnly ? 'This tab is read-only: import in the other tab.' : 'Drop a CSV file to import accounts'}
        </div>
      )}
    </>
  );
}
