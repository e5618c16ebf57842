// The PyTorch code follows the graph: one request after a pause in the edits, only the newest
// answer shown, a problem shown over the last good code.
import { describe, expect, it } from 'vitest';
import { followCode, type CodeState } from '../../../renderer/code/generatedCode.ts';

function manualTimers() {
  let next = 1;
  const pending = new Map<number, () => void>();
  return {
    timers: {
      setTimeout: (run: () => void) => {
        pending.set(next, run);
        return next++;
      },
      clearTimeout: (id: number | undefined) => void (id !== undefined && pending.delete(id)),
    },
    fire: () => {
      const runs = [...pending.values()];
      pending.clear();
      runs.forEach((run) => run());
    },
  };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('followCode', () => {
  it('asks once after a burst of edits and shows only the newest answer', async () => {
    const clock = manualTimers();
    const answers: ((code: string) => void)[] = [];
    const asked: unknown[] = [];
    const shown: CodeState[] = [];
    const follower = followCode((document) => {
      asked.push(document);
      return new Promise<string>((resolve) => answers.push(resolve));
    }, (state) => shown.push(state), 300, clock.timers);
    follower.changed('a');
    follower.changed('b');
    clock.fire();
    follower.changed('c');
    clock.fire();
    expect(asked).toEqual(['b', 'c']);
    answers[1]('class C');
    answers[0]('class B');
    await settle();
    expect(shown).toEqual([{ kind: 'ready', code: 'class C' }]);
  });

  it('shows a problem over the last code, and nothing after dispose', async () => {
    const clock = manualTimers();
    const shown: CodeState[] = [];
    let fail = false;
    const follower = followCode(async () => {
      if (fail) throw new Error('The graph has a problem (node dense1): it has no input.');
      return 'class Model';
    }, (state) => shown.push(state), 300, clock.timers);
    follower.changed('good');
    clock.fire();
    await settle();
    fail = true;
    follower.changed('broken');
    clock.fire();
    await settle();
    expect(shown).toEqual([
      { kind: 'ready', code: 'class Model' },
      { kind: 'failed', message: 'The graph has a problem (node dense1): it has no input.', code: 'class Model' },
    ]);
    follower.changed('again');
    follower.dispose();
    clock.fire();
    await settle();
    expect(shown).toHaveLength(2);
  });
});
