// The `netloom` command line: subcommands share one parser and exit codes.
import { validateCommand } from './validate.ts';

export const USAGE = `Usage: netloom <command> [options]

Commands:
  validate <graph.json> [--json]   check a graph; exit 0 when valid, 1 with one problem a line

Options:
  -h, --help                       show this help`;

export interface Output {
  out(text: string): void;
  error(text: string): void;
}

const consoleOutput: Output = { out: (text) => process.stdout.write(`${text}\n`), error: (text) => process.stderr.write(`${text}\n`) };

export async function main(argv: readonly string[], output: Output = consoleOutput): Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined || command === '-h' || command === '--help' || command === 'help') {
    output.out(USAGE);
    return command === undefined ? 1 : 0;
  }
  switch (command) {
    case 'validate':
      return validateCommand(rest, output);
    default:
      output.error(`netloom: unknown command "${command}".\n\n${USAGE}`);
      return 1;
  }
}
