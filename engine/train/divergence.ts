// Finds where a NaN or infinity first appeared: the first forward call whose output is not
// finite names the node; failing that, the backward pass or the parameters themselves.
import type { BufferId, KernelCall } from '../ir/index.ts';
import type { Model } from './model.ts';

export interface NonFinite {
  readonly nodeId: string;
  /** 'output', 'gradient' or 'weights': where the bad value sits. */
  readonly place: 'output' | 'gradient' | 'weights';
  readonly buffer: string;
}

function hasNonFinite(data: ArrayLike<number>): boolean {
  for (let i = 0; i < data.length; i++) if (!Number.isFinite(data[i])) return true;
  return false;
}

function firstBad(model: Model, calls: readonly KernelCall[], place: NonFinite['place']): NonFinite | null {
  for (const call of calls) {
    for (const output of call.outputs) {
      const spec = model.compiled.program.buffers[output];
      if (spec.descriptor.dtype === 'f32' && hasNonFinite(model.tensor(output).data)) return { nodeId: call.node ?? '?', place, buffer: spec.name ?? `#${output}` };
    }
  }
  return null;
}

/** Where the first non-finite value is, after a failed step; null when everything is finite. */
export function locateNonFinite(model: Model): NonFinite | null {
  const parameters = model.compiled.parameters;
  const badWeights = parameters.find((parameter) => hasNonFinite(model.tensor(parameter.value).data));
  if (badWeights !== undefined) {
    model.forward('train');
    const forward = firstBad(model, model.compiled.trainForward, 'output');
    return forward ?? { nodeId: badWeights.node, place: 'weights', buffer: `${badWeights.node}/${badWeights.name}` };
  }
  const inputs: BufferId[] = [...model.compiled.inputs.values()];
  if (inputs.some((buffer) => hasNonFinite(model.tensor(buffer).data))) return { nodeId: [...model.compiled.inputs.keys()][0], place: 'output', buffer: 'input data' };
  return firstBad(model, model.compiled.trainForward, 'output') ?? firstBad(model, model.compiled.backward, 'gradient');
}
