// A shape-level estimate of the memory a graph trains in, from its analysis alone (no Program): for
// the editor, which shows it beside the parameter count as the graph changes. Each parameter takes
// its value, its gradient and the optimizer's state; each layer's output is kept for the backward
// pass with a gradient of the same size, per example in the batch. The engine's exact count, from
// the compiled Program, is compile/memory.ts; that is the one a run is checked against.
import type { GraphAnalysis } from './analyzeGraph.ts';
import type { OptimizerSettings } from './document.ts';

const FLOAT_BYTES = 4;

/** State buffers per parameter: velocity (momentum), first and second moments (Adam), square average (RMSprop). */
export function optimizerStateCount(settings: Pick<OptimizerSettings, 'type' | 'momentum'>): number {
  switch (settings.type) {
    case 'sgd':
      return 0;
    case 'momentum':
      return settings.momentum > 0 ? 1 : 0;
    case 'adam':
    case 'adamw':
      return 2;
    case 'rmsprop':
      return 1;
  }
}

/** Approximate bytes of training `analysis`'s graph at its batch size (or `batchSize`); 0 while it has no document. */
export function estimateGraphMemory(analysis: GraphAnalysis, batchSize?: number): number {
  const document = analysis.document;
  if (document === null) return 0;
  const batch = batchSize ?? document.training.batchSize;
  const perParameter = 2 + optimizerStateCount(document.training.optimizer);
  let values = analysis.totalParameters * perParameter;
  for (const node of document.nodes) {
    const shape = analysis.nodeShapes.get(node.id);
    if (shape === undefined) continue;
    // A loss head's output is one number for the batch; other outputs are per example.
    const count = shape.dims.length === 0 ? 1 : shape.dims.reduce((product, size) => product * size, batch);
    // Inputs are fed, not differentiated; every other output has a gradient beside it.
    values += count * (node.type === 'Input' ? 1 : 2);
  }
  return values * FLOAT_BYTES;
}
