// Made-up parameter histograms for the preview engine: weights that spread out and gradients that
// shrink as the run goes on, bell-shaped, for the layers with parameters.
import type { Histogram, ParameterHistogram } from '../../../engine/protocol/index.ts';

const LAYERS: Readonly<Record<string, readonly (readonly [string, readonly number[]])[]>> = {
  conv1: [['weights', [3, 3, 1, 8]], ['bias', [8]]],
  dense1: [['weights', [1352, 64]], ['bias', [64]]],
  dense2: [['weights', [64, 10]], ['bias', [10]]],
};

export function previewHistograms(nodeId: string, step: number): ParameterHistogram[] | null {
  const layer = LAYERS[nodeId];
  if (layer === undefined) return null;
  const progress = 1 - Math.exp(-step / 300);
  return layer.map(([name, shape]) => {
    const size = shape.reduce((product, dim) => product * dim, 1);
    const spread = name === 'bias' ? 0.02 + 0.1 * progress : 0.3 + 0.4 * progress;
    return { name, shape, values: bell(size, spread, 0.05 * progress), gradients: bell(size, 0.05 * (1 - 0.9 * progress), 0) };
  });
}

function bell(count: number, spread: number, center: number, bins = 30): Histogram {
  const [min, max] = [center - 3 * spread, center + 3 * spread];
  const weights = Array.from({ length: bins }, (_, bin) => Math.exp(-((((bin + 0.5) / bins - 0.5) * 6) ** 2) / 2));
  const total = weights.reduce((sum, weight) => sum + weight, 0);
  return { min, max, counts: weights.map((weight) => Math.round((weight / total) * count)), nonFinite: 0 };
}
