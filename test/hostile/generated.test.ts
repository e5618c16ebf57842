// The hostile-input suite's generated half: well over a thousand command lines, graph files, data
// files and checkpoints, each broken by construction. Every one must end in exit 1 with one line
// that says what is wrong, within the harness's heap, resident-memory and time limits.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkpointCases } from './checkpointCases.ts';
import { commandCases, XO } from './commandCases.ts';
import { dataCases } from './dataCases.ts';
import { refusalProblem, runCases } from './harness.ts';
import { workspace } from './workspace.ts';

describe('generated hostile input', () => {
  it('refuses every case with one line each, inside the limits', async () => {
    const checkpoint = join(workspace, 'xo.ckpt');
    const [saved] = await runCases([{ id: 'a checkpoint to damage', argv: ['train', XO, '--steps', '3', '--save', checkpoint] }]);
    expect(saved.code, saved.error.join('\n')).toBe(0);
    const cases = [...commandCases(120), ...dataCases(150), ...checkpointCases(XO, checkpoint, 150, 30)];
    expect(cases.length).toBeGreaterThanOrEqual(1000);
    const results = await runCases(cases);
    const problems = results.map((result, index) => [result.id, refusalProblem(result, cases[index].lines)] as const).filter(([, problem]) => problem !== null);
    expect(problems.map(([id, problem]) => `${id}: ${problem}`)).toEqual([]);
  }, 900_000);
});
