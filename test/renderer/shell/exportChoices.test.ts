// The export dialog's choices: which weights are offered and chosen first, the request's weights,
// and the parity figures as shown (ok or failed against the tolerance).
import { describe, expect, it } from 'vitest';
import { defaultWeights, formatDifference, parityRows, paritySummary, weightsChoice, weightsHint, weightsOptions } from '../../../renderer/shell/exportChoices.ts';

const loaded = { name: 'x.ckpt', steps: 30, data: Uint8Array.of(9, 8).buffer };

describe('export choices', () => {
  it("offers the run's weights first, then a loaded checkpoint's, then the initial ones", () => {
    expect(weightsOptions({ runStep: 120, loaded }).map((option) => option.label)).toEqual(["The latest run's weights (step 120)", 'The weights loaded from x.ckpt (step 30)', 'The initial weights (seeded, untrained)']);
    expect(defaultWeights({ runStep: 120, loaded })).toBe('run');
    expect(defaultWeights({ runStep: null, loaded })).toBe('checkpoint');
    expect(defaultWeights({ runStep: null, loaded: null })).toBe('initial');
    expect(weightsHint({ runStep: 120, loaded: null })).toBeNull();
    expect(weightsHint({ runStep: null, loaded: null })).toMatch(/^This graph has no run in this session: the export holds its seeded initial weights/);
  });

  it('sends a copy of the loaded checkpoint, and never a checkpoint it does not have', () => {
    const choice = weightsChoice('checkpoint', loaded);
    expect(choice.kind === 'checkpoint' && [choice.name, [...new Uint8Array(choice.data)]]).toEqual(['x.ckpt', [9, 8]]);
    expect(choice.kind === 'checkpoint' && choice.data).not.toBe(loaded.data);
    expect(weightsChoice('checkpoint', null)).toEqual({ kind: 'initial' });
    expect(weightsChoice('run', loaded)).toEqual({ kind: 'run' });
  });

  it('shows each output against the tolerance', () => {
    const reports = [
      { part: 'model', output: 'logits', maxAbsolute: 2.384e-7, maxRelative: 3.1e-8, tolerance: 1e-4, passed: true },
      { part: 'model', output: 'probabilities', maxAbsolute: 0, maxRelative: 0, tolerance: 1e-4, passed: true },
      { part: 'encoder', output: 'code', maxAbsolute: 0.5, maxRelative: 0.02, tolerance: 1e-4, passed: false },
    ];
    expect(parityRows(reports).map((row) => [row.key, row.absolute, row.relative, row.verdict])).toEqual([
      ['model/logits', '2.4e-7', '3.1e-8', 'ok'],
      ['model/probabilities', '0', '0', 'ok'],
      ['encoder/code', '5.0e-1', '2.0e-2', 'failed'],
    ]);
    expect(formatDifference(Infinity)).toBe('missing');
    expect(paritySummary(reports.slice(0, 2))).toBe('onnxruntime matches Netloom on fixed inputs: every output within 1e-4 relative.');
    expect(paritySummary(reports)).toMatch(/^1 of 3 outputs differ from Netloom by more than 1e-4 relative/);
  });
});
