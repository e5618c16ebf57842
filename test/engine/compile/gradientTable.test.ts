// The gradient table names every forward op: a rule, or an explicit reason why it has none.
import { describe, expect, it } from 'vitest';
import type { GradientTable } from '../../../engine/compile/gradients/index.ts';
import { gradientRuleOf } from '../../../engine/compile/gradients/index.ts';
import type { KernelCall, Op } from '../../../engine/ir/index.ts';

function callOf(op: Op): KernelCall {
  return { op, inputs: [0], outputs: [1], node: 'n1' };
}

describe('gradient table', () => {
  it('a table that leaves out a forward op does not compile; backward ops need no entry', () => {
    const rule = () => undefined;
    // @ts-expect-error tanh has neither a rule nor a reason
    const missing: GradientTable<'relu' | 'tanh' | 'reluBackward'> = { relu: rule };
    const complete: GradientTable<'relu' | 'tanh' | 'reluBackward'> = { relu: rule, tanh: rule };
    expect(Object.keys(missing)).toEqual(['relu']);
    expect(Object.keys(complete)).toEqual(['relu', 'tanh']);
  });

  it('finds the rule of a differentiable op', () => {
    expect(typeof gradientRuleOf(callOf({ op: 'relu' }))).toBe('function');
  });

  it('an op without a gradient fails naming the op, the node and the reason', () => {
    expect(() => gradientRuleOf(callOf({ op: 'batchNormInference', epsilon: 1e-5, momentum: 0.1 }))).toThrow('No gradient rule for batchNormInference (node n1): batchNormInference runs only in the inference program, which is never differentiated.');
    expect(() => gradientRuleOf(callOf({ op: 'reluBackward' }))).toThrow('No gradient rule for reluBackward (node n1): it is a backward op, and backward ops are not differentiated again.');
  });
});
