// Graph document -> Program: lower every layer in topological order, then build the backward pass.
import { analyzeGraph, hasErrors, layerCatalog, type Diagnostic, type GraphDocument, type OptimizerSettings, type TensorShape } from '../graph/index.ts';
import type { BufferId, KernelCall, Program } from '../ir/index.ts';
import { buildBackward } from './autodiff.ts';
import { ProgramBuilder } from './builder.ts';
import { layerLowerings, lossLowerings, LoweringContext, type LoweringState } from './lower/index.ts';
import { declareOptimizer, updateCalls, type CompiledOptimizer } from './update.ts';

export interface CompileOptions {
  readonly batchSize: number;
  /** Seed for dropout streams (parameter initialization takes its seed when buffers are allocated). */
  readonly seed?: number;
  /** Nodes whose parameters do not train (GAN phases, fine-tuning). */
  readonly frozen?: ReadonlySet<string>;
  /** Input nodes whose gradient the backward pass should also produce (a GAN's discriminator input). */
  readonly inputGradients?: readonly string[];
  /** The optimizer whose state and update calls to compile; defaults to the graph's training optimizer. */
  readonly optimizer?: OptimizerSettings;
}

export interface CompiledParameter {
  readonly node: string;
  readonly name: string;
  readonly value: BufferId;
  /** Absent for frozen parameters. */
  readonly gradient?: BufferId;
  readonly decay: boolean;
}

export interface CompiledGraph {
  readonly document: GraphDocument;
  readonly batchSize: number;
  /** Every buffer; calls = training forward, backward, then the update. */
  readonly program: Program;
  readonly trainForward: readonly KernelCall[];
  readonly backward: readonly KernelCall[];
  /** Gradient clipping and the optimizer step for the compiled optimizer settings (update.ts). */
  readonly update: readonly KernelCall[];
  readonly optimizer: CompiledOptimizer;
  readonly inferForward: readonly KernelCall[];
  readonly inputs: ReadonlyMap<string, BufferId>;
  /** Labels or targets fed each step; null when the target is the input itself (autoencoders). */
  readonly target: BufferId | null;
  readonly loss: BufferId | null;
  readonly lossNode: string | null;
  /** What the loss head scores (logits, reconstruction, score). */
  readonly prediction: BufferId | null;
  readonly probabilities: BufferId | null;
  readonly parameters: readonly CompiledParameter[];
  /** Each node's output buffer: probes read these without recompiling. */
  readonly nodeOutputs: ReadonlyMap<string, BufferId>;
  readonly inputGradients: ReadonlyMap<string, BufferId>;
}

export class CompileError extends Error {
  constructor(readonly diagnostics: readonly Diagnostic[]) {
    super(`The graph has ${diagnostics.length} problem${diagnostics.length === 1 ? '' : 's'}: ${diagnostics[0]?.message ?? ''}`);
  }
}

export function compileGraph(input: unknown, options: CompileOptions): CompiledGraph {
  const analysis = analyzeGraph(input);
  if (analysis.document === null || hasErrors(analysis)) throw new CompileError(analysis.diagnostics.filter((diagnostic) => diagnostic.severity === 'error'));
  const document = analysis.document;
  let seed = options.seed ?? document.training.seed;
  const state: LoweringState = { builder: new ProgramBuilder(), batch: options.batchSize, train: [], infer: [], parameters: [], nextSeed: () => (seed = (seed * 1103515245 + 12345) >>> 0) };
  const { builder } = state;
  const outputs = new Map<string, BufferId>();
  const inputs = new Map<string, BufferId>();
  let head: { node: string; loss: BufferId; prediction: BufferId; target: BufferId | null; probabilities: BufferId | null } | null = null;
  const nodes = new Map(document.nodes.map((node) => [node.id, node]));
  for (const id of analysis.order) {
    const node = nodes.get(id);
    const shape = analysis.nodeShapes.get(id);
    if (node === undefined || shape === undefined) continue;
    if (node.type === 'Input') {
      const buffer = builder.buffer([options.batchSize, ...shape.dims], shape.dtype === 'int32' ? 'i32' : 'f32', 'input', `${id}/input`);
      inputs.set(id, buffer);
      outputs.set(id, buffer);
      continue;
    }
    const incoming = document.edges.filter((edge) => edge.target === id);
    const sources = (layerCatalog.get(node.type)?.inputs ?? []).map((port) => incoming.find((edge) => edge.targetPort === port.name)?.source ?? '');
    const inputBuffers = sources.map((source) => outputs.get(source) as BufferId);
    const inputShapes = sources.map((source) => analysis.nodeShapes.get(source) as TensorShape);
    const context = new LoweringContext(state, node, analysis.params.get(id) ?? {}, inputBuffers, inputShapes, shape);
    const loss = lossLowerings[node.type];
    if (loss !== undefined) {
      const prediction = inputBuffers[0];
      const wanted = loss.target(builder.shape(prediction));
      // An autoencoder scores against its own input, unless it denoises: then the clean input is fed as a separate target.
      const sharesInput = document.training.task === 'autoencode' && !((document.training.denoise ?? 0) > 0);
      const target = sharesInput ? firstDataInput(document, inputs) : builder.buffer(wanted.shape, wanted.dtype, 'input', `${id}/target`);
      const lowered = loss.lower(context, target);
      head = { node: id, loss: lowered.loss, prediction, target: sharesInput ? null : target, probabilities: lowered.probabilities ?? null };
      outputs.set(id, lowered.loss);
      continue;
    }
    const lowering = layerLowerings[node.type];
    if (lowering === undefined) throw new Error(`No lowering for layer type ${node.type}.`);
    outputs.set(id, lowering(context));
  }
  return finish(document, options, state, { outputs, inputs, head });
}

