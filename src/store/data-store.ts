import { create } from 'zustand';
import type { LoadedDataset } from '../workers/data.api';

/** The accounts and reps the app works on, as the data worker last stored them. */
interface DataState {
  status: 'loading' | 'ready' | 'error';
  /** what the app is doing while status is 'loading' */
  loadingMessage: string;
  error: string | null;
  dataset: LoadedDataset | null;
  setLoading(message: string): void;
  setDataset(dataset: LoadedDataset): void;
  setError(message: string): void;
}

export const useDataStore = create<DataState>((set) => ({
  status: 'loading',
  loadingMessage: 'Opening your data…',
  error: null,
  dataset: null,
  setLoading: (loadingMessage) => set({ status: 'loading', loadingMessage }),
  setDataset: (dataset) => set({ status: 'ready', dataset, error: null }),
  setError: (error) => set({ status: 'error', error }),
}));
