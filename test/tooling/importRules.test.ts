// DESIGN.md's import rules are enforced by lint: a forbidden import is an error, an allowed one is not.
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: new URL('../..', import.meta.url).pathname });

async function importErrors(filePath: string, source: string): Promise<string[]> {
  const [result] = await eslint.lintText(`${source}\nexport const used = 1;\n`, { filePath });
  return result.messages.filter((message) => message.ruleId === 'netloom/layering' || message.ruleId === 'no-restricted-exports').map((message) => message.message);
}

const cases: readonly [string, string, boolean][] = [
  ['engine/graph/probe.ts', "import { readFileSync } from 'node:fs';", false],
  ['engine/graph/probe.ts', "import { x } from '../../renderer/shell/root.ts';", false],
  ['engine/graph/probe.ts', "import { x } from '../ir/ops.ts';", false],
  ['engine/graph/probe.ts', "import { z } from 'zod';", true],
  ['engine/ir/probe.ts', "import { x } from '../graph/index.ts';", false],
  ['engine/protocol/probe.ts', "import { x } from '../graph/index.ts';", false],
  ['engine/protocol/probe.ts', "import { x } from './messages.ts';", true],
  ['engine/compile/probe.ts', "import { x } from '../graph/index.ts';", true],
  ['engine/compile/probe.ts', "import { x } from '../../app/main/index.ts';", false],
  ['engine/backends/cpu/probe.ts', "import { readFile } from 'fs';", false],
  ['engine/cli/probe.ts', "import { readFile } from 'node:fs';", true],
  ['renderer/editor/probe.ts', "import { x } from '../../engine/graph/index.ts';", true],
  ['renderer/editor/probe.ts', "import { x } from '../../engine/protocol/messages.ts';", true],
  ['renderer/editor/probe.ts', "import { x } from '../../engine/compile/compile.ts';", false],
  ['renderer/platform/probe.ts', "import { x } from '../../app/contract/channels.ts';", true],
  ['renderer/platform/probe.ts', "import { x } from '../../app/main/window.ts';", false],
  ['renderer/platform/probe.ts', "import { ipcRenderer } from 'electron';", false],
  ['renderer/editor/probe.ts', "import { x } from 'node:path';", false],
  ['app/main/probe.ts', "import { x } from '../../renderer/shell/root.ts';", false],
  ['app/main/probe.ts', "import { x } from '../../engine/graph/index.ts';", true],
  ['app/main/probe.ts', "import { x } from '../../engine/train/loop.ts';", false],
  ['app/main/probe.ts', "import { x } from '../contract/channels.ts';", true],
  ['app/preload/probe.ts', "import { x } from '../contract/channels.ts';", true],
  ['app/preload/probe.ts', "import { x } from '../../engine/graph/index.ts';", false],
  ['app/contract/probe.ts', "import { z } from 'zod';", false],
];

describe('import rules (DESIGN.md)', () => {
  for (const [file, source, allowed] of cases) {
    it(`${file}: ${source} is ${allowed ? 'allowed' : 'forbidden'}`, async () => {
      const errors = await importErrors(file, source);
      if (allowed) expect(errors).toEqual([]);
      else expect(errors.length).toBeGreaterThan(0);
    });
  }

  it('default exports are forbidden', async () => {
    expect(await importErrors('engine/graph/probe.ts', 'export default 1;')).toHaveLength(1);
  });
});
