// upsample2d and upsample2dBackward: check shapes, then run the nearest or bilinear kernel.
import type { OpOf } from '../../../ir/index.ts';
import { floats, type CpuTensor } from '../tensor.ts';
import { upsampleBilinear, upsampleBilinearBackward } from './upsampleBilinear.ts';
import { upsampleGeometry } from './upsampleGeometry.ts';
import { upsampleNearest, upsampleNearestBackward } from './upsampleNearest.ts';

export function upsample2d(op: OpOf<'upsample2d'>, [input]: readonly CpuTensor[], [output]: readonly CpuTensor[]): void {
  const geometry = upsampleGeometry('upsample2d', op.scale, input.shape, output.shape);
  const [x, y] = [floats(input, 'upsample2d input'), floats(output, 'upsample2d output')];
  if (op.mode === 'nearest') upsampleNearest(geometry, op.scale, x, y);
  else upsampleBilinear(geometry, op.scale, x, y);
}

export function upsample2dBackward(op: OpOf<'upsample2dBackward'>, [dOutput]: readonly CpuTensor[], [dInput]: readonly CpuTensor[]): void {
  const geometry = upsampleGeometry('upsample2dBackward', op.scale, dInput.shape, dOutput.shape);
  const [dy, dx] = [floats(dOutput, 'upsample2dBackward dOutput'), floats(dInput, 'upsample2dBackward dInput')];
  if (op.mode === 'nearest') upsampleNearestBackward(geometry, op.scale, dy, dx);
  else upsampleBilinearBackward(geometry, op.scale, dy, dx);
}
