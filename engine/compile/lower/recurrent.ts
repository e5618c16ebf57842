// SimpleRNN, LSTM and GRU: one fused op over the whole sequence; the last step is sliced out
// unless every step is returned. Weights start uniform in ±1/√units, as in PyTorch.
import type { BufferId, Initializer } from '../../ir/index.ts';
import type { Lowering, LoweringContext } from './context.ts';

type Kind = 'rnn' | 'lstm' | 'gru';
const GATES: Readonly<Record<Kind, number>> = { rnn: 1, lstm: 4, gru: 3 };

function sequenceInputs(context: LoweringContext, kind: Kind): BufferId[] {
  const units = context.params.units as number;
  const [, features] = context.inputShapes[0].dims;
  const columns = GATES[kind] * units;
  const limit = 1 / Math.sqrt(units);
  const uniform: Initializer = { kind: 'uniform', low: -limit, high: limit };
  const initialHidden = context.persistent('initialHidden', [context.batch, units], { kind: 'zeros' });
  const initialCell = kind === 'lstm' ? [context.persistent('initialCell', [context.batch, units], { kind: 'zeros' })] : [];
  const inputWeights = context.parameter('inputWeights', [features, columns], uniform, true);
  const hiddenWeights = context.parameter('hiddenWeights', [units, columns], uniform, true);
  const biases = kind === 'gru' ? [context.parameter('inputBias', [columns], uniform, false), context.parameter('hiddenBias', [columns], uniform, false)] : [context.parameter('bias', [columns], uniform, false)];
  return [context.inputs[0], initialHidden, ...initialCell, inputWeights, hiddenWeights, ...biases];
}

function recurrent(kind: Kind): Lowering {
  return (context) => {
    const units = context.params.units as number;
    const [steps] = context.inputShapes[0].dims;
    const perStep = (width: number, name: string) => context.activation([context.batch, steps, width], name);
    const hidden = perStep(units, 'hidden');
    const extra = kind === 'lstm' ? [perStep(units, 'cell'), perStep(4 * units, 'gates')] : kind === 'gru' ? [perStep(3 * units, 'gates'), perStep(units, 'hiddenCandidate')] : [];
    context.emit({ op: `${kind}Sequence` }, sequenceInputs(context, kind), [hidden, ...extra]);
    if (context.params.returnSequences) return hidden;
    const last = context.activation([context.batch, 1, units], 'lastHidden');
    context.emit({ op: 'slice', axis: 1, start: steps - 1 }, [hidden], [last]);
    return context.builder.view(last, context.outputDims);
  };
}

export const lowerSimpleRNN = recurrent('rnn');
export const lowerLSTM = recurrent('lstm');
export const lowerGRU = recurrent('gru');
