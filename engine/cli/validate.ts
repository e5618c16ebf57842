// `netloom validate <graph.json> [--json]`
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { analyzeGraphText, formatDiagnostic, type Diagnostic } from '../graph/index.ts';
import { flagError } from './flags.ts';
import type { Output } from './output.ts';

const VALIDATE_USAGE = 'Usage: netloom validate <graph.json> [--json]';

export async function validateCommand(argv: readonly string[], output: Output): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args: [...argv], options: { json: { type: 'boolean', default: false } }, allowPositionals: true });
  } catch (cause) {
    output.error(flagError(cause, VALIDATE_USAGE).message);
    return 1;
  }
  const [file, ...extra] = parsed.positionals;
  if (file === undefined || extra.length > 0) {
    output.error(VALIDATE_USAGE);
    return 1;
  }
  const diagnostics = await diagnose(file);
  const errors = diagnostics.filter((diagnostic) => diagnostic.severity === 'error');
  if (parsed.values.json) {
    output.out(JSON.stringify(diagnostics, null, 2));
  } else {
    for (const diagnostic of errors) output.out(formatDiagnostic(diagnostic, file));
    for (const diagnostic of diagnostics) if (diagnostic.severity === 'warning') output.error(`warning: ${formatDiagnostic(diagnostic, file)}`);
    if (errors.length === 0) output.error(`${file}: valid`);
  }
  return errors.length === 0 ? 0 : 1;
}

async function diagnose(file: string): Promise<readonly Diagnostic[]> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (cause) {
    const reason = (cause as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (cause as Error).message;
    return [{ severity: 'error', message: `Cannot read ${file}: ${reason}.`, suggestion: 'Check the path.' }];
  }
  return analyzeGraphText(text).diagnostics;
}
