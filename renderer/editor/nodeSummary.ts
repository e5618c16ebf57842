// How a layer node presents itself: its key params as short text, its category colour.
import type { GraphNode, LayerCategory, LayerSpec } from '../../engine/graph/index.ts';

export interface ParamLine {
  readonly name: string;
  readonly value: string;
}

/** Params that say little on a node because its output shape says it (Input's sizes). */
const KEY_PARAMS: Readonly<Record<string, readonly string[]>> = {
  Input: ['kind'],
};

const SHORT_NAMES: Readonly<Record<string, string>> = {
  kernelSize: 'kernel',
  poolSize: 'pool',
  padAmount: 'pad',
  useBias: 'bias',
  learningRate: 'lr',
};

/** "kernelSize" -> "kernel", "returnSequences" -> "return sequences". */
export function paramDisplayName(name: string): string {
  return SHORT_NAMES[name] ?? name.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
}

/** [3, 3] -> "3×3", true -> "yes", 0.001 -> "0.001". */
export function formatParamValue(value: unknown): string {
  if (Array.isArray(value)) return value.map((item) => formatParamValue(item)).join('×');
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (typeof value === 'number') return Number.isInteger(value) ? String(value) : String(Number(value.toPrecision(4)));
  if (typeof value === 'string') return value;
  return JSON.stringify(value) ?? String(value);
}

/** The params worth showing on the node: those the document sets, in catalog order (Input: only its kind). */
export function keyParams(node: GraphNode, spec: LayerSpec | undefined, limit = 4): { lines: ParamLine[]; hidden: number } {
  const names = spec === undefined ? Object.keys(node.params) : (KEY_PARAMS[node.type] ?? Object.keys(spec.params));
  const lines: ParamLine[] = [];
  for (const name of names) {
    if (!(name in node.params)) continue;
    lines.push({ name: paramDisplayName(name), value: formatParamValue(node.params[name]) });
  }
  return { lines: lines.slice(0, limit), hidden: Math.max(0, lines.length - limit) };
}

export type CategoryTone = 'io' | 'core' | 'activation' | 'convolution' | 'recurrent' | 'block' | 'unknown';

const TONES: Readonly<Record<LayerCategory, CategoryTone>> = {
  'Input & Output': 'io',
  Core: 'core',
  Activations: 'activation',
  Convolution: 'convolution',
  Recurrent: 'recurrent',
  'Autoencoder blocks': 'block',
  'GAN blocks': 'block',
};

export function categoryTone(category: LayerCategory | undefined): CategoryTone {
  return category === undefined ? 'unknown' : TONES[category];
}

/** Units above a million, largest first: a trillion parameters reads "1.00T", not "1000000.0M". */
const LARGE_UNITS: readonly (readonly [number, string])[] = [
  [1e15, 'P'],
  [1e12, 'T'],
  [1e9, 'G'],
  [1e6, 'M'],
];

/** "12345" -> "12.3k" for compact display; exact below ten thousand; three significant digits from a million. */
export function formatCount(count: number): string {
  if (!Number.isFinite(count)) return '—';
  if (count < 10_000) return count.toLocaleString('en-US');
  if (count < 1_000_000) return `${(count / 1000).toFixed(count < 100_000 ? 1 : 0)}k`;
  const [size, unit] = LARGE_UNITS.find(([limit]) => count >= limit) ?? LARGE_UNITS[LARGE_UNITS.length - 1];
  const scaled = count / size;
  // Rounding can carry past the unit (999,999,999 -> "1000M"): the next unit up then says it.
  const digits = scaled < 10 ? 2 : scaled < 100 ? 1 : 0;
  const text = scaled.toFixed(digits);
  if (Number(text) >= 1000 && size < 1e15) return formatCount(1000 * size);
  return `${text}${unit}`;
}
