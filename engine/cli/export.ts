// `netloom export <graph.json> --weights CKPT --format onnx|pytorch --out PATH [--check] [--layout nchw|nhwc]`
// ONNX: the whole model goes to PATH; a GAN's generator and discriminator, or an autoencoder's
// encoder, beside it as PATH with `.generator`, `.discriminator`, `.encoder` before the extension.
// --check runs each ONNX model in onnxruntime on fixed inputs against Netloom's own inference pass
// and exits 1 when an output differs by more than the tolerance. PyTorch: a package in the folder PATH
// (engine/export/pytorch, written by ./pytorchFiles.ts).
import { mkdir, readFile, stat } from 'node:fs/promises';
import { basename, dirname, extname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { checkOnnxParity, exportOnnx, PARITY_TOLERANCE, weightsFromCheckpoint, type OnnxLayout, type OnnxModelFile, type ParityResult } from '../export/index.ts';
import { CheckpointError } from '../train/checkpoint.ts';
import { checkWritable, writeFileAtomically } from './atomicWrite.ts';
import { guarded } from './evaluate.ts';
import { flagError } from './flags.ts';
import { loadGraph, UsageError } from './loadGraph.ts';
import { exportPytorch } from './pytorchFiles.ts';
import type { Output } from './output.ts';

export const EXPORT_USAGE = 'Usage: netloom export <graph.json> --weights CKPT --format onnx|pytorch --out PATH [--check] [--layout nchw|nhwc]';

const FORMATS = ['onnx', 'pytorch'] as const;
const LAYOUTS: readonly OnnxLayout[] = ['nchw', 'nhwc'];

interface ExportFlags {
  readonly graph: string;
  readonly weights: string;
  readonly format: (typeof FORMATS)[number];
  readonly out: string;
  readonly check: boolean;
  readonly layout: OnnxLayout;
}

function exportFlags(argv: readonly string[]): ExportFlags {
  const options = { weights: { type: 'string' }, format: { type: 'string' }, out: { type: 'string' }, check: { type: 'boolean' }, layout: { type: 'string' } } as const;
  let parsed;
  try {
    parsed = parseArgs({ args: [...argv], options, allowPositionals: true });
  } catch (cause) {
    throw flagError(cause, EXPORT_USAGE);
  }
  const { values, positionals } = parsed;
  if (positionals.length !== 1 || values.out === undefined) throw new UsageError(EXPORT_USAGE);
  if (values.weights === undefined) throw new UsageError(`--weights CKPT is required: a checkpoint saved by \`netloom train --save\`. ${EXPORT_USAGE}`);
  const format = FORMATS.find((name) => name === values.format);
  if (format === undefined) throw new UsageError(`--format must be onnx or pytorch${values.format === undefined ? '' : `, not "${values.format}"`}. ${EXPORT_USAGE}`);
  const layout = LAYOUTS.find((name) => name === (values.layout ?? 'nchw'));
  if (layout === undefined) throw new UsageError(`--layout must be nchw or nhwc, not "${values.layout}". ${EXPORT_USAGE}`);
  return { graph: positionals[0], weights: values.weights, format, out: values.out, check: values.check === true, layout };
}

/** Where a part's model goes: the whole model at PATH, the others beside it. */
export function partPath(out: string, part: string): string {
  if (part === 'model') return out;
  const extension = extname(out) || '.onnx';
  return join(dirname(out), `${basename(out, extname(out))}.${part}${extension}`);
}

async function readCheckpoint(path: string): Promise<Uint8Array> {
  return new Uint8Array(
    await readFile(path).catch(() => {
      throw new UsageError(`Cannot read the checkpoint ${path}: check the path given to --weights.`);
    }),
  );
}

function parityLine(result: ParityResult): string {
  const verdict = result.passed ? 'ok' : `FAILED: over the tolerance ${PARITY_TOLERANCE}`;
  return `check ${result.part} ${result.output}: max absolute difference ${result.maxAbsolute.toExponential(2)}, max relative ${result.maxRelative.toExponential(2)} (onnxruntime against Netloom): ${verdict}`;
}

async function writeOnnx(files: readonly OnnxModelFile[], out: string, output: Output): Promise<void> {
  for (const file of files) await checkWritable(partPath(out, file.part.name), '--out');
  for (const file of files) {
    const path = partPath(out, file.part.name);
    await writeFileAtomically(path, file.bytes);
    output.error(`wrote ${path}: ${file.part.description} (ONNX opset 17, ${file.layout.toUpperCase()} images, ${file.bytes.length} bytes)`);
  }
}

/** The package is a folder: PATH may be a folder (new files go into it) or not exist yet (it is made). */
async function checkPackageFolder(path: string): Promise<void> {
  const existing = await stat(path).catch(() => null);
  if (existing !== null && !existing.isDirectory()) throw new UsageError(`--out ${path} is a file; a PyTorch package is a folder: give a folder path, such as ${join(dirname(path), 'pytorch')}.`);
  await mkdir(path, { recursive: true }).catch((cause: unknown) => {
    throw new UsageError(`--out ${path}: cannot create the folder (${cause instanceof Error && 'code' in cause ? String(cause.code) : 'not writable'}); choose a folder you can write to.`);
  });
  await checkWritable(join(path, 'model.py'), '--out');
}

export function exportCommand(argv: readonly string[], output: Output): Promise<number> {
  return guarded(output, async () => {
    const flags = exportFlags(argv);
    const document = await loadGraph(flags.graph);
    const bytes = await readCheckpoint(flags.weights);
    let loaded;
    try {
      loaded = weightsFromCheckpoint(document, bytes);
    } catch (cause) {
      throw cause instanceof CheckpointError ? new CheckpointError(`${flags.weights}: ${cause.message}`) : cause;
    }
    if (flags.format === 'pytorch') {
      if (flags.check) throw new UsageError('--check compares ONNX models with Netloom; give --format onnx for it.');
      await checkPackageFolder(flags.out);
      const written = await exportPytorch(document, bytes, flags.out, { folder: dirname(flags.graph) });
      output.error(`wrote ${flags.out}: a PyTorch package (${written.map((path) => basename(path)).join(', ')})`);
      return 0;
    }
    const files = exportOnnx(document, loaded.weights, { layout: flags.layout });
    await writeOnnx(files, flags.out, output);
    if (!flags.check) return 0;
    let passed = true;
    for (const file of files) {
      for (const result of await checkOnnxParity(document, file, loaded.models[file.part.model])) {
        output.out(parityLine(result));
        passed &&= result.passed;
      }
    }
    return passed ? 0 : 1;
  });
}
