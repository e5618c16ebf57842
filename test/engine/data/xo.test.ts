// X-vs-O images really look like X and O: an X is bright where its strokes cross (its centre)
// and along its diagonals; an O is dark at its centre with its ink on a ring. A grid of examples
// is written to test-results/data/xo.png to look at.
import { describe, expect, it } from 'vitest';
import { generateXo, XO_SIZE } from '../../../engine/data/builtin/xo.ts';
import { dumpExamples } from './imageDump.ts';

const dataset = generateXo({ count: 400, seed: 3 });
const labels = dataset.targets.kind === 'class' ? dataset.targets.values : new Int32Array(0);

interface Shape {
  readonly center: number;
  readonly diagonalShare: number;
  readonly ringShare: number;
}

/** Measures one image around the centroid of its ink (pixels above 0.5). */
function measure(example: number): Shape {
  const pixel = (y: number, x: number) => dataset.inputs.values[example * XO_SIZE * XO_SIZE + y * XO_SIZE + x];
  let mass = 0;
  let sumY = 0;
  let sumX = 0;
  for (let y = 0; y < XO_SIZE; y++) {
    for (let x = 0; x < XO_SIZE; x++) {
      if (pixel(y, x) <= 0.5) continue;
      mass += pixel(y, x);
      sumY += y * pixel(y, x);
      sumX += x * pixel(y, x);
    }
  }
  const centerY = Math.round(sumY / mass);
  const centerX = Math.round(sumX / mass);
  let diagonal = 0;
  let ring = 0;
  for (let y = 0; y < XO_SIZE; y++) {
    for (let x = 0; x < XO_SIZE; x++) {
      if (pixel(y, x) <= 0.5) continue;
      const dy = y - centerY;
      const dx = x - centerX;
      if (Math.abs(dy) === Math.abs(dx)) diagonal += pixel(y, x);
      if (Math.hypot(dy, dx) >= 1.5) ring += pixel(y, x);
    }
  }
  return { center: pixel(centerY, centerX), diagonalShare: diagonal / mass, ringShare: ring / mass };
}

describe('xo images', () => {
  const shapes = Array.from({ length: dataset.count }, (_, example) => ({ label: labels[example], ...measure(example) }));
  const xs = shapes.filter((shape) => shape.label === 0);
  const os = shapes.filter((shape) => shape.label === 1);

  it('X: bright centre where the strokes cross, ink on the diagonals', () => {
    expect(xs.length).toBe(200);
    for (const shape of xs) {
      expect(shape.center).toBeGreaterThan(0.6);
      expect(shape.diagonalShare).toBeGreaterThan(0.99);
    }
  });

  it('O: dark centre, ink on a ring, little of it on the diagonals', () => {
    expect(os.length).toBe(200);
    for (const shape of os) {
      expect(shape.center).toBeLessThan(0.2);
      expect(shape.ringShare).toBeGreaterThan(0.99);
      expect(shape.diagonalShare).toBeLessThan(0.5);
    }
  });

  it('values lie in [0, 1] with background noise below the strokes', () => {
    const values = Array.from(dataset.inputs.values);
    expect(Math.min(...values)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...values)).toBeLessThanOrEqual(1);
    const dark = values.filter((value) => value < 0.5);
    expect(Math.max(...dark)).toBeLessThanOrEqual(0.1 + 1e-6);
  });

  it('writes a grid of examples to look at (X top row, O second)', () => {
    const firstXs = [0, 2, 4, 6, 8, 10, 12, 14];
    const path = dumpExamples(dataset, [...firstXs, ...firstXs.map((example) => example + 1)], 'xo.png', 8, 8);
    expect(path).toMatch(/xo\.png$/);
  });
});
