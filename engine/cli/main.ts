// The `netloom` command line: subcommands share one parser and exit codes.
import { offerNodeGpu, useNodeBackends } from './backendEnvironment.ts';
import { evalCommand, predictCommand } from './evaluate.ts';
import { DEBUG_FLAG, describeFailure } from './failure.ts';
import { exportCommand } from './export.ts';
import { importCommand } from './importWeights.ts';
import { consoleOutput, isTerminal, type Output } from './output.ts';
import { trainCommand } from './train.ts';
import { validateCommand } from './validate.ts';

export const USAGE = `Usage: netloom <command> [options]

Commands:
  validate <graph.json> [--json]   check a graph; exit 0 when valid, 1 with one problem a line
  train <graph.json> [options]     train it: --data PATH --epochs N --steps N --batch N --seed N
                                   --backend wasm|cpu|webgpu --save CKPT --resume CKPT --jsonl
                                   --memory-limit SIZE (e.g. 512M, 8G; default: half of
                                   this machine's memory): a run that needs more is
                                   refused before anything is allocated
                                   (default: wasm, WebAssembly SIMD on every core, where
                                   its kernels are built; cpu is the plain reference;
                                   webgpu, only when named: a GPU through the webgpu
                                   package, the loss read back about 10 times a second)
                                   progress: a bar on a terminal, plain lines in a pipe or log,
                                   JSON lines with --jsonl
                                   exit 0 done, 1 bad input, 2 training diverged
  eval <graph.json> --weights CKPT [--data PATH] [--backend NAME] [--memory-limit SIZE]
                                   metrics of a trained graph as JSON (default backend: cpu)
  predict <graph.json> --weights CKPT --input X.npy --output Y.npy [--backend NAME]
          [--memory-limit SIZE]    run rows of X through the trained graph (default: cpu)
  export <graph.json> --weights CKPT --format onnx|pytorch --out PATH [--check] [--layout nchw|nhwc]
                                   the trained graph as ONNX (opset 17; a GAN's generator and
                                   discriminator, an autoencoder's encoder beside PATH) or a
                                   PyTorch package; --check runs the ONNX models in onnxruntime
                                   against Netloom and exits 1 over a 1e-4 relative difference
  import <graph.json> --state-dict WEIGHTS.npz --save CKPT
                                   weights saved by an exported PyTorch package (model.py's
                                   save_weights, train.py --out) as a Netloom checkpoint

Options:
  -h, --help                       show this help
  --debug                          on a failure, print the stack trace as well`;

/** Options that take a value, so the graph file is the first other word after the command. */
const VALUE_OPTIONS = new Set(['--data', '--epochs', '--steps', '--batch', '--seed', '--backend', '--save', '--resume', '--weights', '--input', '--output', '--format', '--out', '--layout', '--state-dict']);

function graphFileOf(args: readonly string[]): string | undefined {
  return args.find((arg, index) => !arg.startsWith('-') && (index === 0 || !VALUE_OPTIONS.has(args[index - 1])));
}

/**
 * Runs one command and returns its exit code. Nothing escapes: a known error prints its message,
 * anything else one line naming the command and file; `--debug` (anywhere) adds the stack.
 */

export async function main(argv: readonly string[], output: Output = consoleOutput): Promise<number> {
  const debug = argv.includes(DEBUG_FLAG);
  const args = argv.filter((arg) => arg !== DEBUG_FLAG);
  try {
    return await run(args, output);
  } catch (cause) {
    const [command = 'netloom', ...rest] = args;
    for (const line of describeFailure(cause, command, graphFileOf(rest), debug)) output.error(line);
    return 1;
  }
}

async function run(argv: readonly string[], output: Output): Promise<number> {
  useNodeBackends();
  await offerNodeGpu(argv);
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
    case 'export':
      return exportCommand(rest, output);
    case 'import':
      return importCommand(rest, output);
    case 'train':
      return trainCommand(rest, output, isTerminal(output));
    default:
      output.error(`netloom: unknown command "${command}"; the commands are validate, train, eval, predict, export and import (netloom --help shows their options).`);
      return 1;
  }
}
