import { DB_NAME } from './schema';

/**
 * Which tab may write. The first tab takes an exclusive Web Lock for its whole life and is the
 * primary; any other tab on the same data is read-only and queues for the lock, so it is promoted
 * the moment the primary closes (the browser frees a closed tab's locks, even after a crash).
 * A BroadcastChannel tells the tabs about each other and about saves. This is advice for the UI;
 * the store's revision check is what actually refuses a stale write (ConflictError).
 */
export interface TabGuardState {
  isPrimary: boolean;
  /** another tab on the same data is open (as far as it has answered on the channel) */
  otherTabs: boolean;
}

export interface TabGuard {
  readonly isPrimary: boolean;
  readonly otherTabs: boolean;
  onChange(cb: (state: TabGuardState) => void): () => void;
  /** tell the other tabs that this tab stored `revision` */
  announceSaved(revision: number): void;
  onRemoteSave(cb: (revision: number) => void): () => void;
  /** give up the writer role and stop listening (the browser does the same when the tab closes) */
  release(): void;
}

/** The part of navigator.locks the guard uses; tests pass a fake. */
export interface LockManagerLike {
  request(
    name: string,
    options: { ifAvailable?: boolean; signal?: AbortSignal },
    callback: (lock: unknown) => unknown,
  ): Promise<unknown>;
}

/** The part of BroadcastChannel the guard uses. */
export interface ChannelLike {
  postMessage(message: unknown): void;
  addEventListener(type: 'message', listener: (event: MessageEvent) => void): void;
  close(): void;
}

export interface TabGuardOptions {
  /** defaults to navigator.locks; null behaves like a browser without Web Locks (every tab is primary) */
  locks?: LockManagerLike | null;
  /** defaults to a BroadcastChannel named after `name`; null = no channel (no presence, no save notices) */
  channel?: ChannelLike | null;
  /** names the lock and the channel; tests use distinct names to keep guards apart */
  name?: string;
}

type GuardMessage =
  | { app: typeof APP; tab: string; type: 'hello' | 'here' | 'bye' }
  | { app: typeof APP; tab: string; type: 'saved'; revision: number };

const APP = 'territory-planner/tab-guard';

export async function startTabGuard(options: TabGuardOptions = {}): Promise<TabGuard> {
  const name = options.name ?? DB_NAME;
  const locks = options.locks !== undefined ? options.locks : defaultLocks();
  const ownChannel = options.channel === undefined;
  const channel = ownChannel ? defaultChannel(name) : options.channel;
  const tab = randomId();

  let isPrimary = false;
  let released = false;
  const others = new Set<string>();
  const changeListeners = new Set<(s: TabGuardState) => void>();
  const saveListeners = new Set<(revision: number) => void>();
  let freeLock = (): void => undefined;
  const held = new Promise<void>((resolve) => (freeLock = resolve));
  const stopWaiting = new AbortController();

  const state = (): TabGuardState => ({ isPrimary, otherTabs: others.size > 0 });
  const emit = (): void => {
    const s = state();
    for (const cb of [...changeListeners]) cb(s);
  };
  const post = (m: { type: 'hello' | 'here' | 'bye' } | { type: 'saved'; revision: number }): void => {
    try {
      channel?.postMessage({ ...m, app: APP, tab });
    } catch {
      // a closed channel: the other tabs simply hear nothing
    }
  };

  channel?.addEventListener('message', (event) => {
    const m = event.data as GuardMessage | undefined;
    if (released || m?.app !== APP || m.tab === tab) return;
    if (m.type === 'hello') post({ type: 'here' });
    if (m.type === 'bye') {
      if (others.delete(m.tab)) emit();
      return;
    }
    const isNew = !others.has(m.tab);
    others.add(m.tab);
    if (isNew) emit();
    if (m.type === 'saved' && typeof m.revision === 'number') for (const cb of [...saveListeners]) cb(m.revision);
  });

  const becomePrimary = (): Promise<void> | undefined => {
    if (released) return undefined;
    isPrimary = true;
    // The tab we waited for may have crashed without a 'bye': ask again who is still there.
    others.clear();
    post({ type: 'hello' });
    emit();
    return held;
  };

  if (!locks) {
    isPrimary = true;
  } else {
    isPrimary = await new Promise<boolean>((resolve) => {
      locks
        .request(`${name}:writer`, { ifAvailable: true }, (lock) => {
          resolve(lock !== null);
          return lock === null ? undefined : held;
        })
        // Locks refused outright (e.g. an opaque origin): degrade to the lock-less behaviour.
        .catch(() => resolve(true));
    });
    if (!isPrimary) {
      locks.request(`${name}:writer`, { signal: stopWaiting.signal }, becomePrimary).catch(() => undefined);
    }
  }

  post({ type: 'hello' });
  // A page going into the back/forward cache keeps running later without a new start: say so both ways.
  const onPageHide = (): void => post({ type: 'bye' });
  const onPageShow = (): void => post({ type: 'hello' });
  const scope = globalThis as { addEventListener?: typeof addEventListener; removeEventListener?: typeof removeEventListener };
  scope.addEventListener?.('pagehide', onPageHide);
  scope.addEventListener?.('pageshow', onPageShow);

  return {
    get isPrimary() {
      return isPrimary;
    },
    get otherTabs() {
      return others.size > 0;
    },
    onChange(cb) {
      changeListeners.add(cb);
      return () => changeListeners.delete(cb);
    },
    announceSaved(revision) {
      if (!released) post({ type: 'saved', revision });
    },
    onRemoteSave(cb) {
      saveListeners.add(cb);
      return () => saveListeners.delete(cb);
    },
    release() {
      if (released) return;
      post({ type: 'bye' });
      released = true;
      isPrimary = false;
      freeLock();
      stopWaiting.abort();
      scope.removeEventListener?.('pagehide', onPageHide);
      scope.removeEventListener?.('pageshow', onPageShow);
      changeListeners.clear();
      saveListeners.clear();
      if (ownChannel) channel?.close();
    },
  };
}

function defaultLocks(): LockManagerLike | null {
  const nav = (globalThis as { navigator?: { locks?: LockManagerLike } }).navigator;
  return nav?.locks ?? null;
}

function defaultChannel(name: string): ChannelLike | null {
  return typeof BroadcastChannel === 'function' ? new BroadcastChannel(name) : null;
}

function randomId(): string {
  return globalThis.crypto?.randomUUID?.() ?? `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
}
