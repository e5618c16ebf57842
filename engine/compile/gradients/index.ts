// The gradient table: one rule per differentiable forward op.
import type { OpName } from '../../ir/index.ts';
import { activationGradients } from './activations.ts';
import type { GradientRule } from './context.ts';
import { coreGradients } from './core.ts';
import { recurrentGradients } from './recurrent.ts';
import { spatialGradients } from './spatial.ts';
import { trainingGradients } from './training.ts';

export const gradientRules: Partial<Record<OpName, GradientRule>> = {
  ...coreGradients,
  ...activationGradients,
  ...spatialGradients,
  ...trainingGradients,
  ...recurrentGradients,
};

export { GradientContext, type GradientRule } from './context.ts';
