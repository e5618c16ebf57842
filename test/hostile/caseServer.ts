// The child process the hostile-input suite runs its cases in: one `netloom` command at a time
// through the CLI's own entry, what it printed sent back. The parent bounds its time and memory.
import { main } from '../../engine/cli/main.ts';
import type { Output } from '../../engine/cli/output.ts';

export interface CaseRequest {
  readonly id: string;
  readonly argv: readonly string[];
  /** 'one' (the default): a refusal is one line; 'each': one line a problem (validate). */
  readonly lines?: 'one' | 'each';
}

export interface CaseReply {
  readonly id: string;
  readonly code: number | null;
  readonly error: readonly string[];
  /** The first lines printed to standard output. */
  readonly out: readonly string[];
  readonly outLines: number;
  /** Set when main() threw instead of returning an exit code: the CLI let an error escape. */
  readonly escaped?: string;
}

const MAX_KEPT = 50;

async function runCase(request: CaseRequest): Promise<CaseReply> {
  const error: string[] = [];
  const out: string[] = [];
  let outLines = 0;
  const keep = (lines: string[]) => (text: string) => {
    if (lines.length < MAX_KEPT) lines.push(text.slice(0, 2000));
  };
  const output: Output = {
    out: (text) => {
      outLines++;
      keep(out)(text);
    },
    error: keep(error),
    write: keep(error),
  };
  try {
    const code = await main(request.argv, output);
    return { id: request.id, code, error, out, outLines };
  } catch (cause) {
    const escaped = cause instanceof Error ? `${cause.name}: ${cause.message}\n${cause.stack ?? ''}` : String(cause);
    return { id: request.id, code: null, error, out, outLines, escaped: escaped.slice(0, 4000) };
  }
}

process.on('unhandledRejection', (reason) => {
  process.send?.({ fatal: `unhandled rejection: ${reason instanceof Error ? reason.stack : String(reason)}` });
});
process.on('message', (request: CaseRequest) => {
  void runCase(request).then((reply) => process.send?.(reply));
});
process.send?.({ ready: true });
