// upsample2d and its backward op (upsample2d.wgsl, upsample2dBackward.wgsl with upsampling.wgsl's
// geometry): one thread per output value forward, one per input value gathering backward.
import type { OpOf } from '../../../ir/index.ts';
import { upsampleGeometry } from '../../cpu/kernels/upsampleGeometry.ts';
import type { GpuTensor } from '../tensor.ts';
import { expectReal, Parameters, perElement, type Dispatch } from './context.ts';

function words(op: OpOf<'upsample2d'> | OpOf<'upsample2dBackward'>, small: GpuTensor, large: GpuTensor, count: number): Parameters {
  expectReal(small, `${op.op} tensor`);
  const { batch, height, width, channels, outHeight, outWidth } = upsampleGeometry(op.op, op.scale, small.shape, large.shape);
  return new Parameters().u32(count, batch, height, width, channels, outHeight, outWidth, op.scale[0], op.scale[1], op.mode === 'nearest' ? 0 : 1);
}

export function upsample2d(op: OpOf<'upsample2d'>, [input]: readonly GpuTensor[], [output]: readonly GpuTensor[]): Dispatch[] {
  return [{ shader: ['upsampling', 'upsample2d'], parameters: words(op, input, output, output.count), buffers: [input.buffer, output.buffer], workgroups: perElement(output.count) }];
}

export function upsample2dBackward(op: OpOf<'upsample2dBackward'>, [dOutput]: readonly GpuTensor[], [dInput]: readonly GpuTensor[]): Dispatch[] {
  return [{ shader: ['upsampling', 'upsample2dBackward'], parameters: words(op, dInput, dOutput, dInput.count), buffers: [dOutput.buffer, dInput.buffer], workgroups: perElement(dInput.count) }];
}
