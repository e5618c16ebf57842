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

async function nonFinite(model: Model, buffer: BufferId): Promise<boolean> {
  return hasNonFinite((await model.view(buffer)).data);
}

async function firstBad(model: Model, calls: readonly KernelCall[], place: NonFinite['place']): Promise<NonFinite | null> {
  for (const call of calls) {
    for (const output of call.outputs) {
      const spec = model.compiled.program.buffers[output];
      if (spec.descriptor.dtype === 'f32' && (await nonFinite(model, output))) return { nodeId: call.node ?? '?', place, buffer: spec.name ?? `#${output}` };
    }
  }
  return null;
}

/** Where the first non-finite value is, after a failed step; null when everything is finite (reads through the backend seam). */
export async function locateNonFinite(model: Model): Promise<NonFinite | null> {
  let badWeights: Model['compiled']['parameters'][number] | undefined;
  for (const parameter of model.compiled.parameters) {
    if (await nonFinite(model, parameter.value)) {
      badWeights = parameter;
      break;
    }
  }
  if (badWeights !== undefined) {
    model.forward('train');
    const forward = await firstBad(model, model.compiled.trainForward, 'output');
    return forward ?? { nodeId: badWeights.node, place: 'weights', buffer: `${badWeights.node}/${badWeights.name}` };
  }
  for (const buffer of model.compiled.inputs.values()) {
    if (await nonFinite(model, buffer)) return { nodeId: [...model.compiled.inputs.keys()][0], place: 'output', buffer: 'input data' };
  }
  return (await firstBad(model, model.compiled.trainForward, 'output')) ?? firstBad(model, model.compiled.backward, 'gradient');
}
