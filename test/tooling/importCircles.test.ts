// Lint forbids import circles anywhere, type-only imports included.
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const root = new URL('../..', import.meta.url).pathname;
const eslint = new ESLint({ cwd: root });

async function circleErrors(filePath: string, source: string): Promise<string[]> {
  const [result] = await eslint.lintText(source, { filePath: `${root}${filePath}` });
  return result.messages.filter((message) => message.ruleId === 'netloom/importCircles').map((message) => message.message);
}

describe('import circles', () => {
  it('a value import back into a file that imports this one is an error naming the circle', async () => {
    const errors = await circleErrors('engine/ir/tensor.ts', "import { shapeSize } from './index.ts';\nexport const size = shapeSize;\n");
    expect(errors).toEqual([expect.stringContaining('Import circle: engine/ir/tensor.ts -> engine/ir/index.ts -> engine/ir/tensor.ts.')]);
  });

  it('a type-only import counts too', async () => {
    const errors = await circleErrors('engine/cli/output.ts', "import type { USAGE } from './main.ts';\nexport type Usage = typeof USAGE;\n");
    expect(errors).toEqual([expect.stringContaining('Import circle: engine/cli/output.ts -> engine/cli/main.ts -> engine/cli/output.ts.')]);
  });

  it('a longer circle names every file on it', async () => {
    const errors = await circleErrors('engine/cli/loadGraph.ts', "export { main } from './main.ts';\n");
    expect(errors).toEqual([expect.stringMatching(/^Import circle: engine\/cli\/loadGraph\.ts -> engine\/cli\/main\.ts -> engine\/cli\/(backendEnvironment|evaluate|train|validate)\.ts -> engine\/cli\/loadGraph\.ts\./)]);
  });

  it('an import that does not lead back is allowed', async () => {
    expect(await circleErrors('engine/cli/output.ts', "import type { EngineEvent } from '../protocol/index.ts';\nexport type Event = EngineEvent;\n")).toEqual([]);
  });
});
