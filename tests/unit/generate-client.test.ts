import { describe, expect, it } from 'vitest';
import { CancelledError, GenerateClient, type WorkerLike } from '../../src/workers/generate.api';
import { runJob, type GenerateJob } from '../../src/core/generate/jobs';
import { gridLayer } from '../../src/core/generate/test-grid';

/** A worker stand-in: records messages and lets the test answer, or runs the job in-process. */
class FakeWorker implements WorkerLike {
  onmessage: ((e: MessageEvent) => void) | null = null;
  onerror: ((e: ErrorEvent) => void) | null = null;
  terminated = false;
  posted: { id: number; job: GenerateJob }[] = [];
  constructor(private readonly auto = false) {}
  postMessage(m: { id: number; job: GenerateJob }): void {
    this.posted.push(m);
    if (this.auto)
      queueMicrotask(() => {
        const result = runJob(m.job, { onProgress: (fraction, phase) => this.reply({ id: m.id, type: 'progress', fraction, phase }) });
        this.reply({ id: m.id, type: 'done', result });
      });
  }
  reply(data: unknown): void {
    this.onmessage?.({ data } as MessageEvent);
  }
  terminate(): void {
    this.terminated = true;
  }
}

const layer = gridLayer(4, 4);
const job: GenerateJob = { kind: 'generate', input: { graph: layer, metrics: [{ name: 'n', values: new Float64Array(16).fill(1), tolerancePct: 5 }], territories: { k: 2 } } };

describe('GenerateClient', () => {
  it('forwards progress and resolves with the result', async () => {
    const phases: string[] = [];
    const client = new GenerateClient(() => new FakeWorker(true));
    const o = await client.run(job, (_f, phase) => phases.push(phase));
    expect(o.k).toBe(2);
    expect(phases.at(-1)).toBe('done');
  });

  it('cancel terminates the worker, rejects the job, and the next job gets a fresh worker', async () => {
    const made: FakeWorker[] = [];
    const client = new GenerateClient(() => {
      const w = new FakeWorker();
      made.push(w);
      return w;
    });
    const running = client.run(job);
    client.cancel();
    await expect(running).rejects.toBeInstanceOf(CancelledError);
    expect(made[0].terminated).toBe(true);
    const next = client.run(job);
    expect(made).toHaveLength(2);
    made[1].reply({ id: made[1].posted[0].id, type: 'error', message: 'Figure n has 3 values for 16 units' });
    await expect(next).rejects.toThrow('Figure n has 3 values for 16 units');
  });

  it('a worker crash rejects the job in words and the next job starts a new worker', async () => {
    const made: FakeWorker[] = [];
    const client = new GenerateClient(() => {
      const w = new FakeWorker();
      made.push(w);
      return w;
    });
    const running = client.run(job);
    made[0].onerror?.({ message: '' } as ErrorEvent);
    await expect(running).rejects.toThrow('The generator stopped unexpectedly.');
    void client.run(job).catch(() => undefined);
    expect(made).toHaveLength(2);
    client.dispose();
    expect(made[1].terminated).toBe(true);
  });
});
