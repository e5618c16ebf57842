import { fail, ok, type LayerSpec } from '../layerSpec.ts';
import { formatShape, tensorShape } from '../shape.ts';
import { intParam } from './common.ts';

export const Concat: LayerSpec = {
  type: 'Concat',
  category: 'Core',
  summary: 'Joins two tensors side by side along one dimension.',
  concept:
    'Concat places its inputs next to each other along one axis (by default the last: channels or features). All other dimensions must match. It is how networks merge two branches, as in U-Net or Inception.',
  params: { axis: intParam('The dimension to join along; -1 is the last.', -1, -3, 2) },
  inputs: [
    { name: 'a', doc: 'First tensor.' },
    { name: 'b', doc: 'Second tensor.' },
  ],
  hasOutput: true,
  shape([first, second], params) {
    const rank = first.dims.length;
    const axis = (params.axis as number) < 0 ? rank + (params.axis as number) : (params.axis as number);
    if (second.dims.length !== rank || rank === 0) {
      return fail(`Concat needs inputs of the same rank, but receives ${formatShape(first)} and ${formatShape(second)}.`, { port: 'b' });
    }
    if (axis < 0 || axis >= rank) return fail(`Axis ${params.axis as number} does not exist for ${formatShape(first)}.`, { field: 'axis' });
    if (first.dtype !== second.dtype) return fail('Concat cannot join integer ids with real numbers.', { port: 'b' });
    const mismatch = first.dims.some((dim, i) => i !== axis && dim !== second.dims[i]);
    if (mismatch) {
      return fail(`Concat along axis ${axis} needs all other dimensions equal, but receives ${formatShape(first)} and ${formatShape(second)}.`, { port: 'b' });
    }
    return ok(tensorShape(first.dims.map((dim, i) => (i === axis ? dim + second.dims[i] : dim)), first.dtype));
  },
};
