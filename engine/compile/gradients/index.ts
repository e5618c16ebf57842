// The gradient table: one entry per forward op, a rule or an explicit statement that it has none.
import type { KernelCall, OpName } from '../../ir/index.ts';
import { activationGradients } from './activations.ts';
import type { GradientRule, GradientTable, NoGradient } from './context.ts';
import { coreGradients } from './core.ts';
import { optimizerGradients } from './optimizer.ts';
import { recurrentGradients } from './recurrent.ts';
import { spatialGradients } from './spatial.ts';
import { trainingGradients } from './training.ts';

export const gradientRules: GradientTable<OpName> = {
  ...coreGradients,
  ...activationGradients,
  ...spatialGradients,
  ...trainingGradients,
  ...recurrentGradients,
  ...optimizerGradients,
};

/** The gradient rule of a forward call, or an error naming the op, the node and why it has none. */
export function gradientRuleOf(forward: KernelCall): GradientRule {
  const table: Partial<Record<OpName, GradientRule | NoGradient>> = gradientRules;
  const entry = table[forward.op.op];
  if (typeof entry === 'function') return entry;
  const reason = entry === undefined ? 'it is a backward op, and backward ops are not differentiated again' : entry.noGradient;
  throw new Error(`No gradient rule for ${forward.op.op} (node ${forward.node ?? '?'}): ${reason}.`);
}

export { GradientContext, type GradientRule, type GradientTable, type NoGradient } from './context.ts';
