import { describe, expect, it, vi, beforeEach } from 'vitest';
import { act, fireEvent, render, screen, within } from '@testing-library/react';
import { gridLayer } from '../../core/generate/test-grid';
import { runJob, type GenerateJob } from '../../core/generate/jobs';
import { createPlan, newTerritory } from '../../core/plan/plan';
import type { Command } from '../../core/plan/commands';
import type { GenerateEnv } from './generate-env';

// The worker is replaced by the core run in-process (or by a job that never ends, to cancel).
const calls = vi.hoisted(() => ({ run: vi.fn(), cancel: vi.fn() }));
vi.mock('../../workers/generate.api', () => {
  class CancelledError extends Error {}
  class GenerateClient {
    run = calls.run;
    cancel = calls.cancel;
    dispose() {}
  }
  return { CancelledError, GenerateClient };
});

import { forgetGenerateSettings, GenerateDialog } from './GenerateDialog';

const layer = gridLayer(6, 4);
const n = layer.count;

function env(): GenerateEnv & { applied: Command[] } {
  const plan = createPlan({ id: 'p', name: 'P', layerId: 'grid', unitCount: n });
  plan.territories.push(newTerritory('a', 'West', '#e6194b'), newTerritory('b', 'East', '#3cb44b'));
  for (let u = 0; u < n; u++) plan.assignment[u] = u % 6 < 3 ? 0 : 1;
  const unitOfAccount = Int32Array.from({ length: n }, (_, u) => u);
  const applied: Command[] = [];
  return {
    applied,
    ctx: {
      graph: layer,
      stateFips: Array.from({ length: n }, (_, u) => (u % 6 < 3 ? '17' : '18')),
      plan,
      aggregates: { accounts: new Uint32Array(n).fill(1), classifications: new Uint32Array(n), classificationLabels: [''] },
      revenue: Float64Array.from({ length: n }, (_, u) => 10 + (u % 5)),
      potential: Float64Array.from({ length: n }, (_, u) => 10 + (u % 7)),
      workload: new Float64Array(n).fill(3),
      unitOfAccount,
      accountRow: () => -1,
      reps: [],
    },
    unitIds: layer.ids,
    unitNames: layer.ids.map((id) => `=Unit ${id}`),
    unitsLabel: { one: 'cell', many: 'cells' },
    byUnit: { accountStart: Uint32Array.from({ length: n + 1 }, (_, i) => i), accountsByUnit: Uint32Array.from({ length: n }, (_, i) => i) },
    accountId: (r) => `a${r}`,
    accountName: (r) => `Account ${r}`,
    territories: () => plan.territories,
    apply: (cmd) => applied.push(cmd),
    undo: vi.fn(),
    newId: (i) => `new-${i}`,
    palette: ['#111111', '#222222', '#333333', '#444444'],
  };
}

beforeEach(() => {
  calls.run.mockReset();
  calls.cancel.mockReset();
  forgetGenerateSettings();
});

