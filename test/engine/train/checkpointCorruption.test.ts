// A damaged checkpoint never loads: every single changed byte is caught by the checksum, and
// every header field is checked (type, range, place in the file, match with the graph), each
// refusal a CheckpointError of one line naming the field and what to do. Nothing is written to
// the model unless the whole file passes.
import { describe, expect, it } from 'vitest';
import { CheckpointError, loadCheckpoint } from '../../../engine/train/checkpoint.ts';
import { crc32 } from '../../../engine/train/crc32.ts';
import { asVersion1, checksummed, smallCheckpoint, smallRun, withHeader, withHeaderText } from './checkpointFixture.ts';

/** The message of the CheckpointError that loading `bytes` throws (fails the test on a load or any other error). */
function refusal(bytes: Uint8Array, run = smallRun()): string {
  try {
    loadCheckpoint(bytes, [run.model], [run.trainer]);
  } catch (cause) {
    if (!(cause instanceof CheckpointError)) throw cause;
    expect(cause.message).not.toContain('\n');
    return cause.message;
  }
  throw new Error('the damaged checkpoint loaded');
}

const saved = smallCheckpoint();

describe('CRC-32', () => {
  it('matches zlib.crc32', () => {
    // Python: zlib.crc32(b'123456789'), zlib.crc32(bytes(range(256)) * 4), zlib.crc32(b'Netloom checkpoint').
    expect(crc32(new TextEncoder().encode('123456789'))).toBe(0xcbf43926);
    expect(crc32(new Uint8Array(1024).map((_, index) => index % 256))).toBe(0xb70b4c26);
    expect(crc32(new TextEncoder().encode('Netloom checkpoint'))).toBe(0x604d4cf2);
    expect(crc32(new Uint8Array(0))).toBe(0);
  });
});

describe('a checkpoint with one byte changed', () => {
  it('loads intact', () => {
    const run = smallRun();
    loadCheckpoint(saved.bytes, [run.model], [run.trainer]);
    expect(run.model.readParameters()).toEqual(saved.model.readParameters());
    expect(run.trainer.step).toBe(3);
  });

  it('is refused at every byte position, for three different changes', () => {
    const run = smallRun();
    const before = run.model.readParameters();
    let refused = 0;
    for (let position = 0; position < saved.bytes.length; position++) {
      for (const change of [0x01, 0x80, 1 + ((position * 37) % 255)]) {
        const damaged = saved.bytes.slice();
        damaged[position] ^= change;
        expect(refusal(damaged, run)).toMatch(/checksum does not match|not a Netloom checkpoint/);
        refused++;
      }
    }
    expect(refused).toBe(3 * saved.bytes.length);
    expect(saved.bytes.length).toBeGreaterThan(400);
    expect(run.model.readParameters()).toEqual(before);
  });

  it('cut short or extended, is refused', () => {
    for (const length of [0, 3, 15, 16, saved.bytes.length - 1]) expect(refusal(saved.bytes.subarray(0, length))).toMatch(/checksum|cut short|not a Netloom/);
    const longer = new Uint8Array(saved.bytes.length + 4);
    longer.set(saved.bytes);
    expect(refusal(longer)).toMatch(/checksum does not match/);
  });
});

describe('a version-1 checkpoint (no checksum)', () => {
  it('still loads, with every header check', () => {
    const run = smallRun();
    expect(loadCheckpoint(asVersion1(saved.bytes), [run.model], [run.trainer])).toMatchObject({ steps: 3, epoch: 1, index: 1 });
    expect(run.model.readParameters()).toEqual(saved.model.readParameters());
    const version1 = asVersion1(withHeader(saved.bytes, (header) => ({ ...header, index: -1 })));
    expect(refusal(version1)).toMatch(/"index" is -1, not a whole number of at least 0/);
  });

  it('is told from version 2 by magic and version both', () => {
    const claimsVersion2 = asVersion1(saved.bytes);
    new DataView(claimsVersion2.buffer).setUint32(4, 2, true);
    expect(refusal(claimsVersion2)).toMatch(/format version 2 is not one this Netloom reads \(1 for a file starting "NLCK"\)/);
  });
});

const FIELD_CASES: [string, (header: Record<string, unknown>) => unknown, RegExp][] = [
  ['null', () => null, /^checkpoint header is null, not a JSON object; the file is damaged/],
  ['a list', () => [], /^checkpoint header is \[\], not a JSON object/],
  ['no tensors', (header) => ({ ...header, tensors: undefined }), /"tensors" is missing, not a list/],
  ['tensors not a list', (header) => ({ ...header, tensors: { a: 1 } }), /"tensors" is \{"a":1\}, not a list/],
  ['no trainers', (header) => ({ ...header, trainers: undefined }), /"trainers" is missing, not a list/],
  ['a null trainer', (header) => ({ ...header, trainers: [null] }), /"trainers\[0\]" is null, not an object/],
  ['a negative trainer step', (header) => ({ ...header, trainers: [{ step: -2, learningRateOverride: null }] }), /"trainers\[0\].step" is -2/],
  ['a NaN-like learning rate', (header) => ({ ...header, trainers: [{ step: 2, learningRateOverride: 'fast' }] }), /"trainers\[0\].learningRateOverride" is "fast"/],
  ['a negative index', (header) => ({ ...header, index: -1 }), /"index" is -1, not a whole number of at least 0/],
  ['a fractional epoch', (header) => ({ ...header, epoch: 1.5 }), /"epoch" is 1.5, not a whole number of at least 0/],
  ['steps as text', (header) => ({ ...header, steps: '3' }), /"steps" is "3", not a whole number/],
  ['a batch of 0', (header) => ({ ...header, batchSize: 0 }), /"batchSize" is 0, not a whole number of at least 1/],
  ['another format', (header) => ({ ...header, format: 'pytorch' }), /"format" is "pytorch", not "netloom.checkpoint"/],
  ['no graph name', (header) => ({ ...header, graph: 7 }), /"graph" is 7, not a graph name/],
];

