// A child process for the kill test: saves checkpoints of a 2 MB model to one path, over and
// over, each with every weight set to its save number, through the command line's atomic writer.
// `node --import tsx saveLoop.ts <path> [count]` prints "writing <k>" before each save and
// "saved <k>" once it is complete.
import { writeFileAtomically } from '../../../engine/cli/atomicWrite.ts';
import { saveCheckpoint } from '../../../engine/train/checkpoint.ts';
import { Model } from '../../../engine/train/model.ts';
import { wideDocument } from './wideModel.ts';

const [path, count = 'forever'] = process.argv.slice(2);
const model = Model.compile(wideDocument(), { batchSize: 1 });
const parameters = model.readParameters();
for (let save = 1; count === 'forever' || save <= Number(count); save++) {
  for (const values of parameters.values()) values.fill(save);
  model.writeParameters(parameters);
  process.stdout.write(`writing ${save}\n`);
  await writeFileAtomically(path, saveCheckpoint([model], [], { graph: 'wide', batchSize: 1, epoch: 0, index: 0, steps: save }));
  process.stdout.write(`saved ${save}\n`);
}