describe('GenerateDialog', () => {
  it('scopes to the units of chosen territories', () => {
    render(<GenerateDialog env={env()} onClose={() => {}} />);
    const d = within(screen.getByRole('dialog', { name: 'Generate territories' }));
    fireEvent.click(d.getByRole('radio', { name: 'Chosen territories and unassigned cells' }));
    const picker = within(d.getByRole('group', { name: 'Territories in the scope' }));
    expect(picker.getByText('0 cells in the scope')).toBeInTheDocument();
    fireEvent.click(picker.getByRole('checkbox', { name: 'East' }));
    // East holds the three eastern columns of the 6×4 grid
    expect(picker.getByText('12 cells in the scope')).toBeInTheDocument();
    fireEvent.click(picker.getByRole('checkbox', { name: 'West' }));
    expect(picker.getByText('24 cells in the scope')).toBeInTheDocument();
    fireEvent.click(picker.getByRole('checkbox', { name: 'East' }));
    expect(picker.getByText('12 cells in the scope')).toBeInTheDocument();
  });

  it('names every control', () => {
    render(<GenerateDialog env={env()} onClose={() => {}} />);
    const d = screen.getByRole('dialog', { name: 'Generate territories' });
    const q = within(d);
    expect(q.getByRole('radio', { name: 'Whole layer' })).toBeChecked();
    expect(q.getByRole('radio', { name: 'Chosen states' })).toBeInTheDocument();
    expect(q.getByRole('spinbutton', { name: 'Number of territories' })).toHaveValue(8);
    expect(q.getByRole('radio', { name: /One per rep/ })).toBeDisabled();
    expect(q.getByRole('spinbutton', { name: 'Maximum workload hours a year per territory' })).toBeDisabled();
    expect(q.getByRole('combobox', { name: 'Figure 1' })).toHaveValue('potential');
    expect(q.getByRole('spinbutton', { name: 'Tolerance of Revenue potential (± %)' })).toHaveValue(10);
    expect(q.getByRole('spinbutton', { name: 'Weight of Revenue potential' })).toHaveValue(1);
    expect(q.getByRole('button', { name: 'Remove Revenue potential' })).toBeDisabled();
    expect(q.getByRole('slider', { name: 'Balance first ↔ Compact first' })).toHaveValue('50');
    expect(q.getByRole('checkbox', { name: /Healthy classification mix/ })).not.toBeChecked();
    expect(q.getByRole('spinbutton', { name: 'Seed' })).toHaveValue(1);
    expect(q.getByRole('spinbutton', { name: 'Move at most (% of revenue)' })).toHaveValue(10);
    expect(q.getByRole('button', { name: 'Generate' })).toBeEnabled();
    expect(q.getByRole('button', { name: 'Rebalance current plan' })).toBeEnabled();
  });

  it('says what is wrong and will not run until it is fixed', () => {
    render(<GenerateDialog env={env()} onClose={() => {}} />);
    fireEvent.change(screen.getByRole('spinbutton', { name: 'Number of territories' }), { target: { value: '0' } });
    expect(screen.getByRole('alert')).toHaveTextContent('The number of territories must be a whole number from 1 to 5,000.');
    expect(screen.getByRole('button', { name: 'Generate' })).toBeDisabled();
    fireEvent.change(screen.getByRole('spinbutton', { name: 'Number of territories' }), { target: { value: '3' } });
    expect(screen.queryByRole('alert')).toBeNull();

    fireEvent.click(screen.getByRole('radio', { name: 'Chosen states' }));
    expect(screen.getByRole('alert')).toHaveTextContent('Choose at least one state.');
    const states = screen.getByRole('group', { name: /States \(0 of 2 chosen\)/ });
    fireEvent.click(within(states).getByRole('checkbox', { name: 'Illinois' }));
    expect(screen.queryByRole('alert')).toBeNull();

    fireEvent.click(screen.getByRole('button', { name: 'Add a figure' }));
    expect(screen.getByRole('combobox', { name: 'Figure 2' })).toHaveValue('revenue');
    fireEvent.change(screen.getByRole('spinbutton', { name: 'Tolerance of Last-year revenue (± %)' }), { target: { value: '-1' } });
    expect(screen.getByRole('alert')).toHaveTextContent('The tolerance of Last-year revenue must be between 0 and 100 %.');
    fireEvent.click(screen.getByRole('button', { name: 'Remove Last-year revenue' }));
    fireEvent.change(screen.getByRole('spinbutton', { name: 'Move at most (% of revenue)' }), { target: { value: '400' } });
    expect(screen.getByRole('button', { name: 'Rebalance current plan' })).toBeDisabled();
    expect(screen.getByRole('button', { name: 'Generate' })).toBeEnabled();
    fireEvent.change(screen.getByRole('spinbutton', { name: 'Move at most (% of revenue)' }), { target: { value: '10' } });
  });

  it('shows progress while running, and Cancel leaves the plan alone', async () => {
    let progress: ((f: number, phase: string) => void) | undefined;
    calls.run.mockImplementation((_job: GenerateJob, onProgress: (f: number, p: string) => void) => {
      progress = onProgress;
      return new Promise(() => {});
    });
    const e = env();
    render(<GenerateDialog env={e} onClose={() => {}} />);
    fireEvent.click(screen.getByRole('button', { name: 'Generate' }));
    act(() => progress!(0.4, 'balancing and shaping'));
    const bar = screen.getByRole('progressbar', { name: 'Generating territories progress' });
    expect(bar).toHaveAttribute('value', '40');
    expect(screen.getByText(/balancing and shaping… 40%/)).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(calls.cancel).toHaveBeenCalled();
    expect(screen.getByRole('status')).toHaveTextContent('Cancelled: the plan is unchanged.');
    expect(e.applied).toHaveLength(0);
  });

  it('generates, applies one batch command and reports balance, shape and diagnoses as text', async () => {
    calls.run.mockImplementation(async (job: GenerateJob) => runJob(job));
    const e = env();
    render(<GenerateDialog env={e} onClose={() => {}} />);
    fireEvent.change(screen.getByRole('spinbutton', { name: 'Number of territories' }), { target: { value: '3' } });
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Generate' })));
    expect(await screen.findByRole('dialog', { name: 'Territories generated' })).toBeInTheDocument();
    expect(e.applied).toHaveLength(1);
    expect(e.applied[0].kind).toBe('batch');
    expect(screen.getByText(/3 new territories, replacing 2/)).toBeInTheDocument();
    expect(screen.getByText(/Revenue potential: largest deviation from the mean .*tolerance ±10% — met/)).toBeInTheDocument();
    expect(screen.getByText('Every territory is in one piece.')).toBeInTheDocument();
  });

  it('rebalances with a cap and offers the moved units and accounts as CSV', async () => {
    calls.run.mockImplementation(async (job: GenerateJob) => runJob(job));
    const e = env();
    e.ctx.potential = Float64Array.from({ length: n }, (_, u) => (u === 0 ? 200 : 10));
    render(<GenerateDialog env={e} onClose={() => {}} />);
    fireEvent.change(screen.getByRole('spinbutton', { name: 'Tolerance of Revenue potential (± %)' }), { target: { value: '5' } });
    fireEvent.change(screen.getByRole('spinbutton', { name: 'Move at most (% of revenue)' }), { target: { value: '50' } });
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Rebalance current plan' })));
    expect(await screen.findByRole('dialog', { name: 'Plan rebalanced' })).toBeInTheDocument();
    expect(e.applied[0].kind).toBe('restore');
    expect(screen.getByText(/^Moved \d+ cells, \d+ accounts/)).toBeInTheDocument();
    expect(screen.getByRole('table')).toHaveTextContent('West');
    expect(screen.getByRole('button', { name: 'Download moved units and accounts (CSV)' })).toBeInTheDocument();
  });
});
