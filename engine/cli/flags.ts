// Whole-number flags (--epochs, --steps, --batch, --seed): decimal digits only, within the range
// the graph document allows, so a typo is refused with its flag named before anything runs.
import { TRAINING_LIMITS } from '../graph/index.ts';
import { UsageError } from './loadGraph.ts';

export interface Range {
  readonly min: number;
  readonly max: number;
}

/** The range of each numeric flag of `netloom train`; --steps: any safe whole number from 1. */
export const FLAG_RANGES = {
  epochs: TRAINING_LIMITS.epochs,
  steps: { min: 1, max: Number.MAX_SAFE_INTEGER },
  batch: TRAINING_LIMITS.batchSize,
  seed: TRAINING_LIMITS.seed,
} as const satisfies Readonly<Record<string, Range>>;

/** The flag's value as a number, undefined when absent; a UsageError for anything but digits in range. */
export function wholeNumberFlag(name: keyof typeof FLAG_RANGES, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const { min, max } = FLAG_RANGES[name];
  const number = /^[0-9]{1,20}$/.test(value) ? Number(value) : Number.NaN;
  if (!Number.isSafeInteger(number) || number < min || number > max) {
    const shown = value.length > 40 ? `${value.slice(0, 40)}…` : value;
    throw new UsageError(`--${name} must be a whole number from ${min} to ${max}, written in digits; "${shown}" is not.`);
  }
  return number;
}

/** A command-line parse error as one line: what is wrong (its first sentence), then the command's usage. */
export function flagError(cause: unknown, usage: string): UsageError {
  const message = cause instanceof Error ? cause.message : String(cause);
  const first = message.split(/(?<=\.) /)[0].replace(/\.$/, '');
  return new UsageError(`${first}. ${usage}`);
}
