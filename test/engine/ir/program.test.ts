// Programs: structural checks and the op signature table.
import { describe, expect, it } from 'vitest';
import { arityMatches, checkProgram, OP_SIGNATURES, type Program } from '../../../engine/ir/index.ts';

const image = { shape: [2, 4, 4, 1], dtype: 'f32' } as const;

describe('checkProgram', () => {
  it('accepts a sound program', () => {
    const program: Program = {
      buffers: [
        { id: 0, descriptor: image, role: 'input' },
        { id: 1, descriptor: { shape: [2, 16], dtype: 'f32' }, role: 'activation', aliasOf: 0 },
        { id: 2, descriptor: { shape: [2, 16], dtype: 'f32' }, role: 'activation' },
      ],
      calls: [{ op: { op: 'relu' }, inputs: [1], outputs: [2], node: 'relu1' }],
    };
    expect(checkProgram(program)).toEqual([]);
  });

  it('names unknown buffers, wrong arity, duplicate ids and bad aliases', () => {
    const program: Program = {
      buffers: [
        { id: 0, descriptor: image, role: 'input' },
        { id: 0, descriptor: image, role: 'activation' },
        { id: 1, descriptor: { shape: [3], dtype: 'f32' }, role: 'activation', aliasOf: 0 },
        { id: 2, descriptor: { shape: [2, 16], dtype: 'f32' }, role: 'activation', aliasOf: 1 },
      ],
      calls: [
        { op: { op: 'add' }, inputs: [0], outputs: [5], node: 'sum' },
        { op: { op: 'concat', axis: 0 }, inputs: [], outputs: [0] },
      ],
    };
    expect(checkProgram(program)).toEqual([
      'Buffer 0 is declared twice.',
      'Buffer 1 aliases 0 but their sizes or types differ.',
      'Buffer 2 aliases 1, which is not a plain buffer.',
      'Call 0 (add of sum) takes inputs [a, b], not 1.',
      'Call 0 (add of sum) uses buffer 5, which is not declared.',
      'Call 1 (concat) takes inputs [parts...], not 0.',
    ]);
  });
});

describe('op signatures', () => {
  it('match variadic lists and fixed lists', () => {
    expect(arityMatches(['parts...'], 3)).toBe(true);
    expect(arityMatches(['parts...'], 0)).toBe(false);
    expect(arityMatches(['a', 'b'], 2)).toBe(true);
    expect(arityMatches(['a', 'b'], 3)).toBe(false);
  });

  it('every backward op returns gradients, named d…', () => {
    for (const [name, signature] of Object.entries(OP_SIGNATURES)) {
      if (!name.endsWith('Backward') || name === 'sliceBackward') continue;
      expect(signature.outputs.every((output) => output.startsWith('d') || output === 'scratch'), name).toBe(true);
    }
  });
});
