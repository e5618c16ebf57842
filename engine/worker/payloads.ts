// Tensors and images leave the worker as transferable ArrayBuffers.
import type { EngineEvent, TensorPayload } from '../protocol/index.ts';
import type { HostTensor } from '../train/model.ts';

/** A copy of a tensor as float32 (the copy is what gets transferred). */
export function tensorPayload(view: HostTensor): TensorPayload {
  return { shape: [...view.shape], data: Float32Array.from(view.data).buffer };
}

/** The given rows (batch samples) of a tensor whose first axis is the batch. */
export function probeRows(view: HostTensor, samples: readonly number[]): TensorPayload {
  const [batch, ...rest] = view.shape;
  const size = view.data.length / Math.max(1, batch);
  const rows = samples.filter((sample) => sample >= 0 && sample < batch);
  const data = new Float32Array(rows.length * size);
  rows.forEach((row, index) => data.set(view.data.subarray(row * size, (row + 1) * size), index * size));
  return { shape: [rows.length, ...rest], data: data.buffer };
}

export function transferablesOf(event: EngineEvent): ArrayBuffer[] {
  switch (event.type) {
    case 'watched':
    case 'probed':
      return [event.tensor.data, ...(event.gates ?? []).map((gate) => gate.tensor.data)];
    case 'weights':
      return Object.values(event.tensors).map((tensor) => tensor.data);
    case 'images':
      return event.inputs === undefined ? [event.outputs.data] : [event.inputs.data, event.outputs.data];
    case 'checkpoint':
      return [event.data];
    case 'exported':
      return event.files.map((file) => file.data);
    case 'examples':
      return event.images === undefined ? [] : [event.images.data];
    case 'datasetPreview':
      return event.preview.images === undefined ? [] : [event.preview.images.data];
    case 'points':
      return event.real === undefined ? [event.generated] : [event.generated, event.real];
    default:
      return [];
  }
}
