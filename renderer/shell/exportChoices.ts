// The export dialog's logic: which weights can be exported and which is chosen first, the request
// it sends, and the parity figures as the dialog shows them. Plain TS (the dialog is thin over it).
import type { ExportWeightsChoice, ParityReport } from '../../engine/protocol/index.ts';
import type { LoadedWeights } from '../dashboard/index.ts';

export type ExportTarget = 'onnx' | 'pytorch' | 'json';
export type WeightsKind = ExportWeightsChoice['kind'];

export interface WeightsOption {
  readonly kind: WeightsKind;
  readonly label: string;
}

/** What the graph has: a run in this session (its latest step), a checkpoint file loaded for it. */
export interface WeightsAvailable {
  readonly runStep: number | null;
  readonly loaded: LoadedWeights | null;
}

export function weightsOptions({ runStep, loaded }: WeightsAvailable): WeightsOption[] {
  const options: WeightsOption[] = [];
  if (runStep !== null) options.push({ kind: 'run', label: `The latest run's weights (step ${runStep})` });
  if (loaded !== null) options.push({ kind: 'checkpoint', label: `The weights loaded from ${loaded.name} (step ${loaded.steps})` });
  options.push({ kind: 'initial', label: 'The initial weights (seeded, untrained)' });
  return options;
}

/** The latest run's weights where there is a run, else a loaded checkpoint's, else the seeded initial ones. */
export function defaultWeights(available: WeightsAvailable): WeightsKind {
  return weightsOptions(available)[0].kind;
}

/** Said in the dialog when there is no run to export. */
export function weightsHint({ runStep, loaded }: WeightsAvailable): string | null {
  if (runStep !== null) return null;
  return loaded === null ? 'This graph has no run in this session: the export holds its seeded initial weights. Train first to export trained weights.' : 'This graph has no run in this session yet: export the loaded checkpoint, or the seeded initial weights.';
}

export function weightsChoice(kind: WeightsKind, loaded: LoadedWeights | null): ExportWeightsChoice {
  if (kind === 'checkpoint' && loaded !== null) return { kind, name: loaded.name, data: loaded.data.slice(0) };
  return kind === 'run' ? { kind } : { kind: 'initial' };
}

export interface ParityRow {
  readonly key: string;
  readonly part: string;
  readonly output: string;
  readonly absolute: string;
  readonly relative: string;
  readonly verdict: 'ok' | 'failed';
}

/** A difference as the dialog prints it: 0, or two significant digits in exponent form. */
export function formatDifference(value: number): string {
  if (value === 0) return '0';
  return Number.isFinite(value) ? value.toExponential(1) : 'missing';
}

export function parityRows(reports: readonly ParityReport[]): ParityRow[] {
  return reports.map((report) => ({
    key: `${report.part}/${report.output}`,
    part: report.part,
    output: report.output,
    absolute: formatDifference(report.maxAbsolute),
    relative: formatDifference(report.maxRelative),
    verdict: report.passed ? 'ok' : 'failed',
  }));
}

/** One line over the figures: all within the tolerance, or how many outputs are not. */
export function paritySummary(reports: readonly ParityReport[]): string {
  const failed = reports.filter((report) => !report.passed).length;
  const tolerance = reports[0]?.tolerance ?? 1e-4;
  if (failed === 0) return `onnxruntime matches Netloom on fixed inputs: every output within ${tolerance.toExponential(0)} relative.`;
  return `${failed} of ${reports.length} outputs differ from Netloom by more than ${tolerance.toExponential(0)} relative: the exported model does not compute what the graph computes; report it with the graph.`;
}
