// Shared by the PyTorch export tests: the examples, their Netloom outputs on fixed inputs, and
// Debian's python3 with torch (tests skip only where it is absent).
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseDocument, type GraphDocument } from '../../../engine/graph/index.ts';
import { netloomModels } from '../../../engine/export/models.ts';
import { modelParts, type ModelPart } from '../../../engine/export/pytorch/parts.ts';
import { planGraph } from '../../../engine/export/pytorch/plan.ts';
import type { Model } from '../../../engine/train/model.ts';

export const PYTHON = '/usr/bin/python3';

export function hasTorch(): boolean {
  if (!existsSync(PYTHON)) return false;
  return spawnSync(PYTHON, ['-c', 'import torch, numpy'], { stdio: 'ignore' }).status === 0;
}

export function runPython(args: readonly string[], cwd: string, timeout = 240_000): string {
  return execFileSync(PYTHON, args, { cwd, encoding: 'utf8', timeout, env: { ...process.env, OMP_NUM_THREADS: '1' }, stdio: ['ignore', 'pipe', 'pipe'] });
}

const EXAMPLES = 'assets/examples';

export function exampleNames(): string[] {
  return readdirSync(EXAMPLES).filter((name) => name.endsWith('.json')).map((name) => name.slice(0, -5)).sort();
}

export function loadExample(name: string): GraphDocument {
  const parsed = parseDocument(JSON.parse(readFileSync(join(EXAMPLES, `${name}.json`), 'utf8')));
  if (parsed.document === null) throw new Error(`example ${name} does not parse`);
  return parsed.document;
}

/** Deterministic inputs in [-1, 1) (or token ids) for a model input buffer. */
export function fixedValues(model: Model, input: string, seed: number): Float32Array | Int32Array {
  const buffer = model.inputBuffer(input);
  const size = model.sizeOf(buffer);
  const tokens = model.compiled.program.buffers[buffer].descriptor.dtype === 'i32';
  let state = seed;
  const next = () => ((state = (state * 1103515245 + 12345) >>> 0) / 2 ** 32);
  if (tokens) return Int32Array.from({ length: size }, () => Math.floor(next() * 8));
  return Float32Array.from({ length: size }, () => next() * 2 - 1);
}

export interface PartRun {
  readonly part: ModelPart;
  readonly inputs: ReadonlyMap<string, { shape: readonly number[]; data: Float32Array | Int32Array }>;
  readonly output: { shape: readonly number[]; data: Float32Array };
}

/** Each model function's fixed inputs and Netloom's output in inference mode. */
export function netloomRuns(document: GraphDocument, models: readonly Model[]): PartRun[] {
  const plan = planGraph(document);
  const parts = modelParts(plan);
  return parts.map((part, index) => {
    // A GAN's generator runs in its own model (index 0), the discriminator in the other (index 1).
    const model = models[parts.length === 2 ? index : 0];
    const inputs = new Map<string, { shape: readonly number[]; data: Float32Array | Int32Array }>();
    part.inputs.forEach((input, position) => {
      const values = fixedValues(model, input, 17 + position);
      model.write(model.inputBuffer(input), values);
      inputs.set(input, { shape: model.shapeOf(model.inputBuffer(input)), data: values });
    });
    model.forward('infer');
    const probe = model.probe(part.output);
    return { part, inputs, output: { shape: probe.shape, data: Float32Array.from(probe.data) } };
  });
}

export { netloomModels };
