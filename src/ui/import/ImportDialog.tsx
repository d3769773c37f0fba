import { useImportStore } from '../../store/import-store';
import { Dialog } from '../layout/Dialog';
import { MappingStep } from './MappingStep';
import { ProgressStep } from './ProgressStep';
import { ResultStep } from './ResultStep';

const TITLE = { accounts: 'Import accounts', reps: 'Import reps' } as const;

/** The import wizard: read the file, map its columns, import with progress, then the report. */
export function ImportDialog() {
  const state = useImportStore((s) => s.state);
  const close = useImportStore((s) => s.close);
  const cancel = useImportStore((s) => s.cancel);
  if (state.step === 'idle') return null;
  const title = `${TITLE[state.kind]}: ${'fileName' in state ? state.fileName : state.preview.fileName}`;
  switch (state.step) {
    case 'reading':
      return (
        <Dialog title={title} onCancel={close}>
          <p role="status">Reading the start of the file…</p>
        </Dialog>
      );
    case 'mapping':
      return (
        <Dialog title={title} wide onCancel={close}>
          <MappingStep state={state} />
        </Dialog>
      );
    case 'running':
      return (
        <Dialog title={title}>
          <ProgressStep state={state} onCancel={cancel} />
        </Dialog>
      );
    case 'done':
      return (
        <Dialog title={title} wide onCancel={close}>
          <ResultStep state={state} />
        </Dialog>
      );
    case 'failed':
      return (
        <Dialog title={title} role="alertdialog" onCancel={close}>
          <p className="note error" role="alert">
            {state.message}
          </p>
          {!state.message.includes('Nothing was changed') && <p className="note">Nothing was changed: the data stored before is intact.</p>}
          <div className="dialog-actions">
            <button type="button" className="primary" onClick={close}>
              Close
            </button>
          </div>
        </Dialog>
      );
  }
}
