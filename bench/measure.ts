// Timing helpers for benchmarks. Benchmarks report; they are not tests.
export interface BenchResult {
  readonly name: string;
  readonly rows: readonly (readonly [string, string])[];
  /** Whether the target named in the rows is met. */
  readonly pass: boolean;
  /** A wider table shown before the rows (e.g. one column per engine). */
  readonly table?: { readonly header: readonly string[]; readonly rows: readonly (readonly string[])[] };
}

/** Median wall time in milliseconds of `runs` calls, after a few warm-up calls. */
export function median(runs: number, work: () => unknown): number {
  for (let i = 0; i < Math.min(5, runs); i++) work();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    work();
    times.push(performance.now() - start);
  }
  return middle(times);
}

/** The median of some numbers (the mean of the middle two for an even count). */
export function middle(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const half = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[half] : (sorted[half - 1] + sorted[half]) / 2;
}

function markdownTable(header: readonly string[], rows: readonly (readonly string[])[]): string[] {
  return [`| ${header.join(' | ')} |`, `| ${header.map(() => '---').join(' | ')} |`, ...rows.map((row) => `| ${row.join(' | ')} |`)];
}

/** A result as a BENCHMARKS.md section: a heading, the verdict, its table and its rows. */
export function formatSection(result: BenchResult): string {
  const table = result.table === undefined ? [] : [...markdownTable(result.table.header, result.table.rows), ''];
  return [`## ${result.name}`, '', `Target ${result.pass ? 'met' : 'missed'}.`, '', ...table, ...markdownTable(['measure', 'value'], result.rows)].join('\n');
}
