// One op spec, every backend: each op of the IR (cases.ts) runs on the cpu reference and on every
// backend under test (backends.ts) with the same inputs; outputs must agree within a tolerance.
// Tolerance: |backend - cpu| <= 1e-4 · |cpu| + 1e-5 · max(1, largest |cpu| of that output); the
// backends sum in float32 (SIMD lanes, blocked), the cpu reference in double precision.
import { afterAll, describe, expect, it } from 'vitest';
import { allocateBuffers, bindCalls, runCalls } from '../../../engine/backends/cpu/index.ts';
import type { Backend, HostArray } from '../../../engine/backends/backend.ts';
import type { BufferSpec, OpName, Program } from '../../../engine/ir/index.ts';
import { elementCount, encodeStepScalars, nextNormal, nextUniform, OP_SIGNATURES, seedRandomState, type RandomState } from '../../../engine/ir/index.ts';
import { BACKENDS_UNDER_TEST, disposeSharedBackends } from './spec/backends.ts';
import { coveredOps, OP_CASES, type InputSpec, type OpCase } from './spec/cases.ts';
import { OP_SPEC_SKIPS } from './underTest.ts';

const RELATIVE = 1e-4;
const ABSOLUTE = 1e-5;

function buildProgram(entry: OpCase): { program: Program; inputs: number[]; outputs: number[] } {
  const buffers: BufferSpec[] = [];
  const inputs = entry.inputs.map((input, index) => {
    buffers.push({ id: index, descriptor: { shape: input.shape, dtype: isInteger(input) ? 'i32' : 'f32' }, role: 'input' });
    return index;
  });
  const outputs = entry.outputs.map((output, index) => {
    if (typeof output === 'number') return inputs[output];
    const id = entry.inputs.length + index;
    buffers.push({ id, descriptor: { shape: output, dtype: 'f32' }, role: 'activation' });
    return id;
  });
  return { program: { buffers, calls: [{ op: entry.op, inputs, outputs, node: entry.label }] }, inputs, outputs };
}

function isInteger(input: InputSpec): boolean {
  return input.kind === 'randomState' || input.kind === 'stepScalars' || (typeof input.kind === 'object' && 'below' in input.kind);
}

function inputValues(input: InputSpec, random: RandomState): number[] {
  const count = elementCount(input.shape);
  const kind = input.kind ?? 'normal';
  if (kind === 'randomState') return Array.from(seedRandomState(7));
  if (kind === 'stepScalars') return Array.from(encodeStepScalars(3, 0.01));
  if (typeof kind === 'object') return Array.from({ length: count }, () => Math.floor(nextUniform(random) * kind.below));
  if (kind === 'distinct') {
    const values = Array.from({ length: count }, (_, index) => (index - count / 2) * 0.1);
    return values.sort(() => nextUniform(random) - 0.5);
  }
  return Array.from({ length: count }, () => (kind === 'positive' ? 0.5 + nextUniform(random) : nextNormal(random)));
}

function reference(entry: OpCase, values: readonly number[][]): HostArray[] {
  const { program, inputs, outputs } = buildProgram(entry);
  const tensors = allocateBuffers(program, 'f32', 0);
  inputs.forEach((id, index) => (tensors.get(id)?.data as HostArray).set(values[index]));
  runCalls(bindCalls(program.calls, tensors));
  return outputs.map((id) => (tensors.get(id)?.data as HostArray).slice());
}

async function onBackend(backend: Backend, entry: OpCase, values: readonly number[][]): Promise<HostArray[]> {
  const { program, inputs, outputs } = buildProgram(entry);
  const buffers = backend.allocate(program, { precision: 'f32', seed: 0 });
  inputs.forEach((id, index) => buffers.write(id, values[index]));
  buffers.run(buffers.bind(program.calls));
  const results = await Promise.all(outputs.map((id) => buffers.read(id)));
  buffers.dispose();
  return results;
}

function expectClose(actual: HostArray, expected: HostArray, what: string): void {
  expect(actual.length, what).toBe(expected.length);
  let largest = 1;
  for (const value of expected) largest = Math.max(largest, Math.abs(value));
  for (let index = 0; index < expected.length; index++) {
    const error = Math.abs(actual[index] - expected[index]);
    if (!(error <= RELATIVE * Math.abs(expected[index]) + ABSOLUTE * largest)) {
      expect.fail(`${what}[${index}]: ${actual[index]} differs from the cpu reference ${expected[index]} by ${error}.`);
    }
  }
}

afterAll(disposeSharedBackends);

it('the op spec covers every op of the IR', () => {
  const missing = (Object.keys(OP_SIGNATURES) as OpName[]).filter((name) => !coveredOps().has(name));
  expect(missing).toEqual([]);
});

for (const target of BACKENDS_UNDER_TEST) {
  describe(`op spec on ${target.label}`, () => {
    const skips = OP_SPEC_SKIPS[target.name] ?? {};
    OP_CASES.forEach((entry, caseIndex) => {
      const reason = target.unavailable ?? skips[entry.op.op];
      const test = reason === undefined ? it : it.skip;
      test(`${entry.op.op}: ${entry.label}${reason === undefined ? '' : ` (skipped: ${reason})`}`, async () => {
        const random = seedRandomState(1000 + caseIndex);
        const values = entry.inputs.map((input) => inputValues(input, random));
        const expected = reference(entry, values);
        const backend = await target.create();
        const actual = await onBackend(backend, entry, values);
        backend.dispose();
        expected.forEach((output, index) => {
          if (!(entry.ignore ?? []).includes(index)) expectClose(actual[index], output, `${entry.op.op} output ${index}`);
        });
      });
    });
  });
}
