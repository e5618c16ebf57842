// The benchmark's side of protocol.ts: starts an engine driver as a child process and sends it
// requests one at a time.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { createInterface, type Interface } from 'node:readline';
import type { Reply, Request } from './protocol.ts';

export interface DriverCommand {
  /** The column heading, e.g. "PyTorch 1 thread". */
  readonly label: string;
  readonly executable: string;
  readonly arguments: readonly string[];
  readonly environment?: Readonly<Record<string, string>>;
}

export class Driver {
  private readonly child: ChildProcessWithoutNullStreams;
  private readonly lines: Interface;
  private readonly pending: ((line: string | null) => void)[] = [];
  private stderr = '';

  constructor(readonly command: DriverCommand, cwd: string) {
    this.child = spawn(command.executable, [...command.arguments], { cwd, env: { ...process.env, ...command.environment }, stdio: 'pipe' });
    this.child.stderr.on('data', (chunk: Buffer) => {
      this.stderr = (this.stderr + chunk.toString()).slice(-4000);
    });
    // A driver that dies shows in 'close' below; writing to it then must not crash the benchmark.
    this.child.stdin.on('error', () => undefined);
    this.child.on('error', (error) => {
      this.stderr += `\n${error.message}`;
    });
    this.lines = createInterface({ input: this.child.stdout });
    this.lines.on('line', (line) => this.pending.shift()?.(line));
    this.lines.on('close', () => {
      for (const waiting of this.pending.splice(0)) waiting(null);
    });
  }

  /** Sends one request and waits for its reply; throws with the driver's own message on failure. */
  async request<Value>(request: Request): Promise<Value> {
    const line = await new Promise<string | null>((resolve) => {
      this.pending.push(resolve);
      this.child.stdin.write(`${JSON.stringify(request)}\n`);
    });
    const where = `${this.command.label} (${this.command.executable} ${this.command.arguments.join(' ')})`;
    if (line === null) throw new Error(`${where} exited while answering "${request.command}": ${lastLines(this.stderr)}`);
    const reply = JSON.parse(line) as Reply;
    if (!reply.ok) throw new Error(`${where} failed "${request.command}": ${lastLines(reply.error)}`);
    return reply.value as Value;
  }

  close(): void {
    this.child.stdin.end();
  }
}

function lastLines(text: string): string {
  const lines = text.trim().split('\n');
  return lines.slice(-3).join(' | ') || 'no message';
}