type Tensor = { name: string; dtype: string; shape: number[]; offset: number; length: number };

/** The header with tensor `index` changed by `edit`. */
function tensorCase(index: number, edit: (tensor: Tensor, all: Tensor[]) => Partial<Tensor> | null) {
  return (header: Record<string, unknown>) => {
    const tensors = header.tensors as Tensor[];
    return { ...header, tensors: tensors.map((tensor, at) => (at === index ? (edit(tensor, tensors) === null ? null : { ...tensor, ...edit(tensor, tensors) }) : tensor)) };
  };
}

const TENSOR_CASES: [string, (header: Record<string, unknown>) => unknown, RegExp][] = [
  ['a null tensor', tensorCase(1, () => null), /"tensors\[1\]" is null, not an object/],
  ['a negative offset', tensorCase(0, () => ({ offset: -4 })), /"tensors\[0\].offset" is -4, not a whole number of at least 0/],
  ['an unaligned offset', tensorCase(0, () => ({ offset: 2 })), /"tensors\[0\].offset" is 2, not a multiple of 4 bytes/],
  ['an offset past the end', tensorCase(2, () => ({ offset: 1 << 20 })), /"tensors\[2\]" \("m0\/[^"]+"\) runs past the end of the data: bytes 1048576 to/],
  ['overlapping tensors', tensorCase(1, (_tensor, all) => ({ offset: all[0].offset })), /"tensors\[1\].offset" is 0: "m0\/[^"]+" overlaps tensors\[0\], which ends at/],
  ['a float64 dtype', tensorCase(0, () => ({ dtype: 'f64' })), /"tensors\[0\].dtype" is "f64", not "f32" or "i32"/],
  ['a negative shape', tensorCase(0, (tensor) => ({ shape: [-tensor.length] })), /"tensors\[0\].shape\[0\]" is -\d+, not a whole number of at least 0/],
  ['a length that is not its shape', tensorCase(0, (tensor) => ({ length: tensor.length - 1 })), /"tensors\[0\].length" is \d+, but its shape \[[\d, ]+\] holds \d+ values/],
  ['a repeated name', tensorCase(1, (_tensor, all) => ({ name: all[0].name })), /"tensors\[1\].name" repeats "m0\/[^"]+", already named by an earlier tensor/],
  ['an empty name', tensorCase(1, () => ({ name: '' })), /"tensors\[1\].name" is "", not a tensor name/],
];

describe('a checkpoint header', () => {
  it.each([...FIELD_CASES, ...TENSOR_CASES])('with %s is refused, naming the field', (_title, edit, message) => {
    const text = refusal(withHeader(saved.bytes, edit));
    expect(text).toMatch(message);
    expect(text).toMatch(/use another checkpoint, or train again\.$/);
  });

  it('that is not JSON, not UTF-8 or longer than the file is refused', () => {
    expect(refusal(withHeaderText(saved.bytes, '{"format": "netloom.checkpoint",'))).toMatch(/header is not valid JSON/);
    const invalidText = withHeaderText(saved.bytes, 'xxxx');
    invalidText.set([0xff, 0xfe], 12);
    expect(refusal(checksummed(invalidText))).toMatch(/header is not valid UTF-8 text/);
    const longHeader = saved.bytes.slice();
    new DataView(longHeader.buffer).setUint32(8, 1 << 24, true);
    expect(refusal(checksummed(longHeader))).toMatch(/header length 16777216 is not a multiple of 4 inside the file's \d+ bytes/);
  });
});

describe('a checkpoint of another shape', () => {
  const weights = (header: Record<string, unknown>) => (header.tensors as Tensor[]).findIndex((tensor) => tensor.name === 'm0/out/weights');

  it('with a transposed shape or another dtype is refused, and nothing is loaded', () => {
    const run = smallRun();
    const before = run.model.readParameters();
    const transposed = withHeader(saved.bytes, (header) => tensorCase(weights(header), (tensor) => ({ shape: [...tensor.shape].reverse() }))(header));
    expect(refusal(transposed, run)).toMatch(/^"m0\/out\/weights" has shape \[2, 3\] in the checkpoint but \[3, 2\] in this graph: it was saved from a different graph: use a checkpoint saved from this one, or start a new run\.$/);
    const integers = withHeader(saved.bytes, (header) => tensorCase(weights(header), () => ({ dtype: 'i32' }))(header));
    expect(refusal(integers, run)).toMatch(/^"m0\/out\/weights" is i32 in the checkpoint but f32 in this graph/);
    expect(run.model.readParameters()).toEqual(before);
    expect(run.trainer.step).toBe(0);
  });

  it('from a wider graph or with another number of trainers is refused', () => {
    expect(refusal(saved.bytes, smallRun(4))).toMatch(/"m0\/dense\/weights" holds 6 values in the checkpoint but 8 in this graph/);
    expect(refusal(withHeader(saved.bytes, (header) => ({ ...header, trainers: [] })))).toMatch(/^checkpoint has 0 trainers, this graph 1: it was saved from a different graph/);
  });
});
