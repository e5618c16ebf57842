// `netloom import <graph.json> --state-dict weights.npz --save CKPT`: the weights of a PyTorch
// package exported by Netloom (a state_dict saved by its model.py's save_weights, or train.py's
// --out) back into a Netloom checkpoint, which `train --resume`, `eval`, `predict`, `export` and the
// app read. Every tensor is checked against the graph by name and shape.
import { parseArgs } from 'node:util';
import { checkWritable, writeFileAtomically } from './atomicWrite.ts';
import { guarded } from './evaluate.ts';
import { flagError } from './flags.ts';
import { loadGraph, UsageError } from './loadGraph.ts';
import type { Output } from './output.ts';
import { importPytorchWeights } from './pytorchFiles.ts';

export const IMPORT_USAGE = 'Usage: netloom import <graph.json> --state-dict WEIGHTS.npz --save CKPT';

function importFlags(argv: readonly string[]): { graph: string; stateDict: string; save: string } {
  let parsed;
  try {
    parsed = parseArgs({ args: [...argv], options: { 'state-dict': { type: 'string' }, save: { type: 'string' } }, allowPositionals: true });
  } catch (cause) {
    throw flagError(cause, IMPORT_USAGE);
  }
  const { values, positionals } = parsed;
  if (positionals.length !== 1) throw new UsageError(IMPORT_USAGE);
  if (values['state-dict'] === undefined) throw new UsageError(`--state-dict is required: the .npz saved by the exported model.py (save_weights) or train.py --out. ${IMPORT_USAGE}`);
  if (values.save === undefined) throw new UsageError(`--save CKPT is required: where the Netloom checkpoint goes. ${IMPORT_USAGE}`);
  return { graph: positionals[0], stateDict: values['state-dict'], save: values.save };
}

export function importCommand(argv: readonly string[], output: Output): Promise<number> {
  return guarded(output, async () => {
    const flags = importFlags(argv);
    const document = await loadGraph(flags.graph);
    await checkWritable(flags.save, '--save');
    const checkpoint = await importPytorchWeights(document, flags.stateDict).catch((cause: unknown) => {
      if (cause instanceof Error && 'code' in cause && (cause.code === 'ENOENT' || cause.code === 'EACCES')) {
        throw new UsageError(`Cannot read ${flags.stateDict}: check the path given to --state-dict.`);
      }
      throw cause;
    });
    await writeFileAtomically(flags.save, checkpoint);
    output.error(`saved ${flags.save}: the weights of ${flags.stateDict} in a Netloom checkpoint (train --resume continues from them)`);
    return 0;
  });
}
