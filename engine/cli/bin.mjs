#!/usr/bin/env node
// The `netloom` command: loads the TypeScript sources through tsx, then runs the CLI. main()
// reports every failure of a command itself; this catches what escapes it (a failed start, an
// unhandled rejection, an error thrown in a callback) as one line and exit code 1.
import { register } from 'tsx/esm/api';

const debug = process.argv.includes('--debug');

function fail(error) {
  const message = error instanceof Error ? error.message : String(error);
  const line = message.split('\n').find((part) => part.trim() !== '')?.trim() ?? 'an error with no message';
  const hint = debug ? '' : ' (run again with --debug for its stack trace)';
  process.stderr.write(`netloom ${process.argv[2] ?? ''}: internal error: ${line}${hint}\n`.replace('netloom : ', 'netloom: '));
  if (debug) process.stderr.write(`${error instanceof Error && error.stack !== undefined ? error.stack : String(error)}\n`);
  process.exit(1);
}

process.on('uncaughtException', fail);
process.on('unhandledRejection', fail);
// A closed pipe (`netloom train … | head`) ends the output, not with a stack trace.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error) => (error.code === 'EPIPE' ? process.exit(process.exitCode ?? 0) : fail(error)));
}

try {
  register();
  const { main } = await import('./main.ts');
  process.exitCode = await main(process.argv.slice(2));
} catch (error) {
  fail(error);
}
