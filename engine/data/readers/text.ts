// A text file as a character-level sequence set: the vocabulary is every character the text
// uses (by code point, sorted by code point), inputs are windows of `window` token ids and the
// targets the next token at each step (the window shifted by one). Windows start every `stride`
// characters (default: the window, so they do not overlap). \r is dropped, so Windows and Unix
// line endings give the same tokens.
import { z } from 'zod';
import { readFileChunks } from '../byteStream.ts';
import { DataError } from '../dataError.ts';
import { createDataset, type Dataset } from '../dataset.ts';
import type { FileSource, ProgressCallback } from '../fileSource.ts';
import { GrowableInt32 } from '../growable.ts';
import { formatBytes, resolveLimits, type DataLimits } from '../limits.ts';
import { parseOptions } from '../options.ts';
import { decodeText } from './textDecode.ts';

export const TextOptionsSchema = z
  .object({
    window: z.number().int().min(1).max(65536).default(32),
    stride: z.number().int().min(1).max(65536).optional(),
  })
  .strict();

export interface TextReadOptions {
  readonly options?: unknown;
  readonly name?: string;
  readonly onProgress?: ProgressCallback;
  readonly limits?: Partial<DataLimits>;
}

/** Token ids and vocabulary of a text: ids index the sorted vocabulary. */
export interface Tokenized {
  readonly tokens: Int32Array;
  readonly vocabulary: readonly string[];
}

/** Splits text pieces into code points, mapping each to an id in order of first appearance. */
class CharacterCounter {
  readonly tokens = new GrowableInt32(1 << 16);
  readonly ids = new Map<string, number>();

  add(text: string): void {
    for (const character of text) {
      if (character === '\r') continue;
      let id = this.ids.get(character);
      if (id === undefined) this.ids.set(character, (id = this.ids.size));
      this.tokens.push(id);
    }
  }

  finish(): Tokenized {
    const symbols = [...this.ids.keys()];
    const order = symbols.map((_, id) => id).sort((a, b) => (codePoint(symbols[a]) ?? 0) - (codePoint(symbols[b]) ?? 0));
    const remap = new Int32Array(order.length);
    order.forEach((oldId, newId) => (remap[oldId] = newId));
    const tokens = this.tokens.finish();
    for (let index = 0; index < tokens.length; index++) tokens[index] = remap[tokens[index]];
    return { tokens, vocabulary: order.map((id) => symbols[id]) };
  }
}

function codePoint(character: string): number | undefined {
  return character.codePointAt(0);
}

/** Tokenizes a string by character, as the text reader does. */
export function tokenizeCharacters(text: string): Tokenized {
  const counter = new CharacterCounter();
  counter.add(text);
  return counter.finish();
}

/** How many windows of `window` tokens, `stride` apart, a text of `length` tokens gives. */
export function windowCount(length: number, window: number, stride: number): number {
  return length > window ? Math.floor((length - 1 - window) / stride) + 1 : 0;
}

/** Cuts a token stream into windows of `window` inputs with next-token targets. */
export function windowTokens(tokens: Int32Array, window: number, stride: number): { inputs: Int32Array; targets: Int32Array; count: number } {
  const count = windowCount(tokens.length, window, stride);
  const inputs = new Int32Array(count * window);
  const targets = new Int32Array(count * window);
  for (let example = 0; example < count; example++) {
    const start = example * stride;
    inputs.set(tokens.subarray(start, start + window), example * window);
    targets.set(tokens.subarray(start + 1, start + 1 + window), example * window);
  }
  return { inputs, targets, count };
}

/** Refuses windows (inputs and targets, int32) that would take more than `maxBytes`. */
function checkWindowBytes(count: number, window: number, path: string, maxBytes: number): void {
  const bytes = count * window * 4 * 2;
  if (bytes <= maxBytes) return;
  throw new DataError(
    { file: path, field: 'options.stride' },
    `${count} windows of ${window} characters take ${formatBytes(bytes)}, more than the ${formatBytes(maxBytes)} a dataset may take (limit maxDatasetBytes); use a larger stride or a smaller window`,
  );
}

/** Reads a UTF-8 text file into next-character windows. */
export async function readTextDataset(files: FileSource, path: string, read: TextReadOptions = {}): Promise<Dataset> {
  const options = parseOptions(TextOptionsSchema, read.options, path);
  const limits = resolveLimits(read.limits);
  const counter = new CharacterCounter();
  for await (const text of decodeText(readFileChunks(files, path, { onProgress: read.onProgress, maxBytes: limits.maxFileBytes }), path)) counter.add(text);
  const { tokens, vocabulary } = counter.finish();
  checkWindowBytes(windowCount(tokens.length, options.window, options.stride ?? options.window), options.window, path, limits.maxDatasetBytes);
  const windows = windowTokens(tokens, options.window, options.stride ?? options.window);
  if (windows.count === 0) {
    throw new DataError({ file: path }, `${tokens.length} characters are too few for one window of ${options.window} (plus one for the target); use a longer text or a smaller window`);
  }
  return createDataset({
    name: read.name ?? path,
    count: windows.count,
    inputDims: [options.window],
    inputs: { kind: 'token', values: windows.inputs },
    targetDims: [options.window],
    targets: { kind: 'token', values: windows.targets },
    vocabulary,
  });
}
