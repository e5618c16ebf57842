// The examples behind a confusion cell and the most wrong ones, as cards to draw: each example's
// image, true and predicted class names and confidence; a caption that says how the answer relates
// to the matrix on show; arrow-key moves between the matrix's cells.
import type { EngineEvent, ExampleQuery, ImageGrid } from '../../engine/protocol/index.ts';
import { formatShare } from './format.ts';
import { imageSheet } from './imageSheets.ts';
import type { RgbaImage } from './pixels.ts';

export type ExamplesAnswer = Extract<EngineEvent, { type: 'examples' }>;

export interface ExampleCard {
  /** The example's index in the dataset. */
  readonly index: number;
  readonly truthName: string;
  readonly predictedName: string;
  readonly correct: boolean;
  /** "91%": the probability of the predicted class. */
  readonly confidence: string;
  /** "4.2%": the probability of the true class. */
  readonly truthChance: string;
  readonly image: RgbaImage | null;
  /** What a screen reader says for the card. */
  readonly label: string;
}

export function className(classNames: readonly string[] | undefined, index: number): string {
  return classNames?.[index] ?? String(index);
}

/** Image `index` of a grid on its own. */
export function gridImage(grid: ImageGrid, index: number): RgbaImage {
  const size = grid.height * grid.width * grid.channels;
  const data = new Float32Array(grid.data, index * size * 4, size).slice().buffer;
  return imageSheet({ ...grid, count: 1, data });
}

export function exampleCards(answer: ExamplesAnswer): ExampleCard[] {
  return answer.examples.map((example, position) => {
    const truthName = className(answer.classNames, example.truth);
    const predictedName = className(answer.classNames, example.predicted);
    const confidence = formatShare(example.confidence);
    return {
      index: example.index,
      truthName,
      predictedName,
      correct: example.truth === example.predicted,
      confidence,
      truthChance: formatShare(example.truthProbability),
      image: answer.images !== undefined && position < answer.images.count ? gridImage(answer.images, position) : null,
      label: `Example ${example.index}: true ${truthName}, predicted ${predictedName} with ${confidence} confidence`,
    };
  });
}

/** The panel's title for a query. */
export function queryTitle(query: ExampleQuery, classNames?: readonly string[]): string {
  if (query.kind === 'mostWrong') return 'Most wrong';
  return `True ${className(classNames, query.truth)}, predicted ${className(classNames, query.predicted)}`;
}

/**
 * "3 examples" or "showing 32 of 57"; when the matrix on show counted the cell differently (it is
 * from an earlier epoch than the current weights), says so.
 */
export function examplesCaption(answer: ExamplesAnswer, matrixCount?: number): string {
  const { total, examples } = answer;
  const count = answer.query.kind === 'cell' ? `${total} example${total === 1 ? '' : 's'}` : `lowest chance of the true class among ${total}`;
  const shown = examples.length < total && answer.query.kind === 'cell' ? `, showing ${examples.length}` : '';
  const stale = matrixCount !== undefined && matrixCount !== total ? ` · the matrix counted ${matrixCount}; these are the weights at step ${answer.step}` : '';
  return `${count}${shown}${stale}`;
}

/** The cell an arrow key (or Home/End) moves to in a classes × classes grid, or null for other keys. */
export function moveInGrid(key: string, truth: number, predicted: number, classes: number): { truth: number; predicted: number } | null {
  const last = classes - 1;
  const clamp = (value: number) => Math.max(0, Math.min(last, value));
  switch (key) {
    case 'ArrowUp':
      return { truth: clamp(truth - 1), predicted };
    case 'ArrowDown':
      return { truth: clamp(truth + 1), predicted };
    case 'ArrowLeft':
      return { truth, predicted: clamp(predicted - 1) };
    case 'ArrowRight':
      return { truth, predicted: clamp(predicted + 1) };
    case 'Home':
      return { truth, predicted: 0 };
    case 'End':
      return { truth, predicted: last };
    default:
      return null;
  }
}

/** Whether the most-wrong list should be fetched again: the run rests (paused, done) at a step it was not fetched for. */
export function mostWrongKey(run: number, state: string, step: number, hasMatrix: boolean): string | null {
  if (!hasMatrix || (state !== 'paused' && state !== 'done')) return null;
  return `${run}:${state}:${step}`;
}
