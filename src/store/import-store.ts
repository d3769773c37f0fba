import { create } from 'zustand';
import type { ColumnMapping, CsvPreview, ImportOptions } from '../core/import/types';
import type { ImportKind, ImportMode, ImportPhase, ImportResult } from '../workers/data.api';
import { dataClient } from '../app/services';
import { DataError } from '../workers/data-client';
import { useDataStore } from './data-store';

export type ImportStep =
  | { step: 'idle' }
  | { step: 'reading'; kind: ImportKind; fileName: string }
  | { step: 'mapping'; kind: ImportKind; file: Blob; preview: CsvPreview; mapping: ColumnMapping; mode: ImportMode }
  | { step: 'running'; kind: ImportKind; fileName: string; phase: ImportPhase; done: number; total: number }
  | { step: 'done'; kind: ImportKind; file: Blob; fileName: string; options: ImportOptions; result: ImportResult }
  | { step: 'failed'; kind: ImportKind; fileName: string; message: string };

interface ImportState {
  state: ImportStep;
  /** aborts the import under way */
  controller: AbortController | null;
  open(file: File, kind: ImportKind): Promise<void>;
  setMapping(mapping: ColumnMapping): void;
  setMode(mode: ImportMode): void;
  run(extraOptions?: Partial<ImportOptions>): Promise<void>;
  /** runs the same file again with the given rows' latitude and longitude swapped */
  swapAndRetry(rows: number[]): Promise<void>;
  cancel(): void;
  close(): void;
}

/** The first import over the demo data replaces it unless the user chooses otherwise. */
function defaultMode(kind: ImportKind): ImportMode {
  if (kind === 'reps') return 'replace';
  return useDataStore.getState().dataset?.meta.source === 'import' ? 'merge' : 'replace';
}

let lastRun: { file: Blob; fileName: string; kind: ImportKind; mapping: ColumnMapping; mode: ImportMode } | null = null;

export const useImportStore = create<ImportState>((set, get) => ({
  state: { step: 'idle' },
  controller: null,

  async open(file, kind) {
    set({ state: { step: 'reading', kind, fileName: file.name } });
    try {
      const preview = await dataClient().preview(file, file.name, kind);
      set({ state: { step: 'mapping', kind, file, preview, mapping: { ...preview.mapping }, mode: defaultMode(kind) } });
    } catch (e) {
      set({ state: { step: 'failed', kind, fileName: file.name, message: errorMessage(e) } });
    }
  },

  setMapping(mapping) {
    const s = get().state;
    if (s.step === 'mapping') set({ state: { ...s, mapping } });
  },

  setMode(mode) {
    const s = get().state;
    if (s.step === 'mapping') set({ state: { ...s, mode } });
  },

  async run(extra = {}) {
    const s = get().state;
    if (s.step !== 'mapping') return;
    lastRun = { file: s.file, fileName: s.preview.fileName, kind: s.kind, mapping: s.mapping, mode: s.mode };
    await execute({ ...lastRun, swapRows: extra.swapRows });
  },

  async swapAndRetry(rows) {
    if (!lastRun) return;
    // The rows that were fine are already stored, so the second pass only has to add the fixed ones.
    await execute({ ...lastRun, mode: 'merge', swapRows: rows });
  },

  cancel() {
    get().controller?.abort();
  },

  close() {
    get().controller?.abort();
    set({ state: { step: 'idle' }, controller: null });
  },
}));

async function execute(run: { file: Blob; fileName: string; kind: ImportKind; mapping: ColumnMapping; mode: ImportMode; swapRows?: number[] }): Promise<void> {
  const set = useImportStore.setState;
  const controller = new AbortController();
  const { kind, fileName } = run;
  set({ controller, state: { step: 'running', kind, fileName, phase: 'reading', done: 0, total: run.file.size } });
  const current = useDataStore.getState().dataset;
  const options: ImportOptions = { mapping: run.mapping, swapRows: run.swapRows };
  try {
    const result = await dataClient().import({
      file: run.file,
      fileName,
      kind,
      options,
      mode: run.mode,
      source: 'import',
      expectedRevision: current?.meta.revision ?? 0,
      signal: controller.signal,
      onProgress: (phase, done, total) => {
        if (useImportStore.getState().controller === controller) set({ state: { step: 'running', kind, fileName, phase, done, total } });
      },
    });
    useDataStore.getState().setDataset(result.dataset);
    set({ controller: null, state: { step: 'done', kind, file: run.file, fileName, options, result } });
  } catch (e) {
    if (e instanceof DataError && e.code === 'cancelled') {
      set({ controller: null, state: { step: 'idle' } });
      return;
    }
    set({ controller: null, state: { step: 'failed', kind, fileName, message: errorMessage(e) } });
  }
}

function errorMessage(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
