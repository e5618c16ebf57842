// SimpleRNN, LSTM and GRU share params and shape rule; they differ in gates.
import { fail, ok, type LayerSpec } from '../layerSpec.ts';
import { describeShape, tensorShape } from '../shape.ts';
import { boolParam, expectFloat, intParam } from './common.ts';

export function recurrent(type: string, gates: number, extraBiases: number, summary: string, concept: string): LayerSpec {
  return {
    type,
    category: 'Recurrent',
    summary,
    concept,
    params: {
      units: intParam('Size of the hidden state.', 32, 1, 8192),
      returnSequences: boolParam('Output the hidden state at every time step (for stacking or many-to-many), not only the last.', false),
    },
    inputs: [{ name: 'in', doc: 'A sequence T×F.' }],
    hasOutput: true,
    shape([input], params) {
      const wrongType = expectFloat(type, input);
      if (wrongType) return wrongType;
      if (input.dims.length !== 2) {
        return fail(`${type} expects a sequence (time steps × features), but receives ${describeShape(input)}.`, {
          port: 'in',
          suggestion: input.dims.length === 1 ? 'Set the Input kind to "sequence", or add an Embedding for token ids.' : 'Reshape it to time steps × features first.',
        });
      }
      const units = params.units as number;
      return ok(tensorShape(params.returnSequences ? [input.dims[0], units] : [units]));
    },
    parameterCount([input], params) {
      const units = params.units as number;
      const features = input.dims[1] ?? 0;
      return gates * units * (features + units + 1) + extraBiases * units;
    },
  };
}
