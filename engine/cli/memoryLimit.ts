// `--memory-limit SIZE`: how much memory a run may take, in binary units (512M = 512 MiB); by
// default half of this machine's memory. The engine checks it before allocating anything.
import { totalmem } from 'node:os';
import { UsageError } from './loadGraph.ts';

const UNITS: Readonly<Record<string, number>> = { '': 1, k: 2 ** 10, m: 2 ** 20, g: 2 ** 30, t: 2 ** 40 };

/** Half of the machine's memory: the rest stays for the system and other programs. */
export function defaultMemoryLimit(): number {
  return Math.floor(totalmem() / 2);
}

/** Bytes from "512M", "8G", "1.5g", "8GiB", "4096" (bytes); a UsageError for anything else. */
export function parseMemoryLimit(text: string): number {
  const match = /^\s*(\d+(?:\.\d+)?)\s*([kmgt]?)(?:i?b)?\s*$/i.exec(text);
  const bytes = match === null ? Number.NaN : Math.floor(Number(match[1]) * UNITS[match[2].toLowerCase()]);
  if (!Number.isSafeInteger(bytes) || bytes < 1) {
    throw new UsageError(`--memory-limit must be a size such as 512M or 8G (K, M, G, T in binary units), not "${text}".`);
  }
  return bytes;
}

/** The run's limit: the flag's value, else the machine's default. */
export function memoryLimitOption(text: string | undefined): number {
  return text === undefined ? defaultMemoryLimit() : parseMemoryLimit(text);
}
