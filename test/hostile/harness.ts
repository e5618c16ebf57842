// Runs `netloom` commands in a child process under a heap limit, a resident-memory limit and a
// time limit per command, restarting the child after a case it had to kill. What each case
// printed comes back with how it ended, so a test can require one clean line and exit 1.
import { fork, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CaseReply, CaseRequest } from './caseServer.ts';

export interface Limits {
  /** V8 old-space limit of the child, in MiB. */
  readonly heapMib: number;
  /** Resident memory the child may reach, in MiB (sampled from /proc every 20 ms). */
  readonly residentMib: number;
  /** Wall time one command may take, in milliseconds. */
  readonly caseMs: number;
  /** Cases one child runs before a fresh one takes over, so what one case leaves behind cannot fail another. */
  readonly casesPerChild: number;
}

export const DEFAULT_LIMITS: Limits = { heapMib: 1024, residentMib: 2048, caseMs: 20_000, casesPerChild: 100 };

export interface CaseResult extends CaseReply {
  /** Why the parent ended the child during this case, if it did. */
  readonly killed?: 'time' | 'memory' | 'crash';
  readonly milliseconds: number;
  readonly peakResidentMib: number;
}

const SERVER = join(import.meta.dirname, 'caseServer.ts');

function residentMib(pid: number): number {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const match = /VmRSS:\s+(\d+) kB/.exec(status);
    return match === null ? 0 : Number(match[1]) / 1024;
  } catch {
    return 0;
  }
}

function startServer(limits: Limits): Promise<ChildProcess> {
  const child = fork(SERVER, [], { execArgv: ['--import', 'tsx', `--max-old-space-size=${limits.heapMib}`], stdio: ['ignore', 'ignore', 'pipe', 'ipc'] });
  child.stderr?.resume();
  return new Promise((resolve, reject) => {
    child.once('message', () => resolve(child));
    child.once('exit', (code) => reject(new Error(`the case server exited (${code}) before it was ready`)));
  });
}

function runOne(child: ChildProcess, request: CaseRequest, limits: Limits): Promise<CaseResult> {
  const started = Date.now();
  let peak = 0;
  return new Promise((resolve) => {
    const finish = (result: Omit<CaseResult, 'milliseconds' | 'peakResidentMib'>) => {
      clearInterval(sampler);
      child.off('message', onMessage);
      child.off('exit', onExit);
      resolve({ ...result, milliseconds: Date.now() - started, peakResidentMib: Math.round(peak) });
    };
    const ended = (killed: CaseResult['killed'], fatal?: string) => finish({ id: request.id, code: null, error: fatal === undefined ? [] : [fatal], out: [], outLines: 0, killed });
    const sampler = setInterval(() => {
      peak = Math.max(peak, residentMib(child.pid ?? 0));
      if (peak > limits.residentMib) {
        child.kill('SIGKILL');
        ended('memory');
      } else if (Date.now() - started > limits.caseMs) {
        child.kill('SIGKILL');
        ended('time');
      }
    }, 20);
    const onMessage = (message: CaseReply | { fatal: string }) => {
      if ('fatal' in message) {
        child.kill('SIGKILL');
        ended('crash', message.fatal);
      } else if (message.id === request.id) finish(message);
    };
    const onExit = () => ended('crash');
    child.on('message', onMessage);
    child.once('exit', onExit);
    child.send(request);
  });
}

/** Every case in order, in one child while it lives; a killed or crashed child is replaced. */
export async function runCases(requests: readonly CaseRequest[], limits: Limits = DEFAULT_LIMITS): Promise<CaseResult[]> {
  const results: CaseResult[] = [];
  let child: ChildProcess | null = null;
  let ran = 0;
  try {
    for (const request of requests) {
      if (child === null) {
        child = await startServer(limits);
        ran = 0;
      }
      const result = await runOne(child, request, limits);
      results.push(result);
      if (result.killed !== undefined || ++ran >= limits.casesPerChild) {
        child.kill('SIGKILL');
        child = null;
      }
    }
  } finally {
    child?.kill('SIGKILL');
  }
  return results;
}

const STACK_LINE = /^\s*at .+(:\d+:\d+\)?|\(native\))$/;
const RAW_ERROR = /^(Range|Type|Reference|Syntax|Eval|URI|Aggregate|Internal)?Error\b|\bError: /;

function messageLines(result: CaseResult): string[] {
  const split = (texts: readonly string[]) => texts.flatMap((text) => text.split('\n')).filter((line) => line.trim() !== '');
  const error = split(result.error);
  return error.length > 0 ? error : split(result.out);
}

/** What is wrong with a result that should be a refusal: exit 1, one line (or one a problem), no stack trace; null when it is one. */
export function refusalProblem(result: CaseResult, lineRule: 'one' | 'each' = 'one'): string | null {
  if (result.killed !== undefined) return `killed for ${result.killed} after ${result.milliseconds} ms (peak ${result.peakResidentMib} MiB)${result.error.length > 0 ? `: ${result.error[0]}` : ''}`;
  if (result.escaped !== undefined) return `an error escaped the CLI: ${result.escaped.split('\n')[0]}`;
  const lines = messageLines(result);
  if (lines.some((line) => STACK_LINE.test(line))) return `a stack trace: ${lines.join(' | ')}`;
  if (lines.some((line) => RAW_ERROR.test(line))) return `a raw error: ${lines.join(' | ')}`;
  if (result.code !== 1) return `exit ${result.code}, not 1: ${lines.join(' | ')}`;
  if (lineRule === 'one' ? lines.length !== 1 : lines.length === 0) return `${lines.length} lines, not ${lineRule === 'one' ? 'one' : 'at least one'}: ${lines.join(' | ')}`;
  return null;
}
