// Picks the optimizer a graph's training settings name.
import type { OptimizerSettings } from '../../graph/index.ts';
import { createAdam } from './adam.ts';
import { createRmsprop } from './rmsprop.ts';
import { createSgd } from './sgd.ts';
import type { Optimizer } from './types.ts';

export function createOptimizer(settings: OptimizerSettings): Optimizer {
  switch (settings.type) {
    case 'sgd':
      return createSgd(settings, false);
    case 'momentum':
      return createSgd(settings, true);
    case 'adam':
      return createAdam(settings, false);
    case 'adamw':
      return createAdam(settings, true);
    case 'rmsprop':
      return createRmsprop(settings);
  }
}

export type { Optimizer, ParameterSlot } from './types.ts';
