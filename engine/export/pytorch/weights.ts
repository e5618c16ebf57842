// Weights between a Netloom checkpoint and weights.npz (PyTorch's state_dict names and layouts):
// dense [in, out] <-> Linear [out, in]; Conv [kH, kW, in, out] <-> [out, in, kH, kW];
// ConvTranspose [kH, kW, out, in] <-> [in, out, kH, kW]; recurrent [features, gates·units] <->
// [gates·units, features] in the same gate order (PyTorch's); an LSTM's or RNN's one bias <->
// bias_ih (bias_hh zeros, summed back on import).
import { readCheckpointHeader } from '../../train/checkpoint.ts';
import { ExportError, type GraphPlan } from './plan.ts';
import type { NpyArray } from './npz.ts';

/** The array with its axes reordered: result axis k is input axis permutation[k]. */
export function permuteAxes(data: Float32Array, shape: readonly number[], permutation: readonly number[]): { data: Float32Array; shape: number[] } {
  const rank = shape.length;
  const outShape = permutation.map((axis) => shape[axis]);
  const strides = new Array<number>(rank).fill(1);
  for (let axis = rank - 2; axis >= 0; axis--) strides[axis] = strides[axis + 1] * shape[axis + 1];
  const outStrides = permutation.map((axis) => strides[axis]);
  const result = new Float32Array(data.length);
  const index = new Array<number>(rank).fill(0);
  for (let position = 0; position < data.length; position++) {
    let source = 0;
    for (let axis = 0; axis < rank; axis++) source += index[axis] * outStrides[axis];
    result[position] = data[source];
    for (let axis = rank - 1; axis >= 0; axis--) {
      if (++index[axis] < outShape[axis]) break;
      index[axis] = 0;
    }
  }
  return { data: result, shape: outShape };
}

function inverse(permutation: readonly number[]): number[] {
  const result = new Array<number>(permutation.length);
  permutation.forEach((axis, position) => (result[axis] = position));
  return result;
}

/** The checkpoint's weights and state by `node/name`; a later model's tensor wins (a GAN's trained discriminator over its copy). */
export function checkpointTensors(bytes: Uint8Array): Map<string, { shape: readonly number[]; data: Float32Array }> {
  const { header, dataStart } = readCheckpointHeader(bytes);
  const tensors = new Map<string, { shape: readonly number[]; data: Float32Array }>();
  for (const tensor of header.tensors) {
    const match = /^m\d+\/(.+)$/.exec(tensor.name);
    if (match === null || match[1].startsWith('optimizer/') || tensor.dtype !== 'f32') continue;
    const start = dataStart + tensor.offset;
    tensors.set(match[1], { shape: tensor.shape, data: new Float32Array(bytes.slice(start, start + tensor.length * 4).buffer) });
  }
  return tensors;
}

/** weights.npz's arrays from a checkpoint of the graph. */
export function stateDictArrays(plan: GraphPlan, checkpoint: Uint8Array): Map<string, NpyArray> {
  const tensors = checkpointTensors(checkpoint);
  const arrays = new Map<string, NpyArray>();
  for (const node of plan.nodes) {
    for (const mapping of node.tensors) {
      const tensor = tensors.get(`${node.id}/${mapping.ours}`);
      if (tensor === undefined) throw new ExportError(`The checkpoint has no ${node.id}/${mapping.ours}: it was saved from another graph. Give the checkpoint of this graph.`);
      const converted = mapping.permutation === null ? { data: tensor.data, shape: [...tensor.shape] } : permuteAxes(tensor.data, tensor.shape, mapping.permutation);
      arrays.set(`${node.name}.${mapping.torch}`, converted);
      if (mapping.companion !== undefined) arrays.set(`${node.name}.${mapping.companion}`, { data: new Float32Array(converted.data.length), shape: converted.shape });
    }
    for (const extra of node.extraState) arrays.set(`${node.name}.${extra}`, { data: new BigInt64Array(1), shape: [] });
  }
  return arrays;
}

/** Netloom's tensors by `node/name` from a state_dict's arrays, each checked against the graph's shape. */
export function netloomTensors(plan: GraphPlan, arrays: ReadonlyMap<string, NpyArray>, expected: ReadonlyMap<string, readonly number[]>, what: string): Map<string, Float32Array> {
  const values = new Map<string, Float32Array>();
  const read = (key: string, shape: readonly number[]): Float32Array => {
    const array = arrays.get(key);
    if (array === undefined) throw new ExportError(`${what} has no ${key}: save the state_dict of this graph's exported model (model.save_weights).`);
    if (!(array.data instanceof Float32Array)) throw new ExportError(`${what}: ${key} is not float32; save it with model.save_weights.`);
    if (array.shape.join(',') !== shape.join(',')) throw new ExportError(`${what}: ${key} has shape [${array.shape.join(', ')}], the graph needs [${shape.join(', ')}]: it was saved from another graph.`);
    return array.data;
  };
  for (const node of plan.nodes) {
    for (const mapping of node.tensors) {
      const ours = expected.get(`${node.id}/${mapping.ours}`) ?? [];
      const torchShape = mapping.permutation === null ? ours : mapping.permutation.map((axis) => ours[axis]);
      const value = read(`${node.name}.${mapping.torch}`, torchShape);
      let data = mapping.permutation === null ? Float32Array.from(value) : permuteAxes(value, torchShape, inverse(mapping.permutation)).data;
      if (mapping.companion !== undefined) {
        const companion = read(`${node.name}.${mapping.companion}`, torchShape);
        data = data.map((entry, index) => entry + companion[index]);
      }
      values.set(`${node.id}/${mapping.ours}`, data);
    }
  }
  return values;
}
