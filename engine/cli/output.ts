// Where `netloom` prints: every subcommand writes through one Output, so tests can capture it.
export interface Output {
  /** One line to standard output. */
  out(text: string): void;
  /** One line to standard error. */
  error(text: string): void;
  /** Raw text to standard error (a progress bar). */
  write(text: string): void;
}

export const consoleOutput: Output = {
  out: (text) => process.stdout.write(`${text}\n`),
  error: (text) => process.stderr.write(`${text}\n`),
  write: (text) => process.stderr.write(text),
};

/** Whether both standard streams are a terminal, so a redrawn progress bar can be shown. */
export function isTerminal(output: Output): boolean {
  return output === consoleOutput && process.stdout.isTTY === true && process.stderr.isTTY === true;
}
