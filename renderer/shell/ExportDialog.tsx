// File > Export…: the graph as ONNX models, a PyTorch package or its JSON. The engine worker builds
// the files (and checks ONNX in onnxruntime); they are saved as downloads; the parity figures show after.
import { useEffect, useRef, useState } from 'react';
import type { EngineEvent } from '../../engine/protocol/index.ts';
import type { GraphRunsStore, LoadedWeights } from '../dashboard/index.ts';
import { downloadBytes } from '../platform/binaryFiles.ts';
import './dialog.css';
import './exportDialog.css';
import { defaultWeights, parityRows, paritySummary, weightsChoice, weightsHint, weightsOptions, type ExportTarget, type WeightsAvailable, type WeightsKind } from './exportChoices.ts';

type Exported = Extract<EngineEvent, { type: 'exported' }>;
type Phase = { readonly kind: 'choosing' } | { readonly kind: 'working'; readonly stage: string } | { readonly kind: 'done'; readonly result: Exported } | { readonly kind: 'failed'; readonly message: string };

interface ExportDialogProps {
  readonly document: unknown;
  readonly runs: GraphRunsStore;
  /** The weights the graph has, read when the dialog was asked for (not while rendering: reading drains the store's events). */
  readonly info: WeightsAvailable;
  readonly onExportJson: () => void;
  readonly onClose: () => void;
}

const TARGETS: readonly { readonly value: ExportTarget; readonly label: string; readonly detail: string }[] = [
  { value: 'onnx', label: 'ONNX', detail: 'one model per part (opset 17), checked in onnxruntime after' },
  { value: 'pytorch', label: 'PyTorch package', detail: 'model.py, train.py, data.py and the weights, as a zip' },
  { value: 'json', label: 'Graph JSON', detail: 'a copy of the graph file' },
];

function Choices({ target, setTarget, layout, setLayout }: { target: ExportTarget; setTarget(value: ExportTarget): void; layout: 'nchw' | 'nhwc'; setLayout(value: 'nchw' | 'nhwc'): void }) {
  return (
    <>
      <fieldset className="export-field">
        <legend>Format</legend>
        {TARGETS.map((option) => (
          <label key={option.value}>
            <input type="radio" name="export-format" value={option.value} checked={target === option.value} onChange={() => setTarget(option.value)} data-testid={`export-format-${option.value}`} />
            <span>{option.label}</span> <small>{option.detail}</small>
          </label>
        ))}
      </fieldset>
      {target === 'onnx' && (
        <label className="export-row">
          Image layout
          <select value={layout} onChange={(event) => setLayout(event.target.value === 'nhwc' ? 'nhwc' : 'nchw')} data-testid="export-layout">
            <option value="nchw">NCHW (PyTorch, most ONNX tools)</option>
            <option value="nhwc">NHWC (Netloom&apos;s own)</option>
          </select>
        </label>
      )}
    </>
  );
}

function WeightsChoice({ info, kind, setKind }: { info: WeightsAvailable; kind: WeightsKind; setKind(value: WeightsKind): void }) {
  const hint = weightsHint(info);
  return (
    <fieldset className="export-field">
      <legend>Weights</legend>
      {weightsOptions(info).map((option) => (
        <label key={option.kind}>
          <input type="radio" name="export-weights" checked={kind === option.kind} onChange={() => setKind(option.kind)} data-testid={`export-weights-${option.kind}`} />
          <span>{option.label}</span>
        </label>
      ))}
      {hint !== null && <p className="export-hint">{hint}</p>}
    </fieldset>
  );
}

function Result({ result }: { result: Exported }) {
  const rows = parityRows(result.parity ?? []);
  return (
    <div className="export-result" data-testid="export-result">
      <p>
        Saved {result.files.map((file) => file.name).join(', ')} with {result.weights}.
      </p>
      {result.parity !== undefined && (
        <>
          <p className="export-summary">{paritySummary(result.parity)}</p>
          <table className="parity-table" data-testid="parity-table">
            <thead>
              <tr>
                <th>Part</th>
                <th>Output</th>
                <th>Max abs. diff.</th>
                <th>Max rel. diff.</th>
                <th>vs 1e-4</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.key}>
                  <td>{row.part}</td>
                  <td>{row.output}</td>
                  <td>{row.absolute}</td>
                  <td>{row.relative}</td>
                  <td className={`verdict ${row.verdict}`}>{row.verdict}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </div>
  );
}

async function runExport(runs: GraphRunsStore, document: unknown, target: 'onnx' | 'pytorch', layout: 'nchw' | 'nhwc', kind: WeightsKind, loaded: LoadedWeights | null, onStage: (stage: string) => void): Promise<Exported> {
  const result = await runs.engine().exportGraph(document, { format: target, layout: target === 'onnx' ? layout : undefined, weights: weightsChoice(kind, loaded) }, onStage);
  for (const file of result.files) downloadBytes(file.name, file.data, target === 'pytorch' ? 'application/zip' : 'application/octet-stream');
  return result;
}

export function ExportDialog({ document, runs, info, onExportJson, onClose }: ExportDialogProps) {
  const [target, setTarget] = useState<ExportTarget>('onnx');
  const [layout, setLayout] = useState<'nchw' | 'nhwc'>('nchw');
  const [kind, setKind] = useState<WeightsKind>(() => defaultWeights(info));
  const [phase, setPhase] = useState<Phase>({ kind: 'choosing' });
  const first = useRef<HTMLButtonElement>(null);
  useEffect(() => first.current?.focus(), []);
  const start = () => {
    if (target === 'json') {
      onExportJson();
      onClose();
      return;
    }
    setPhase({ kind: 'working', stage: 'Starting the export' });
    runExport(runs, document, target, layout, kind, info.loaded, (stage) => setPhase({ kind: 'working', stage })).then(
      (result) => setPhase({ kind: 'done', result }),
      (cause: unknown) => setPhase({ kind: 'failed', message: cause instanceof Error ? cause.message : String(cause) }),
    );
  };
  const working = phase.kind === 'working';
  return (
    <div className="modal-backdrop" onKeyDown={(event) => event.key === 'Escape' && !working && onClose()}>
      <div className="modal-dialog export-dialog" role="dialog" aria-modal="true" aria-labelledby="export-title" data-testid="export-dialog">
        <h2 id="export-title">Export</h2>
        <Choices target={target} setTarget={setTarget} layout={layout} setLayout={setLayout} />
        {target !== 'json' && <WeightsChoice info={info} kind={kind} setKind={setKind} />}
        {working && (
          <p className="export-progress" role="status" data-testid="export-progress">
            <span className="export-spinner" aria-hidden /> {phase.stage}…
          </p>
        )}
        {phase.kind === 'failed' && (
          <p className="export-error" role="alert" data-testid="export-error">
            {phase.message}
          </p>
        )}
        {phase.kind === 'done' && <Result result={phase.result} />}
        <div className="modal-actions">
          <button ref={first} type="button" onClick={onClose} disabled={working} data-testid="export-close">
            {phase.kind === 'done' ? 'Close' : 'Cancel'}
          </button>
          <button type="button" className="primary" onClick={start} disabled={working} data-testid="export-start">
            {phase.kind === 'done' ? 'Export again' : 'Export'}
          </button>
        </div>
      </div>
    </div>
  );
}
