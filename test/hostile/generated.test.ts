// The hostile-input suite's generated half: well over a thousand command lines, graph files, data
// files and checkpoints, each broken by construction. Every one must end in exit 1 with one line
// that says what is wrong, within the harness's heap, resident-memory and time limits.
import { describe, expect, it } from 'vitest';
import { commandCases } from './commandCases.ts';
import { dataCases } from './dataCases.ts';
import { refusalProblem, runCases } from './harness.ts';

const cases = [...commandCases(120), ...dataCases(150)];

describe('generated hostile input', () => {
  it(`refuses all ${cases.length} cases with one line each, inside the limits`, async () => {
    expect(cases.length).toBeGreaterThanOrEqual(1000);
    const results = await runCases(cases);
    const problems = results.map((result, index) => [result.id, refusalProblem(result, cases[index].lines)] as const).filter(([, problem]) => problem !== null);
    expect(problems.map(([id, problem]) => `${id}: ${problem}`)).toEqual([]);
  }, 900_000);
});
