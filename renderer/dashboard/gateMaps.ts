// An LSTM's or GRU's gates for one sample as time-by-unit heat maps. Each gate keeps its natural
// range (sigmoid gates 0 to 1, tanh candidates −1 to 1) so that colors read the same at every step
// and across gates: dark means closed (or −1), bright means open (or +1).
import type { GatePayload } from '../../engine/protocol/index.ts';
import { blankImage, magma, normalize, setPixel, type RgbaImage } from './pixels.ts';

interface GateInfo {
  readonly title: string;
  readonly explanation: string;
  readonly min: number;
  readonly max: number;
}

/** What each gate does, by engine name and layer type (names shared by both layers differ in meaning). */
const GATES: Readonly<Record<string, Readonly<Record<string, GateInfo>>>> = {
  LSTM: {
    input: { title: 'Input gate i', explanation: 'How much of the candidate is written into the cell.', min: 0, max: 1 },
    forget: { title: 'Forget gate f', explanation: 'How much of the previous cell state is kept.', min: 0, max: 1 },
    candidate: { title: 'Cell candidate C̃', explanation: 'The new values proposed for the cell.', min: -1, max: 1 },
    output: { title: 'Output gate o', explanation: 'How much of the cell is shown as the hidden state.', min: 0, max: 1 },
  },
  GRU: {
    reset: { title: 'Reset gate r', explanation: 'How much of the previous state feeds the candidate.', min: 0, max: 1 },
    update: { title: 'Update gate z', explanation: 'How much of the previous state is kept over the candidate.', min: 0, max: 1 },
    candidate: { title: 'Candidate n', explanation: 'The new state proposed at each step.', min: -1, max: 1 },
  },
};

export interface GateMap {
  readonly name: string;
  readonly title: string;
  readonly explanation: string;
  readonly steps: number;
  readonly units: number;
  /** "0 to 1 · mean 0.52". */
  readonly caption: string;
  /** T wide, units tall: time runs left to right. */
  readonly image: RgbaImage;
  readonly mean: number;
}

/** A T×H gate as an image T wide and H tall, colored on the fixed range [min, max]. */
export function gateImage(values: ArrayLike<number>, steps: number, units: number, min: number, max: number): RgbaImage {
  const image = blankImage(steps, units);
  for (let step = 0; step < steps; step++) {
    for (let unit = 0; unit < units; unit++) {
      const [red, green, blue] = magma(normalize(values[step * units + unit], min, max));
      setPixel(image, step, unit, red, green, blue);
    }
  }
  return image;
}

function formatRange(min: number, max: number): string {
  return `${min < 0 ? `−${-min}` : min} to ${max}`;
}

/** The first sample of each gate ([samples, T, H]) as a labelled heat map; empty when there are none. */
export function gateMaps(nodeType: string | undefined, gates: readonly GatePayload[] | undefined): GateMap[] {
  if (gates === undefined) return [];
  const known = GATES[nodeType ?? ''] ?? {};
  return gates.flatMap((gate) => {
    const [, steps, units] = gate.tensor.shape;
    if (steps === undefined || units === undefined || gate.tensor.data.byteLength < steps * units * 4) return [];
    const values = new Float32Array(gate.tensor.data, 0, steps * units);
    const info = known[gate.name] ?? { title: gate.name, explanation: '', min: 0, max: 1 };
    const mean = values.reduce((sum, value) => sum + value, 0) / Math.max(1, values.length);
    const caption = `${formatRange(info.min, info.max)} · mean ${mean.toFixed(2)}`;
    return [{ name: gate.name, title: info.title, explanation: info.explanation, steps, units, caption, image: gateImage(values, steps, units, info.min, info.max), mean }];
  });
}
