// The engine's floors (DESIGN.md) are enforced by lint: each engine folder may import only the folders below it.
// Every rule has a forbidden import that must fail and an allowed one that must pass.
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: new URL('../..', import.meta.url).pathname });

async function layeringErrors(filePath: string, source: string): Promise<string[]> {
  const [result] = await eslint.lintText(`${source}\nexport const used = 1;\n`, { filePath });
  return result.messages.filter((message) => message.ruleId === 'netloom/layering').map((message) => message.message);
}

type Case = readonly [file: string, source: string, allowed: boolean];

const rules: Record<string, readonly Case[]> = {
  'protocol imports nothing of the engine': [
    ['engine/protocol/probe.ts', "import { x } from '../ir/index.ts';", false],
    ['engine/protocol/probe.ts', "import { x } from './messages.ts';", true],
  ],
  'graph imports nothing of the engine': [
    ['engine/graph/probe.ts', "import { x } from '../protocol/index.ts';", false],
    ['engine/graph/probe.ts', "import { x } from './layers/dense.ts';", true],
  ],
  'ir imports nothing of the engine': [
    ['engine/ir/probe.ts', "import { x } from '../compile/index.ts';", false],
    ['engine/ir/probe.ts', "import { x } from './tensor.ts';", true],
  ],
  'backends import ir and other backends only': [
    ['engine/backends/cpu/probe.ts', "import { x } from '../../compile/index.ts';", false],
    ['engine/backends/cpu/probe.ts', "import { x } from '../../graph/index.ts';", false],
    ['engine/backends/cpu/probe.ts', "import { x } from '../../train/model.ts';", false],
    ['engine/backends/cpu/probe.ts', "import { x } from '../../ir/index.ts';", true],
    ['engine/backends/cpu/probe.ts', "import { x } from '../backend.ts';", true],
    ['engine/backends/wasm/probe.ts', "import { x } from '../cpu/index.ts';", true],
  ],
  'compile imports ir and graph only': [
    ['engine/compile/probe.ts', "import { x } from '../backends/cpu/index.ts';", false],
    ['engine/compile/probe.ts', "import { x } from '../train/model.ts';", false],
    ['engine/compile/probe.ts', "import { x } from '../data/index.ts';", false],
    ['engine/compile/probe.ts', "import { x } from '../ir/index.ts';", true],
    ['engine/compile/lower/probe.ts', "import { x } from '../../graph/index.ts';", true],
  ],
  'data imports graph only': [
    ['engine/data/probe.ts', "import { x } from '../ir/index.ts';", false],
    ['engine/data/probe.ts', "import { x } from '../train/model.ts';", false],
    ['engine/data/builtin/probe.ts', "import { x } from '../../graph/datasets.ts';", true],
  ],
  'train never imports worker or cli': [
    ['engine/train/probe.ts', "import { x } from '../worker/host.ts';", false],
    ['engine/train/loops/probe.ts', "import { x } from '../../cli/main.ts';", false],
    ['engine/train/probe.ts', "import { x } from '../backends/cpu/index.ts';", true],
    ['engine/train/probe.ts', "import { x } from '../compile/index.ts';", true],
    ['engine/train/probe.ts', "import { x } from '../protocol/index.ts';", true],
  ],
  'worker never imports cli': [
    ['engine/worker/probe.ts', "import { x } from '../cli/main.ts';", false],
    ['engine/worker/probe.ts', "import { x } from '../train/run.ts';", true],
    ['engine/worker/probe.ts', "import { x } from '../ir/index.ts';", true],
  ],
  'cli imports anything in the engine, never the UI': [
    ['engine/cli/probe.ts', "import { x } from '../../renderer/dashboard/runModel.ts';", false],
    ['engine/cli/probe.ts', "import { x } from '../worker/host.ts';", true],
  ],
  "the engine's entry imports the library folders, not worker or cli": [
    ['engine/index.ts', "import { x } from './worker/host.ts';", false],
    ['engine/index.ts', "import { x } from './cli/main.ts';", false],
    ['engine/index.ts', "import { x } from './train/model.ts';", true],
  ],
  'export imports train and below, never worker or cli': [
    ['engine/export/probe.ts', "import { x } from '../worker/host.ts';", false],
    ['engine/export/onnx/probe.ts', "import { x } from '../../cli/main.ts';", false],
    ['engine/export/onnx/probe.ts', "import { x } from 'node:fs';", false],
    ['engine/export/probe.ts', "import { x } from '../train/model.ts';", true],
    ['engine/export/onnx/probe.ts', "import { x } from '../../graph/index.ts';", true],
  ],
  'a folder with no row fails': [
    ['engine/serve/probe.ts', "import { x } from '../graph/index.ts';", false],
  ],
};

describe('engine floors (DESIGN.md)', () => {
  for (const [rule, cases] of Object.entries(rules)) {
    describe(rule, () => {
      for (const [file, source, allowed] of cases) {
        it(`${file}: ${source} is ${allowed ? 'allowed' : 'forbidden'}`, async () => {
          const errors = await layeringErrors(file, source);
          if (allowed) expect(errors).toEqual([]);
          else expect(errors.length).toBeGreaterThan(0);
        });
      }
    });
  }

  it('a forbidden import names the folder and what it may import', async () => {
    const [message] = await layeringErrors('engine/compile/probe.ts', "import { x } from '../train/model.ts';");
    expect(message).toBe('engine/compile/ may not import engine/train/model.ts (it may import engine/compile/, engine/ir/, engine/graph/; see docs/DESIGN.md).');
  });
});
