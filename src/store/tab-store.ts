import { create } from 'zustand';

/**
 * Whether this tab may write. A second tab on the same data is read-only until the first closes,
 * so it never silently overwrites what the first one stored.
 */
interface TabState {
  isPrimary: boolean;
  otherTabs: boolean;
  /** another tab saved data newer than what this tab shows */
  staleRevision: number | null;
  set(s: Partial<Omit<TabState, 'set'>>): void;
}

export const useTabStore = create<TabState>((set) => ({
  isPrimary: true,
  otherTabs: false,
  staleRevision: null,
  set: (s) => set(s),
}));
