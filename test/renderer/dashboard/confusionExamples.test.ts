import { describe, expect, it } from 'vitest';
import type { ClassifiedExample, ExampleQuery } from '../../../engine/protocol/index.ts';
import { className, exampleCards, examplesCaption, gridImage, moveInGrid, mostWrongKey, queryTitle, type ExamplesAnswer } from '../../../renderer/dashboard/confusionExamples.ts';

const examples: ClassifiedExample[] = [
  { index: 17, truth: 0, predicted: 1, confidence: 0.91, truthProbability: 0.09 },
  { index: 4, truth: 0, predicted: 1, confidence: 0.6, truthProbability: 0.4 },
];

function answer(query: ExampleQuery, total = 2, withImages = true): ExamplesAnswer {
  // Two 1×2 grey images: [0, 1] and [0.5, 0.25].
  const images = withImages ? { count: 2, height: 1, width: 2, channels: 1, data: Float32Array.from([0, 1, 0.5, 0.25]).buffer } : undefined;
  return { type: 'examples', requestId: 1, query, step: 50, total, validationCount: 200, examples, classNames: ['X', 'O'], images };
}

describe('confusion examples', () => {
  it('makes one card per example with names, confidence and its own image', () => {
    const cards = exampleCards(answer({ kind: 'cell', truth: 0, predicted: 1 }));
    expect(cards.map((card) => [card.index, card.truthName, card.predictedName, card.confidence, card.truthChance, card.correct])).toEqual([
      [17, 'X', 'O', '91%', '9.0%', false],
      [4, 'X', 'O', '60%', '40%', false],
    ]);
    expect(cards[0].label).toBe('Example 17: true X, predicted O with 91% confidence');
    expect(cards[1].image).toMatchObject({ width: 2, height: 1 });
    expect([...cards[1].image!.pixels]).toEqual([128, 128, 128, 255, 64, 64, 64, 255]);
    expect(exampleCards(answer({ kind: 'mostWrong' }, 200, false)).every((card) => card.image === null)).toBe(true);
  });

  it('cuts one image out of a grid', () => {
    const grid = { count: 2, height: 1, width: 1, channels: 3, data: Float32Array.from([1, 0, 0, 0, 0, 1]).buffer };
    expect([...gridImage(grid, 1).pixels]).toEqual([0, 0, 255, 255]);
  });

  it('titles and captions the answer, and says when the matrix counted the cell differently', () => {
    expect(queryTitle({ kind: 'cell', truth: 1, predicted: 0 }, ['X', 'O'])).toBe('True O, predicted X');
    expect(queryTitle({ kind: 'cell', truth: 1, predicted: 0 })).toBe('True 1, predicted 0');
    expect(queryTitle({ kind: 'mostWrong' })).toBe('Most wrong');
    expect(examplesCaption(answer({ kind: 'cell', truth: 0, predicted: 1 }), 2)).toBe('2 examples');
    expect(examplesCaption(answer({ kind: 'cell', truth: 0, predicted: 1 }, 57), 57)).toBe('57 examples, showing 2');
    expect(examplesCaption(answer({ kind: 'cell', truth: 0, predicted: 1 }, 3), 5)).toBe('3 examples, showing 2 · the matrix counted 5; these are the weights at step 50');
    expect(examplesCaption(answer({ kind: 'mostWrong' }, 200))).toBe('lowest chance of the true class among 200');
    expect(className(undefined, 3)).toBe('3');
  });

  it('moves between cells with the arrow keys, staying inside the grid', () => {
    expect(moveInGrid('ArrowRight', 0, 0, 3)).toEqual({ truth: 0, predicted: 1 });
    expect(moveInGrid('ArrowRight', 0, 2, 3)).toEqual({ truth: 0, predicted: 2 });
    expect(moveInGrid('ArrowUp', 0, 1, 3)).toEqual({ truth: 0, predicted: 1 });
    expect(moveInGrid('ArrowDown', 1, 1, 3)).toEqual({ truth: 2, predicted: 1 });
    expect(moveInGrid('End', 1, 0, 3)).toEqual({ truth: 1, predicted: 2 });
    expect(moveInGrid('Home', 1, 2, 3)).toEqual({ truth: 1, predicted: 0 });
    expect(moveInGrid('Enter', 1, 2, 3)).toBeNull();
  });

  it('fetches the most wrong again only when a classifier run rests at a new step', () => {
    expect(mostWrongKey(1, 'running', 40, true)).toBeNull();
    expect(mostWrongKey(1, 'paused', 40, false)).toBeNull();
    expect(mostWrongKey(1, 'paused', 40, true)).toBe('1:paused:40');
    expect(mostWrongKey(1, 'paused', 41, true)).not.toBe(mostWrongKey(1, 'paused', 40, true));
    expect(mostWrongKey(2, 'done', 40, true)).toBe('2:done:40');
  });
});
