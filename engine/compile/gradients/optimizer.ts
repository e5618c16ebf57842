// The optimizer's ops have no gradient: they run in the update phase, after the backward pass,
// and are never part of a differentiated forward pass.
import type { OptimizerOp } from '../../ir/index.ts';
import { noGradient, type GradientTable } from './context.ts';

const UPDATE_PHASE = noGradient('optimizer updates run after the backward pass and are never differentiated');

export const optimizerGradients: GradientTable<OptimizerOp['op']> = {
  sgdUpdate: UPDATE_PHASE,
  momentumUpdate: UPDATE_PHASE,
  adamUpdate: UPDATE_PHASE,
  rmspropUpdate: UPDATE_PHASE,
  clipGradientNorm: UPDATE_PHASE,
};
