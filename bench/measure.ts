// Timing helpers for benchmarks. Benchmarks report; they are not tests.
export interface BenchResult {
  readonly name: string;
  readonly rows: readonly (readonly [string, string])[];
  /** Whether the target named in the rows is met. */
  readonly pass: boolean;
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
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}

/** A result as a BENCHMARKS.md section: a heading, the verdict, a table of its rows. */
export function formatSection(result: BenchResult): string {
  return [`## ${result.name}`, '', `Target ${result.pass ? 'met' : 'missed'}.`, '', '| measure | value |', '| --- | --- |', ...result.rows.map(([label, value]) => `| ${label} | ${value} |`)].join('\n');
}
