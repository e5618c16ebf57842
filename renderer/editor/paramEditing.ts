// How the inspector edits a param: the control for its ParamSpec kind, and typed text checked
// against the spec's bounds before anything reaches the document.
import { checkParam, type IntListParam, type ParamSpec } from '../../engine/graph/index.ts';

export type Parsed<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly message: string };

interface ControlBase {
  readonly name: string;
  readonly doc: string;
  /** True when the document leaves the param at its default. */
  readonly isDefault: boolean;
}

export type ParamControl =
  | (ControlBase & { readonly kind: 'number'; readonly value: number; readonly min: number; readonly max: number; readonly integer: boolean })
  | (ControlBase & { readonly kind: 'checkbox'; readonly value: boolean })
  | (ControlBase & { readonly kind: 'select'; readonly value: string; readonly options: readonly string[] })
  | (ControlBase & { readonly kind: 'list'; readonly value: readonly number[]; readonly min: number; readonly max: number; readonly minLength: number; readonly maxLength: number });

/** The control for a param; a stored value the spec rejects shows as the default, which the engine uses. */
export function paramControl(name: string, spec: ParamSpec, params: Readonly<Record<string, unknown>>): ParamControl {
  const stored = params[name];
  const isDefault = !(name in params);
  const valid = stored !== undefined && checkParam(spec, stored) === null;
  const base = { name, doc: spec.doc, isDefault };
  switch (spec.kind) {
    case 'int':
    case 'float':
      return { ...base, kind: 'number', value: valid ? (stored as number) : spec.default, min: spec.min, max: spec.max, integer: spec.kind === 'int' };
    case 'bool':
      return { ...base, kind: 'checkbox', value: valid ? (stored as boolean) : spec.default };
    case 'enum':
      return { ...base, kind: 'select', value: valid ? (stored as string) : spec.default, options: spec.options };
    case 'intList':
      return { ...base, kind: 'list', value: valid ? (stored as number[]) : spec.default, min: spec.min, max: spec.max, minLength: spec.minLength, maxLength: spec.maxLength };
  }
}

/** Typed text as a number within [min, max], whole where `integer`. */
export function parseNumber(text: string, bounds: { readonly min: number; readonly max: number; readonly integer: boolean }): Parsed<number> {
  const trimmed = text.trim();
  const value = Number(trimmed);
  const range = `between ${bounds.min} and ${bounds.max}`;
  if (trimmed === '' || !Number.isFinite(value)) return { ok: false, message: `Enter a ${bounds.integer ? 'whole ' : ''}number ${range}.` };
  if (bounds.integer && !Number.isInteger(value)) return { ok: false, message: `Enter a whole number ${range}.` };
  if (value < bounds.min || value > bounds.max) return { ok: false, message: `Enter a number ${range}; ${value} is out of range.` };
  return { ok: true, value };
}

/** The list with one entry replaced by typed text. */
export function parseListEntry(list: readonly number[], index: number, text: string, bounds: Pick<IntListParam, 'min' | 'max'>): Parsed<number[]> {
  const entry = parseNumber(text, { ...bounds, integer: true });
  if (!entry.ok) return entry;
  return { ok: true, value: list.map((item, position) => (position === index ? entry.value : item)) };
}

/** A list one entry longer (repeating the last) or shorter, within the spec's lengths; null when it cannot. */
export function resizeList(list: readonly number[], length: number, bounds: Pick<IntListParam, 'minLength' | 'maxLength'>): number[] | null {
  if (length < bounds.minLength || length > bounds.maxLength || length === list.length) return null;
  return length < list.length ? list.slice(0, length) : [...list, ...Array.from({ length: length - list.length }, () => list.at(-1) ?? 1)];
}

/** "1,234 of 10,000 (12%)". */
export function shareOfNetwork(layer: number, network: number): string {
  const format = (count: number) => count.toLocaleString('en-US');
  if (network === 0) return format(layer);
  const percent = (100 * layer) / network;
  return `${format(layer)} of ${format(network)} (${percent >= 1 || percent === 0 ? Math.round(percent) : percent.toPrecision(1)}%)`;
}
