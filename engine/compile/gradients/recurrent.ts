// Backpropagation through time for the fused recurrent ops: one backward op returns every gradient.
import type { RecurrentOp } from '../../ir/index.ts';
import type { GradientContext, GradientRule, GradientTable } from './context.ts';

/** Scratch widths per batch row, as the kernels document: rnn 2H, lstm 6H, gru 7H. */
const SCRATCH = { rnnSequence: 2, lstmSequence: 6, gruSequence: 7 } as const;

function recurrentRule(forwardOp: keyof typeof SCRATCH, savedOutputs: number, gradientInputs: readonly number[]): GradientRule {
  return (context: GradientContext) => {
    const { inputs, outputs } = context.forward;
    const [batch, , units] = context.builder.shape(outputs[0]);
    const gradients = gradientInputs.map((index) => context.gradientBuffer(inputs[index]));
    const scratch = context.scratch([batch, SCRATCH[forwardOp] * units]);
    const saved = [...inputs.slice(0, inputs.length - (forwardOp === 'gruSequence' ? 2 : 1)), ...outputs.slice(0, savedOutputs)];
    context.emit({ op: `${forwardOp}Backward` }, [...saved, context.dOutput()], [...gradients, scratch]);
    gradients.forEach((gradient, position) => context.needsInput(gradientInputs[position]) && context.give(gradientInputs[position], gradient));
  };
}

export const recurrentGradients: GradientTable<RecurrentOp['op']> = {
  // rnn inputs: input initialHidden inputWeights hiddenWeights bias
  rnnSequence: recurrentRule('rnnSequence', 1, [0, 1, 2, 3, 4]),
  // lstm inputs: input initialHidden initialCell inputWeights hiddenWeights bias; saved hidden cell gates
  lstmSequence: recurrentRule('lstmSequence', 3, [0, 1, 2, 3, 4, 5]),
  // gru inputs: input initialHidden inputWeights hiddenWeights inputBias hiddenBias; saved hidden gates hiddenCandidate
  gruSequence: recurrentRule('gruSequence', 3, [0, 1, 2, 3, 4, 5]),
};