/** The Input an autoencoder reconstructs: its first Input that is not noise. */
function firstDataInput(document: GraphDocument, inputs: ReadonlyMap<string, BufferId>): BufferId {
  const node = document.nodes.find((candidate) => candidate.type === 'Input' && candidate.params.kind !== 'noise' && inputs.has(candidate.id));
  if (node === undefined) throw new Error('An autoencoder needs a data Input to reconstruct.');
  return inputs.get(node.id) as BufferId;
}

function finish(
  document: GraphDocument,
  options: CompileOptions,
  state: LoweringState,
  lowered: { outputs: Map<string, BufferId>; inputs: Map<string, BufferId>; head: { node: string; loss: BufferId; prediction: BufferId; target: BufferId | null; probabilities: BufferId | null } | null },
): CompiledGraph {
  const { builder } = state;
  const frozen = options.frozen ?? new Set<string>();
  const trainable = state.parameters.filter((parameter) => !frozen.has(parameter.node));
  const wantedInputs = (options.inputGradients ?? []).map((id) => lowered.inputs.get(id)).filter((buffer): buffer is BufferId => buffer !== undefined);
  let backward: KernelCall[] = [];
  let gradients = new Map<BufferId, BufferId>();
  if (lowered.head !== null) {
    const one = builder.buffer([], 'f32', 'state', 'd loss', { kind: 'ones' });
    const pass = buildBackward(builder, state.train, new Map([[lowered.head.loss, one]]), [...trainable.map((parameter) => parameter.buffer), ...wantedInputs]);
    backward = pass.calls;
    gradients = pass.gradients;
  }
  const parameters = state.parameters.map((parameter) => {
    let gradient = gradients.get(parameter.buffer);
    if (gradient === undefined && !frozen.has(parameter.node)) {
      gradient = builder.buffer(builder.shape(parameter.buffer), 'f32', 'gradient', `d ${parameter.node}/${parameter.name}`);
    }
    return { node: parameter.node, name: parameter.name, value: parameter.buffer, gradient, decay: parameter.decay };
  });
  const inputGradients = new Map<string, BufferId>();
  for (const id of options.inputGradients ?? []) {
    const buffer = lowered.inputs.get(id);
    const gradient = buffer === undefined ? undefined : gradients.get(buffer);
    if (gradient !== undefined) inputGradients.set(id, gradient);
  }
  const settings = options.optimizer ?? document.training.optimizer;
  const optimizer = declareOptimizer(builder, parameters, settings);
  const update = updateCalls({ parameters, optimizer }, settings);
  const head = lowered.head;
  return {
    document,
    batchSize: options.batchSize,
    program: { buffers: builder.buffers, calls: [...state.train, ...backward, ...update] },
    trainForward: state.train,
    backward,
    update,
    optimizer,
    inferForward: state.infer,
    inputs: lowered.inputs,
    target: head?.target ?? null,
    loss: head?.loss ?? null,
    lossNode: head?.node ?? null,
    prediction: head?.prediction ?? null,
    probabilities: head?.probabilities ?? null,
    parameters,
    nodeOutputs: lowered.outputs,
    inputGradients,
  };
}
