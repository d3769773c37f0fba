import { afterEach, describe, expect, it } from 'vitest';
import { startTabGuard, type TabGuard, type TabGuardState } from './tab-guard';
import { FakeLockManager } from './testing/fake-locks';

// Node's BroadcastChannel delivers between instances of one process, like tabs of one origin.
let guards: TabGuard[] = [];
let n = 0;
const uniqueName = () => `tp-test-${process.pid}-${++n}`;

async function tab(locks: FakeLockManager | null, name: string): Promise<TabGuard> {
  const g = await startTabGuard({ locks, name });
  guards.push(g);
  return g;
}

async function until(cond: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 200 && !cond(); i++) await new Promise((r) => setTimeout(r, 5));
  if (!cond()) throw new Error(`timed out waiting until ${what}`);
}

afterEach(() => {
  for (const g of guards) g.release();
  guards = [];
});

describe('tab guard', () => {
  it('makes the first tab primary and a second one read-only, and both see each other', async () => {
    const locks = new FakeLockManager();
    const name = uniqueName();
    const first = await tab(locks, name);
    const firstStates: TabGuardState[] = [];
    first.onChange((s) => firstStates.push(s));
    const second = await tab(locks, name);

    expect(first.isPrimary).toBe(true);
    expect(second.isPrimary).toBe(false);
    await until(() => first.otherTabs && second.otherTabs, 'both tabs know of each other');
    expect(firstStates.at(-1)).toEqual({ isPrimary: true, otherTabs: true });
  });

  it('promotes the waiting tab when the primary one goes, and tells it', async () => {
    const locks = new FakeLockManager();
    const name = uniqueName();
    const first = await tab(locks, name);
    const second = await tab(locks, name);
    const third = await tab(locks, name);
    const secondStates: TabGuardState[] = [];
    second.onChange((s) => secondStates.push(s));
    await until(() => second.otherTabs, 'the second tab sees the others');

    first.release();
    await until(() => second.isPrimary, 'the second tab takes over');
    expect(third.isPrimary).toBe(false);
    expect(secondStates.some((s) => s.isPrimary)).toBe(true);
    // The third tab is still there and answers the new primary's roll call.
    await until(() => secondStates.at(-1)?.otherTabs === true, 'the new primary knows the third tab');

    second.release();
    await until(() => third.isPrimary, 'the third tab takes over');
    await until(() => !third.otherTabs, 'the last tab knows it is alone');
  });

  it('does not take over after it was released while waiting', async () => {
    const locks = new FakeLockManager();
    const name = uniqueName();
    const first = await tab(locks, name);
    const second = await tab(locks, name);
    second.release();
    first.release();
    await new Promise((r) => setTimeout(r, 20));
    expect(second.isPrimary).toBe(false);
    expect(locks.isHeld(`${name}:writer`)).toBe(false);
  });

  it('tells the other tabs about saves', async () => {
    const locks = new FakeLockManager();
    const name = uniqueName();
    const first = await tab(locks, name);
    const second = await tab(locks, name);
    const heard: number[] = [];
    second.onRemoteSave((r) => heard.push(r));
    const heardBySelf: number[] = [];
    first.onRemoteSave((r) => heardBySelf.push(r));

    first.announceSaved(7);
    await until(() => heard.length > 0, 'the save notice arrives');
    expect(heard).toEqual([7]);
    expect(heardBySelf).toEqual([]);
  });

  it('lets every tab write where the browser has no Web Locks', async () => {
    const name = uniqueName();
    const first = await tab(null, name);
    const second = await tab(null, name);
    expect(first.isPrimary && second.isPrimary).toBe(true);
    // Presence still works, so the UI can warn; the revision check still refuses stale saves.
    await until(() => first.otherTabs && second.otherTabs, 'both tabs know of each other');
  });

  it('degrades to primary when the lock request is refused', async () => {
    const refusing = { request: () => Promise.reject(new DOMException('no', 'SecurityError')) };
    const g = await startTabGuard({ locks: refusing, channel: null });
    guards.push(g);
    expect(g.isPrimary).toBe(true);
    expect(g.otherTabs).toBe(false);
  });

  it('uses navigator.locks when present', async () => {
    const locks = new FakeLockManager();
    const nav = globalThis as { navigator?: unknown };
    const saved = Object.getOwnPropertyDescriptor(globalThis, 'navigator');
    Object.defineProperty(globalThis, 'navigator', { value: { locks }, configurable: true });
    try {
      const name = uniqueName();
      const first = await startTabGuard({ name, channel: null });
      const second = await startTabGuard({ name, channel: null });
      guards.push(first, second);
      expect([first.isPrimary, second.isPrimary]).toEqual([true, false]);
    } finally {
      if (saved) Object.defineProperty(globalThis, 'navigator', saved);
      else delete nav.navigator;
    }
  });
});
