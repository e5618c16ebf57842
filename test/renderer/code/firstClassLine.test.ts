// The PyTorch view opens at the model's class, below the helpers every graph shares.
import { describe, expect, it } from 'vitest';
import { firstClassLine } from '../../../renderer/code/generatedCode.ts';

describe('firstClassLine', () => {
  it('is the 1-based line of the first class, or 1 when there is none', () => {
    expect(firstClassLine('import torch\n\n\nclass Model(nn.Module):\n    pass\nclass Other:')).toBe(4);
    expect(firstClassLine('import torch')).toBe(1);
  });
});
