// SimpleRNN, LSTM and GRU as ONNX's RNN, LSTM and GRU over [steps, batch, features].
// Netloom keeps gates stacked along the last axis of Dense-like weights ([features, gates·units],
// [units, gates·units]) in PyTorch's order: LSTM i, f, g, o; GRU r, z, n. ONNX wants
// [1, gates·units, features] in its own order: LSTM i, o, f, c; GRU z, r, h. A GRU applies the
// reset gate after the hidden product (PyTorch's form): linear_before_reset = 1. The initial states
// are zeros, as in Netloom.
import { identity, intAttribute, type Value } from '../graphBuilder.ts';
import type { EmitContext, Emitter } from './context.ts';

interface Kind {
  readonly opType: 'RNN' | 'LSTM' | 'GRU';
  /** Netloom's gate index for each of ONNX's gates, in ONNX's order. */
  readonly gates: readonly number[];
}

const KINDS: Readonly<Record<string, Kind>> = {
  SimpleRNN: { opType: 'RNN', gates: [0] },
  LSTM: { opType: 'LSTM', gates: [0, 3, 1, 2] },
  GRU: { opType: 'GRU', gates: [1, 0, 2] },
};

/** [rows, gates·units] (gate-major columns) -> [gates·units, rows] with the gates in ONNX's order. */
function gateRows(values: Float32Array, rows: number, units: number, gates: readonly number[]): Float32Array {
  const columns = gates.length * units;
  const result = new Float32Array(values.length);
  gates.forEach((gate, position) => {
    for (let unit = 0; unit < units; unit++) {
      const target = (position * units + unit) * rows;
      for (let row = 0; row < rows; row++) result[target + row] = values[row * columns + gate * units + unit];
    }
  });
  return result;
}

function reorderedBias(values: Float32Array, units: number, gates: readonly number[]): Float32Array {
  return gateRows(values, 1, units, gates);
}

function weightInputs(context: EmitContext, kind: Kind, units: number): string[] {
  const features = context.inputShapes[0].dims[1];
  const columns = kind.gates.length * units;
  const { builder, node } = context;
  const inputWeights = builder.floatTensor(`${node.id}/W`, gateRows(context.weight('inputWeights'), features, units, kind.gates), [1, columns, features]);
  const hiddenWeights = builder.floatTensor(`${node.id}/R`, gateRows(context.weight('hiddenWeights'), units, units, kind.gates), [1, columns, units]);
  const bias = new Float32Array(2 * columns);
  if (kind.opType === 'GRU') {
    bias.set(reorderedBias(context.weight('inputBias'), units, kind.gates), 0);
    bias.set(reorderedBias(context.weight('hiddenBias'), units, kind.gates), columns);
  } else {
    bias.set(reorderedBias(context.weight('bias'), units, kind.gates), 0);
  }
  return [inputWeights, hiddenWeights, builder.floatTensor(`${node.id}/B`, bias, [1, 2 * columns])];
}

function recurrent(kind: Kind): Emitter {
  return (context): Value => {
    const { builder, node, params } = context;
    const units = params.units as number;
    const input = builder.inLayout(context.inputs[0], [1, 0, 2], node.id);
    const attributes = [intAttribute('hidden_size', units), ...(kind.opType === 'GRU' ? [intAttribute('linear_before_reset', 1)] : [])];
    const every = params.returnSequences === true;
    const outputs = builder.node(node.id, kind.opType, [input.name, ...weightInputs(context, kind, units)], every ? [`${node.id}/Y`] : ['', `${node.id}/Y_h`], attributes);
    if (every) {
      const squeezed = builder.op(node.id, 'Squeeze', [outputs[0], builder.int64Tensor(`${node.id}/directionAxis`, [1])]);
      return { name: squeezed, perm: [1, 0, 2] };
    }
    return { name: builder.op(node.id, 'Squeeze', [outputs[1], builder.int64Tensor(`${node.id}/directionAxis`, [0])]), perm: identity(2) };
  };
}

export const recurrentEmitters: Readonly<Record<string, Emitter>> = {
  SimpleRNN: recurrent(KINDS.SimpleRNN),
  LSTM: recurrent(KINDS.LSTM),
  GRU: recurrent(KINDS.GRU),
};
