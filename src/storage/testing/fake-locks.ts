import type { LockManagerLike } from '../tab-guard';

/**
 * Exclusive Web Locks in memory, for Node tests where navigator.locks does not exist. Several
 * guards sharing one instance behave like tabs of one origin: a lock is held until its callback's
 * promise settles, ifAvailable gets null while it is taken, other requests queue in order and can
 * be cancelled with an AbortSignal.
 */
export class FakeLockManager implements LockManagerLike {
  private readonly held = new Set<string>();
  private readonly queues = new Map<string, (() => void)[]>();

  async request(
    name: string,
    options: { ifAvailable?: boolean; signal?: AbortSignal },
    callback: (lock: unknown) => unknown,
  ): Promise<unknown> {
    if (this.held.has(name)) {
      if (options.ifAvailable) return callback(null);
      // Ownership passes straight from the releasing holder to us, so `held` keeps the name.
      await this.wait(name, options.signal);
    } else {
      this.held.add(name);
    }
    try {
      return await callback({ name, mode: 'exclusive' });
    } finally {
      const next = this.queues.get(name)?.shift();
      if (next) next();
      else this.held.delete(name);
    }
  }

  isHeld(name: string): boolean {
    return this.held.has(name);
  }

  private wait(name: string, signal?: AbortSignal): Promise<void> {
    return new Promise((resolve, reject) => {
      if (signal?.aborted) return reject(new DOMException('The request was aborted.', 'AbortError'));
      const queue = this.queues.get(name) ?? [];
      this.queues.set(name, queue);
      const onAbort = (): void => {
        queue.splice(queue.indexOf(grant), 1);
        reject(new DOMException('The request was aborted.', 'AbortError'));
      };
      const grant = (): void => {
        signal?.removeEventListener('abort', onAbort);
        resolve();
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      queue.push(grant);
    });
  }
}
