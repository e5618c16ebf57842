// What `netloom` prints when a command fails: a known error's own message (it already says what
// and where), or, for anything else, one line naming the command and the file it was working
// on. The stack trace only with --debug.
import { CompileError } from '../compile/index.ts';
import { DataError } from '../data/index.ts';
import { ExportError } from '../export/index.ts';
import { formatDiagnostic } from '../graph/index.ts';
import { CheckpointError } from '../train/checkpoint.ts';
import { RunSetupError } from '../train/runSetupError.ts';
import { OutputFileError } from './atomicWrite.ts';
import { UsageError } from './loadGraph.ts';

export const DEBUG_FLAG = '--debug';

/** The message of an error the user can act on, or null for an unexpected one. */
export function knownErrorMessage(cause: unknown, file?: string): string | null {
  if (cause instanceof RunSetupError) return cause.nodeId !== undefined ? `node ${cause.nodeId}: ${cause.message}` : cause.message;
  if (cause instanceof CompileError) return cause.diagnostics.map((diagnostic) => formatDiagnostic(diagnostic, file)).join('\n') || cause.message;
  if (cause instanceof UsageError || cause instanceof DataError || cause instanceof CheckpointError || cause instanceof OutputFileError || cause instanceof ExportError) return cause.message;
  return null;
}

/** The first line of an error's message (a thrown non-Error is shown as text). */
function firstLine(cause: unknown): string {
  const text = cause instanceof Error ? `${cause.message}` : String(cause);
  const line = text.split('\n').find((part) => part.trim() !== '')?.trim() ?? '';
  const kind = cause instanceof Error && cause.name !== 'Error' ? `${cause.name}: ` : '';
  return line === '' ? `${kind || 'an error'} with no message` : `${kind}${line}`;
}

/** One line for an unexpected failure: the command, the file when known, what went wrong. */
export function unexpectedErrorMessage(cause: unknown, command: string, file: string | undefined, debug: boolean): string {
  const where = file === undefined ? `netloom ${command}` : `netloom ${command} ${file}`;
  const hint = debug ? 'an internal error; its stack trace follows' : `an internal error; run again with ${DEBUG_FLAG} for its stack trace`;
  return `${where} failed: ${firstLine(cause)} (${hint}).`;
}

/** What to print for a failed command: its message, then the stack trace under --debug. */
export function describeFailure(cause: unknown, command: string, file: string | undefined, debug: boolean): string[] {
  const lines = [knownErrorMessage(cause, file) ?? unexpectedErrorMessage(cause, command, file, debug)];
  if (debug) lines.push(cause instanceof Error && cause.stack !== undefined ? cause.stack : String(cause));
  return lines;
}
