// The GAN lab's history and warnings: one row per snapshot the worker sent (D's mean verdict on
// real and generated examples, the losses at that step, the spread of the samples against the
// real ones, the modes covered), and the warnings that row and its recent past call for.
import type { EngineEvent } from '../../engine/protocol/index.ts';

export interface GanRow {
  readonly step: number;
  readonly realScore: number;
  readonly fakeScore: number;
  readonly generatorLoss: number;
  readonly discriminatorLoss: number;
  /** Generated spread over real spread: 1 when the samples spread as the data does. */
  readonly spreadRatio: number;
  readonly modes: { readonly covered: number; readonly total: number; readonly onModes: number } | null;
}

export const MAX_ROWS = 400;

/** The losses' latest values at or before a step (the dashboard's curves), NaN when none. */
export function lossAt(series: { readonly steps: readonly number[]; readonly values: readonly number[] } | undefined, step: number): number {
  if (series === undefined) return Number.NaN;
  for (let index = series.steps.length - 1; index >= 0; index--) if (series.steps[index] <= step) return series.values[index];
  return Number.NaN;
}

/** The history with a snapshot's row added (a snapshot of a step already there replaces it; a step before the last starts a new history: a new run). */
export function appendRow(rows: readonly GanRow[], snapshot: Extract<EngineEvent, { type: 'ganState' }>, losses: { generator: number; discriminator: number }): GanRow[] {
  const row: GanRow = {
    step: snapshot.step,
    realScore: snapshot.realScore,
    fakeScore: snapshot.fakeScore,
    generatorLoss: losses.generator,
    discriminatorLoss: losses.discriminator,
    spreadRatio: snapshot.realSpread > 0 ? snapshot.generatedSpread / snapshot.realSpread : Number.NaN,
    modes: snapshot.modes,
  };
  const last = rows.at(-1);
  if (last !== undefined && row.step < last.step) return [row];
  const kept = last !== undefined && last.step === row.step ? rows.slice(0, -1) : rows;
  return [...kept, row].slice(-MAX_ROWS);
}

export type GanWarningKind = 'discriminatorWins' | 'generatorWins' | 'collapse' | 'modesMissed';

export interface GanWarning {
  readonly kind: GanWarningKind;
  readonly title: string;
  readonly explanation: string;
}

/** Thresholds: D "sure" of both sides, G's loss grown by this factor, spread this small, this share of points on modes. */
export const SURE_REAL = 0.9;
export const SURE_FAKE = 0.1;
export const LOSS_GROWTH = 1.2;
export const COLLAPSED_SPREAD = 0.25;
export const ON_MODES = 0.5;

const fixed = (value: number) => value.toFixed(2);

function discriminatorWins(rows: readonly GanRow[]): GanWarning | null {
  const last = rows.at(-1) as GanRow;
  if (!(last.realScore >= SURE_REAL && last.fakeScore <= SURE_FAKE)) return null;
  const earlier = rows[Math.max(0, rows.length - 5)];
  const rising = last.generatorLoss > earlier.generatorLoss * LOSS_GROWTH || last.generatorLoss > -Math.log(SURE_FAKE);
  if (!rising) return null;
  return {
    kind: 'discriminatorWins',
    title: 'The discriminator overpowers the generator',
    explanation: `D scores real examples ${fixed(last.realScore)} and generated ones ${fixed(last.fakeScore)}: it tells them apart with ease, so its verdict barely changes when the generator moves, and the generator's gradient fades (its loss is ${fixed(last.generatorLoss)}, up from ${fixed(earlier.generatorLoss)}). Give the generator more steps (training.gan.generatorSteps), lower the discriminator's learning rate, or make the discriminator smaller.`,
  };
}

function generatorWins(rows: readonly GanRow[]): GanWarning | null {
  const recent = rows.slice(-3);
  if (recent.length < 3 || !recent.every((row) => row.fakeScore > row.realScore + 0.1)) return null;
  const last = recent[2];
  return {
    kind: 'generatorWins',
    title: 'The generator overpowers the discriminator',
    explanation: `D scores generated examples ${fixed(last.fakeScore)}, above the real ones (${fixed(last.realScore)}): it is fooled, so its verdict no longer points the generator toward the data. Give the discriminator more steps (training.gan.discriminatorSteps) or a higher learning rate.`,
  };
}

function collapse(last: GanRow): GanWarning | null {
  if (last.spreadRatio < COLLAPSED_SPREAD) {
    return {
      kind: 'collapse',
      title: 'The samples are collapsing to one mode',
      explanation: `The generated examples spread ${fixed(last.spreadRatio)}× as far as the real ones: the generator makes nearly the same output whatever the noise, one answer that fools the discriminator for now. Lower the learning rates, train the discriminator more, or restart with another seed.`,
    };
  }
  const modes = last.modes;
  if (modes === null || modes.total < 3 || modes.onModes < ON_MODES || modes.covered > modes.total / 2) return null;
  return {
    kind: 'modesMissed',
    title: `The samples cover ${modes.covered} of ${modes.total} modes`,
    explanation: `${Math.round(modes.onModes * 100)}% of the generated points sit on a mode of the data, but only on ${modes.covered} of the ${modes.total}: the generator has found a few answers that fool the discriminator and drops the rest (partial mode collapse). It often recovers as the discriminator learns those modes; if it stays, lower the learning rates or restart with another seed.`,
  };
}

/** The warnings the latest rows call for, most serious first. */
export function ganWarnings(rows: readonly GanRow[]): GanWarning[] {
  const last = rows.at(-1);
  if (last === undefined) return [];
  return [collapse(last), discriminatorWins(rows), generatorWins(rows)].filter((warning): warning is GanWarning => warning !== null);
}
