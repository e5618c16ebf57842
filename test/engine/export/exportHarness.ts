// Small graphs for the export tests, weights drawn at random (biases and batch-norm statistics too,
// so a wrong layout or gate order shows), and ONNX's own checker run over written files.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { WeightedModels } from '../../../engine/export/index.ts';
import { analyzeGraph, type GraphDocument } from '../../../engine/graph/index.ts';

export type Layer = readonly [type: string, params?: Record<string, unknown>];

const INPUTS: Readonly<Record<string, Record<string, unknown>>> = {
  image: { kind: 'image', height: 7, width: 6, channels: 3 },
  vector: { kind: 'vector', features: 5 },
  sequence: { kind: 'sequence', steps: 4, features: 3 },
  tokens: { kind: 'tokens', steps: 5 },
};

/** Input -> layers -> an MSE head: the export's output is the last layer's. */
export function chain(input: keyof typeof INPUTS | Record<string, unknown>, layers: readonly Layer[]): GraphDocument {
  const nodes = [{ id: 'input', type: 'Input', params: typeof input === 'string' ? INPUTS[input] : input, position: { x: 0, y: 0 } }];
  [...layers, ['MSE'] as const].forEach(([type, params], index) => nodes.push({ id: `layer${index + 1}`, type, params: params ?? {}, position: { x: 100 * (index + 1), y: 0 } }));
  const edges = nodes.slice(1).map((node, index) => ({ id: `edge${index + 1}`, source: nodes[index].id, target: node.id }));
  return valid({ format: 'netloom.graph', version: 1, nodes, edges, training: { task: 'regress', batchSize: 3, seed: 5 } });
}

/** A graph from nodes [id, type, params] and edges [source, target, port]. */
export function graph(nodes: readonly (readonly [string, string, Record<string, unknown>])[], edges: readonly (readonly [string, string, string?])[]): GraphDocument {
  return valid({
    format: 'netloom.graph',
    version: 1,
    nodes: nodes.map(([id, type, params], index) => ({ id, type, params, position: { x: 100 * index, y: 0 } })),
    edges: edges.map(([source, target, port], index) => ({ id: `edge${index + 1}`, source, target, targetPort: port ?? 'in' })),
    training: { task: 'regress', batchSize: 3, seed: 5 },
  });
}

function valid(input: unknown): GraphDocument {
  const analysis = analyzeGraph(input);
  const errors = analysis.diagnostics.filter((diagnostic) => diagnostic.severity === 'error');
  if (analysis.document === null || errors.length > 0) throw new Error(`test graph is invalid: ${errors.map((error) => error.message).join('; ')}`);
  return analysis.document;
}

/** Replaces every weight (in the models and the map) with seeded values in ±1; variances in [0.5, 1.5). */
export function randomize(loaded: WeightedModels, seed = 11): WeightedModels {
  let state = seed;
  const next = () => ((state = (Math.imul(state, 1664525) + 1013904223) >>> 0) / 2 ** 32);
  const weights = new Map<string, Float32Array>();
  for (const [key, values] of loaded.weights) {
    const drawn = Float32Array.from(values, () => (key.endsWith('/runningVariance') ? 0.5 + next() : 2 * next() - 1));
    weights.set(key, drawn);
    for (const model of loaded.models) {
      const buffer = model.compiled.program.buffers.find((candidate) => candidate.name === key && candidate.aliasOf === undefined);
      if (buffer !== undefined) model.write(buffer.id, drawn);
    }
  }
  return { models: loaded.models, weights };
}

const PYTHON = '/usr/bin/python3';

/** Whether Debian's python3-onnx is installed (ONNX's own checker). */
export const hasOnnxChecker = existsSync(PYTHON) && (() => {
  try {
    execFileSync(PYTHON, ['-c', 'import onnx'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

/** Runs onnx.checker.check_model(full_check=True) on each model; returns the problems, one line each ("" when it passes). */
export function onnxCheckerProblems(models: ReadonlyMap<string, Uint8Array>): Map<string, string> {
  const folder = mkdtempSync(join(tmpdir(), 'netloom-onnx-'));
  const files = [...models].map(([name, bytes], index) => {
    const path = join(folder, `${index}.onnx`);
    writeFileSync(path, bytes);
    return [name, path] as const;
  });
  const script = [
    'import json, sys, onnx',
    'result = {}',
    'for path in sys.argv[1:]:',
    '    try:',
    '        onnx.checker.check_model(onnx.load(path), full_check=True)',
    '        result[path] = ""',
    '    except Exception as error:',
    '        result[path] = str(error).splitlines()[0] if str(error) else type(error).__name__',
    'print(json.dumps(result))',
  ].join('\n');
  const output = JSON.parse(execFileSync(PYTHON, ['-c', script, ...files.map(([, path]) => path)], { encoding: 'utf8' })) as Record<string, string>;
  return new Map(files.map(([name, path]) => [name, output[path]]));
}
