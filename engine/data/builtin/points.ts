// Wraps generated 2-D points with class labels as a dataset.
import { createDataset, type Dataset } from '../dataset.ts';

export function pointsDataset(name: string, points: Float32Array, labels: Int32Array, classNames: readonly string[]): Dataset {
  return createDataset({
    name,
    count: labels.length,
    inputDims: [2],
    inputs: { kind: 'float', values: points },
    targetDims: [],
    targets: { kind: 'class', values: labels, classNames },
  });
}
