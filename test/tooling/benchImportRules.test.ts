// The benchmarks' and the shared browser helpers' rows of eslint/layering.js: bench/ measures the
// sources and drives the app through browser/, and never imports the tests; browser/ stands alone.
import { relative } from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const root = new URL('../..', import.meta.url).pathname;
const linter = new ESLint({ cwd: root });

async function layeringMessages(folder: string, target: string): Promise<string[]> {
  const path = relative(`${root}${folder}`, `${root}${target}`);
  const source = `import { x } from '${path.startsWith('.') ? path : `./${path}`}';\nexport const y = x;\n`;
  const [result] = await linter.lintText(source, { filePath: `${folder}probe.ts` });
  return result.messages.filter((message) => message.ruleId === 'netloom/layering').map((message) => message.message);
}

describe('bench/ and browser/ import rules', () => {
  it.each(['bench/measure.ts', 'browser/appPage.ts', 'engine/index.ts', 'engine/cli/backendEnvironment.ts'])('bench/ may import %s', async (target) => {
    expect(await layeringMessages('bench/', target)).toEqual([]);
  });
  it.each(['test/e2e/pages.ts', 'renderer/shell/Root.tsx', 'app/main/index.ts'])('bench/ may not import %s', async (target) => {
    expect(await layeringMessages('bench/', target)).toEqual([expect.stringContaining('bench/ may not import')]);
  });
  it.each(['test/e2e/pages.ts', 'engine/index.ts', 'bench/measure.ts'])('browser/ may not import %s', async (target) => {
    expect(await layeringMessages('browser/', target)).toEqual([expect.stringContaining('browser/ may not import')]);
  });
});
