// `netloom validate`: exit codes, one diagnostic a line, and --json; through the real bin too.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../../engine/cli/main.ts';
import type { Output } from '../../../engine/cli/output.ts';
import { chainDocument } from '../graph/build.ts';

const root = join(import.meta.dirname, '../../..');
const folder = mkdtempSync(join(tmpdir(), 'netloom-cli-'));

async function run(argv: string[]) {
  const lines = { out: [] as string[], error: [] as string[] };
  const output: Output = { out: (text) => lines.out.push(text), error: (text) => lines.error.push(text), write: (text) => lines.error.push(text) };
  const code = await main(argv, output);
  return { code, ...lines };
}

function file(name: string, content: unknown): string {
  const path = join(folder, name);
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
  return path;
}

describe('netloom validate', () => {
  it('exits 0 on a valid example', async () => {
    const result = await run(['validate', join(root, 'assets/examples/lenet5.json')]);
    expect(result).toMatchObject({ code: 0, out: [] });
  });

  it('exits 1 with one `node <id>: <message>` line per problem', async () => {
    const image = { type: 'Input', params: { kind: 'image', height: 28, width: 28, channels: 1 } };
    const path = file('bad.json', chainDocument([image, { type: 'Conv2D' }, { type: 'Dense', params: { units: -1 } }, { type: 'SoftmaxCrossEntropy' }]));
    const result = await run(['validate', path]);
    expect(result.code).toBe(1);
    expect(result.out).toEqual(['node n2 (units): units must be between 1 and 1048576; it is -1. The default is 64.']);
  });

  it('--json prints the diagnostics as a JSON array', async () => {
    const chain = chainDocument([{ type: 'Input', params: { kind: 'image' } }, { type: 'Conv2D' }, { type: 'Dense', params: { units: 10 } }, { type: 'SoftmaxCrossEntropy' }]);
    const path = file('flatten.json', { ...chain, dataset: { source: 'builtin', name: 'mnist' } });
    const result = await run(['validate', path, '--json']);
    expect(result.code).toBe(1);
    const diagnostics = JSON.parse(result.out.join('\n')) as { nodeId: string; fix: { type: string } }[];
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({ nodeId: 'n2', fix: { kind: 'insertNode', type: 'Flatten' } });
  });

  it('names the file and line for unreadable input', async () => {
    const missing = await run(['validate', join(folder, 'missing.json')]);
    expect(missing.out[0]).toMatch(/missing\.json: Cannot read .*missing\.json: no such file\. Check the path\./);
    const broken = await run(['validate', file('broken.json', '{\n  "format": "netloom.graph",\n  nodes: []\n}')]);
    expect(broken.code).toBe(1);
    expect(broken.out[0]).toMatch(/broken\.json: The file is not valid JSON: .* at line 3, column 3\./);
  });

  it('rejects bad usage', async () => {
    expect((await run(['validate'])).code).toBe(1);
    expect((await run(['frobnicate'])).error[0]).toMatch(/unknown command "frobnicate"/);
  });

  it('runs as the installed bin', () => {
    const output = execFileSync(process.execPath, [join(root, 'engine/cli/bin.mjs'), 'validate', join(root, 'assets/examples/xo-cnn.json'), '--json'], { encoding: 'utf8' });
    expect(JSON.parse(output)).toEqual([]);
  });
});
