import { useState } from 'react';
import { buildLayer, readLayerFile } from '../../core/import/layer-import';
import { LayerImportError, type LayerImportResult, type LayerIssue, type LayerPreview } from '../../core/import/layer-types';
import { usePlanStore } from '../../store/plan-store';
import { Dialog } from '../layout/Dialog';
import { FilePickButton } from '../layout/FilePickButton';
import { formatCount } from '../import/format-count';

type Step =
  | { step: 'idle' }
  | { step: 'reading'; fileName: string }
  | { step: 'fields'; preview: LayerPreview; idField: string; nameField: string }
  | { step: 'done'; fileName: string; result: LayerImportResult }
  | { step: 'failed'; fileName: string; message: string; issues: LayerIssue[] };

/** Your own boundaries (Census ZCTAs, FSAs, sales regions…) as units to paint territories from. */
export function BoundaryImportButton() {
  const [state, setState] = useState<Step>({ step: 'idle' });
  const close = () => setState({ step: 'idle' });

  const read = async (file: File) => {
    setState({ step: 'reading', fileName: file.name });
    try {
      const preview = await readLayerFile(new Uint8Array(await file.arrayBuffer()), file.name);
      setState({ step: 'fields', preview, idField: preview.guess.id ?? preview.fields[0]?.name ?? '', nameField: preview.guess.name ?? '' });
    } catch (e) {
      setState({ step: 'failed', fileName: file.name, message: e instanceof Error ? e.message : String(e), issues: e instanceof LayerImportError ? e.issues : [] });
    }
  };

  const use = async (s: Extract<Step, { step: 'fields' }>) => {
    try {
      const result = buildLayer(s.preview, { idField: s.idField, nameField: s.nameField || undefined });
      await usePlanStore.getState().addCustomLayer(s.preview.fileName, result.topology, result.objectName);
      setState({ step: 'done', fileName: s.preview.fileName, result });
    } catch (e) {
      setState({ step: 'failed', fileName: s.preview.fileName, message: e instanceof Error ? e.message : String(e), issues: e instanceof LayerImportError ? e.issues : [] });
    }
  };

  return (
    <>
      <FilePickButton
        label="Import boundaries…"
        inputLabel="Boundary file (GeoJSON, TopoJSON or zipped Shapefile)"
        accept=".geojson,.json,.topojson,.zip,application/geo+json,application/json,application/zip"
        onFile={(f) => void read(f)}
      />
      {state.step === 'reading' && (
        <Dialog title={`Import boundaries: ${state.fileName}`} onCancel={close}>
          <p role="status">Reading and checking the shapes…</p>
        </Dialog>
      )}
      {state.step === 'fields' && (
        <Dialog title={`Import boundaries: ${state.preview.fileName}`} wide onCancel={close}>
          <p className="note">
            {formatCount(state.preview.repaired.length)} features. Pick the field that identifies each unit and the one that names it.
          </p>
          <div className="field-pickers">
            <FieldSelect label="Id field" value={state.idField} preview={state.preview} onChange={(idField) => setState({ ...state, idField })} />
            <FieldSelect label="Name field" value={state.nameField} preview={state.preview} optional onChange={(nameField) => setState({ ...state, nameField })} />
          </div>
          <LayerIssues issues={state.preview.issues} />
          <div className="dialog-actions">
            <button type="button" onClick={close}>
              Cancel
            </button>
            <button type="button" className="primary" disabled={!state.idField} onClick={() => void use(state)}>
              Use these boundaries
            </button>
          </div>
        </Dialog>
      )}
      {state.step === 'done' && (
        <Dialog title={`Import boundaries: ${state.fileName}`} wide onCancel={close}>
          <p role="status" className="layer-summary">
            {formatCount(state.result.counts.imported)} units imported, {formatCount(state.result.counts.repaired)} repaired, {formatCount(state.result.counts.rejected)} rejected.
          </p>
          {state.result.notes.map((n) => (
            <p key={n} className="note warn">
              {n}
            </p>
          ))}
          <LayerIssues issues={state.result.issues} />
          <div className="dialog-actions">
            <button type="button" className="primary" onClick={close}>
              Close
            </button>
          </div>
        </Dialog>
      )}
      {state.step === 'failed' && (
        <Dialog title={`Import boundaries: ${state.fileName}`} role="alertdialog" wide onCancel={close}>
          <p className="note error" role="alert">
            {state.message}
          </p>
          <LayerIssues issues={state.issues} />
          <div className="dialog-actions">
            <button type="button" className="primary" onClick={close}>
              Close
            </button>
          </div>
        </Dialog>
      )}
    </>
  );
}

function FieldSelect(props: { label: string; value: string; preview: LayerPreview; optional?: boolean; onChange(v: string): void }) {
  return (
    <label className="field">
      {props.label}
      <select value={props.value} onChange={(e) => props.onChange(e.target.value)}>
        {props.optional && <option value="">— none (use the id) —</option>}
        {props.preview.fields.map((f) => (
          <option key={f.name} value={f.name}>
            {f.name} ({f.samples.slice(0, 2).join(', ')}){f.unique ? '' : ' — not unique'}
          </option>
        ))}
      </select>
    </label>
  );
}

function LayerIssues({ issues }: { issues: readonly LayerIssue[] }) {
  if (issues.length === 0) return <p className="note">No problems found in the shapes.</p>;
  return (
    <>
      <h3>Problems found</h3>
      <div className="scroll-box">
        <table className="data-table" aria-label="Boundary problems">
          <thead>
            <tr>
              <th scope="col">Feature</th>
              <th scope="col">Result</th>
              <th scope="col">Problem</th>
            </tr>
          </thead>
          <tbody>
            {issues.slice(0, 500).map((i, k) => (
              <tr key={k}>
                <td>{i.featureId ?? `#${i.index + 1}`}</td>
                <td>{i.severity === 'repaired' ? 'Repaired' : 'Left out'}</td>
                <td>{i.message}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
