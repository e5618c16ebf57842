// The gate activations of a recurrent node, read from the buffer its fused op already fills for
// backpropagation through time: nothing is recompiled and no step does extra work; the copy is
// made only when a watched or probed node is an LSTM or a GRU.
import type { CompiledGraph } from '../compile/index.ts';
import type { BufferId } from '../ir/index.ts';
import type { GatePayload } from '../protocol/index.ts';
import type { HostTensor } from '../train/model.ts';

/** Gate names in the kernels' column order, and which output of the op holds them [B, T, gates·H]. */
const RECURRENT_GATES: Readonly<Record<string, { readonly names: readonly string[]; readonly output: number }>> = {
  lstmSequence: { names: ['input', 'forget', 'candidate', 'output'], output: 2 },
  gruSequence: { names: ['reset', 'update', 'candidate'], output: 1 },
};

export interface GateBuffer {
  readonly names: readonly string[];
  readonly buffer: BufferId;
}

/** The gate buffer of a recurrent node's forward op; null for every other node. */
export function gateBuffer(compiled: CompiledGraph, nodeId: string): GateBuffer | null {
  for (const call of compiled.trainForward) {
    if (call.node !== nodeId) continue;
    const gates = RECURRENT_GATES[call.op.op];
    if (gates !== undefined) return { names: gates.names, buffer: call.outputs[gates.output] };
  }
  return null;
}

/** Splits gates [B, T, G·H] into one [samples, T, H] tensor per gate, for the given batch rows. */
export function splitGates(view: HostTensor, names: readonly string[], samples: readonly number[]): GatePayload[] {
  const [batch, steps, columns] = view.shape;
  const units = columns / names.length;
  const rows = samples.filter((sample) => sample >= 0 && sample < batch);
  return names.map((name, gate) => {
    const data = new Float32Array(rows.length * steps * units);
    rows.forEach((row, index) => {
      for (let step = 0; step < steps; step++) {
        const from = (row * steps + step) * columns + gate * units;
        data.set(view.data.subarray(from, from + units), (index * steps + step) * units);
      }
    });
    return { name, tensor: { shape: [rows.length, steps, units], data: data.buffer } };
  });
}

/** A recurrent node's gates for the given samples after the last forward pass; undefined for other nodes. */
export async function recurrentGates(model: { readonly compiled: CompiledGraph; view(buffer: BufferId): Promise<HostTensor> }, nodeId: string, samples: readonly number[]): Promise<GatePayload[] | undefined> {
  const gates = gateBuffer(model.compiled, nodeId);
  return gates === null ? undefined : splitGates(await model.view(gates.buffer), gates.names, samples);
}
