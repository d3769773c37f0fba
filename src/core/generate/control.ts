import type { Hooks } from './types';

/** Progress and cancellation for one run: cheap to call in inner loops (the hooks are read every 256 ticks). */
export class RunControl {
  stopped = false;
  private ticks = 0;
  private lastReport = -1;
  private from = 0;
  private span = 1;

  constructor(private readonly hooks: Hooks = {}) {}

  /** Call often; true once the caller asked to stop. */
  tick(): boolean {
    if (this.stopped) return true;
    if ((++this.ticks & 255) !== 0) return false;
    return this.check();
  }

  check(): boolean {
    if (this.stopped) return true;
    if (this.hooks.signal?.aborted || this.hooks.shouldStop?.()) this.stopped = true;
    return this.stopped;
  }

  /** Later progress reports map 0..1 onto from..from + span (one try of several, e.g. capacity mode). */
  window(from: number, span: number): void {
    this.from = from;
    this.span = span;
  }

  progress(fraction: number, phase: string): void {
    // a handful of reports per percent is plenty for a progress bar and keeps postMessage traffic low
    const f = this.from + this.span * Math.min(1, Math.max(0, fraction));
    if (Math.abs(f - this.lastReport) < 0.005 && f < 1) return;
    this.lastReport = f;
    this.hooks.onProgress?.(f, phase);
  }
}
