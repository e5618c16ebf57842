import { it } from 'vitest';
import { join } from 'node:path';
import { checkpointCases } from './checkpointCases.ts';
import { XO } from './commandCases.ts';
import { refusalProblem, runCases } from './harness.ts';
import { workspace } from './workspace.ts';
it('try', async () => {
  const checkpoint = join(workspace, 'xo.ckpt');
  const [saved] = await runCases([{ id: 'save', argv: ['train', XO, '--steps', '3', '--save', checkpoint] }]);
  console.log('saved', saved.code, saved.error);
  const all = checkpointCases(XO, checkpoint, 150, 30);
  console.log('cases', all.length);
  const step = Number(process.env.STEP ?? 1);
  const started = Date.now();
  const results = await runCases(all.filter((_, i) => i % step === 0));
  for (const r of results) { const p = refusalProblem(r); if (p) console.log(r.id, '=>', p, r.milliseconds, 'ms'); }
  console.log('total', Date.now() - started, 'ms for', results.length);
}, 900000);
