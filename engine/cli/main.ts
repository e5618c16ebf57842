// The `netloom` command line: subcommands share one parser and exit codes.
import { useNodeBackends } from './backendEnvironment.ts';
import { evalCommand, predictCommand } from './evaluate.ts';
import { consoleOutput, isTerminal, type Output } from './output.ts';
import { trainCommand } from './train.ts';
import { validateCommand } from './validate.ts';

export const USAGE = `Usage: netloom <command> [options]

Commands:
  validate <graph.json> [--json]   check a graph; exit 0 when valid, 1 with one problem a line
  train <graph.json> [options]     train it: --data PATH --epochs N --steps N --batch N --seed N
                                   --backend wasm|cpu --save CKPT --resume CKPT --jsonl
                                   --memory-limit SIZE (e.g. 512M, 8G; default: half of
                                   this machine's memory): a run that needs more is
                                   refused before anything is allocated
                                   (default: wasm, WebAssembly SIMD on every core, where
                                   its kernels are built; cpu is the plain reference)
                                   progress: a bar on a terminal, plain lines in a pipe or log,
                                   JSON lines with --jsonl
                                   exit 0 done, 1 bad input, 2 training diverged
  eval <graph.json> --weights CKPT [--data PATH] [--memory-limit SIZE]
                                   metrics of a trained graph as JSON
  predict <graph.json> --weights CKPT --input X.npy --output Y.npy [--memory-limit SIZE]
                                   run rows of X through the trained graph

Options:
  -h, --help                       show this help`;

export async function main(argv: readonly string[], output: Output = consoleOutput): Promise<number> {
  useNodeBackends();
  const [command, ...rest] = argv;
  if (command === undefined || command === '-h' || command === '--help' || command === 'help') {
    output.out(USAGE);
    return command === undefined ? 1 : 0;
  }
  switch (command) {
    case 'validate':
      return validateCommand(rest, output);
    case 'eval':
      return evalCommand(rest, output);
    case 'predict':
      return predictCommand(rest, output);
    case 'train':
      return trainCommand(rest, output, isTerminal(output));
    default:
      output.error(`netloom: unknown command "${command}".\n\n${USAGE}`);
      return 1;
  }
}
