// Pictures drawn mid-epoch (a GAN's samples every few seconds) file under the epoch still going,
// moving its step on; the epoch's end then completes the same snapshot, pictures kept.
import { describe, expect, it } from 'vitest';
import type { EngineEvent } from '../../../engine/protocol/index.ts';
import { initialRun, reduceRun } from '../../../renderer/dashboard/runModel.ts';
import { sampleHistory } from '../../../renderer/dashboard/sampleHistory.ts';
import { grid, steps } from './events.ts';

const samples = (fill: number): EngineEvent => ({ type: 'images', kind: 'samples', epoch: 0, outputs: { ...grid(4), data: new Float32Array(16).fill(fill).buffer } });

describe('mid-epoch pictures', () => {
  it('file under the epoch going, newest first shown, and the epoch end keeps them', () => {
    const events: EngineEvent[] = [steps(1, 1), samples(0.1), steps(2, 40), samples(0.7), steps(41, 937), { type: 'epoch', epoch: 0, validation: {} }];
    const states = events.map((_, count) => events.slice(0, count + 1).reduce(reduceRun, initialRun()));
    expect(sampleHistory(states[1].snapshots).map((entry) => [entry.epoch, entry.step])).toEqual([[0, 1]]);
    const later = sampleHistory(states[3].snapshots);
    expect(later.map((entry) => [entry.epoch, entry.step])).toEqual([[0, 40]]);
    expect(new Float32Array(later[0].grid.data)[0]).toBeCloseTo(0.7, 6);
    const ended = states[5].snapshots;
    expect(ended).toHaveLength(1);
    expect(ended[0].step).toBe(937);
    expect(new Float32Array(ended[0].samples!.data)[0]).toBeCloseTo(0.7, 6);
  });
});
