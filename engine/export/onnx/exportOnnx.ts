// A graph and its weights -> ONNX models (opset 17), in inference form: Dropout is the identity,
// BatchNorm uses its running statistics, the loss head is dropped. One model per export part
// (../parts.ts). Netloom's tensors are batch-first NHWC; the convolutions run channels first inside
// the model, with a Transpose only where the layout changes. Image inputs and outputs are NCHW by
// default (layout 'nchw', as PyTorch and most ONNX tools expect) or Netloom's own NHWC ('nhwc');
// every other input and output is batch first as in Netloom. The batch dimension is free ("batch").
import { analyzeGraph, hasErrors, layerCatalog, type GraphAnalysis, type GraphDocument, type TensorShape } from '../../graph/index.ts';
import { CompileError } from '../../compile/index.ts';
import { exportParts, type ExportPart, type PartOutput } from '../parts.ts';
import type { ExportWeights } from '../weights.ts';
import { ELEMENT_TYPE, GraphBuilder, identity, intAttribute, NCHW, type Value } from './graphBuilder.ts';
import { onnxEmitters, type Emitter } from './layers/index.ts';
import { ModelProto } from './schema.ts';

export const ONNX_OPSET = 17;
/** The IR version that goes with opset 17. */
const IR_VERSION = 8;

export type OnnxLayout = 'nchw' | 'nhwc';

export interface OnnxOptions {
  /** How image inputs and outputs are laid out; default 'nchw'. */
  readonly layout?: OnnxLayout;
}

export interface OnnxModelFile {
  readonly part: ExportPart;
  readonly layout: OnnxLayout;
  readonly bytes: Uint8Array;
}

import { ExportError } from '../exportError.ts';

export { ExportError };

/** Every part of the graph as an ONNX model. */
export function exportOnnx(document: GraphDocument, weights: ExportWeights, options: OnnxOptions = {}): OnnxModelFile[] {
  const layout = options.layout ?? 'nchw';
  return exportParts(document).map((part) => ({ part, layout, bytes: onnxModel(document, part, weights, layout) }));
}

function analyzed(document: GraphDocument): GraphAnalysis {
  const analysis = analyzeGraph(document);
  if (analysis.document === null || hasErrors(analysis)) throw new CompileError(analysis.diagnostics.filter((diagnostic) => diagnostic.severity === 'error'));
  return analysis;
}

/** The physical layout of an input or output of this rank. */
function outsideLayout(rank: number, layout: OnnxLayout): number[] {
  return rank === 4 && layout === 'nchw' ? [...NCHW] : identity(rank);
}

function valueInfo(name: string, shape: TensorShape, perm: readonly number[], elementType: number) {
  const dims = [{ dim_param: 'batch' }, ...shape.dims.map((size) => ({ dim_value: size }))];
  return { name, type: { tensor_type: { elem_type: elementType, shape: { dim: perm.map((axis) => dims[axis]) } } } };
}

/** One part as the bytes of an ONNX ModelProto. `emitters` is the table of exportable layers. */
export function onnxModel(document: GraphDocument, part: ExportPart, weights: ExportWeights, layout: OnnxLayout, emitters: Readonly<Record<string, Emitter>> = onnxEmitters): Uint8Array {
  const analysis = analyzed(document);
  const builder = new GraphBuilder();
  const values = new Map<string, Value>();
  const inputs: ReturnType<typeof valueInfo>[] = [];
  for (const id of analysis.order.filter((node) => part.nodes.has(node))) {
    const node = analysis.document?.nodes.find((candidate) => candidate.id === id);
    const shape = analysis.nodeShapes.get(id);
    if (node === undefined || shape === undefined) continue;
    if (node.type === 'Input') {
      const perm = outsideLayout(shape.dims.length + 1, layout);
      builder.reserve(id);
      inputs.push(valueInfo(id, shape, perm, shape.dtype === 'int32' ? ELEMENT_TYPE.int32 : ELEMENT_TYPE.float));
      values.set(id, { name: id, perm });
      continue;
    }
    const emitter = emitters[node.type];
    if (emitter === undefined) throw new ExportError(`Layer ${id} (${node.type}) cannot be exported to ONNX: opset ${ONNX_OPSET} has no operator for it. Replace it with a layer ONNX can express, or export to PyTorch.`);
    const sources = (layerCatalog.get(node.type)?.inputs ?? []).map((port) => document.edges.find((edge) => edge.target === id && edge.targetPort === port.name)?.source ?? '');
    const weight = (name: string) => {
      const found = weights.get(`${id}/${name}`);
      if (found === undefined) throw new ExportError(`The weights have no ${id}/${name} for layer ${id} (${node.type}): give a checkpoint saved from this graph.`);
      return found;
    };
    const context = { builder, node, params: analysis.params.get(id) ?? {}, inputs: sources.map((source) => values.get(source) as Value), inputShapes: sources.map((source) => analysis.nodeShapes.get(source) as TensorShape), outputShape: shape, weight };
    values.set(id, emitter(context));
  }
  const outputs = part.outputs.flatMap((output) => graphOutputs(builder, output, values.get(output.node) as Value, analysis.nodeShapes.get(output.node) as TensorShape, layout));
  const graph = { name: `${document.metadata.name} (${part.name})`, node: builder.nodes, initializer: builder.initializers, input: inputs, output: outputs, doc_string: describe(part, layout) };
  const model = { ir_version: IR_VERSION, opset_import: [{ domain: '', version: ONNX_OPSET }], producer_name: 'Netloom', producer_version: '1', doc_string: describe(part, layout), graph, metadata_props: [{ key: 'netloom.part', value: part.name }, { key: 'netloom.layout', value: layout }] };
  return ModelProto.encode(ModelProto.fromObject(model)).finish();
}

/** The output under its name (an Identity), and for logits the probabilities beside it. */
function graphOutputs(builder: GraphBuilder, output: PartOutput, value: Value, shape: TensorShape, layout: OnnxLayout): ReturnType<typeof valueInfo>[] {
  const perm = outsideLayout(shape.dims.length + 1, layout);
  const placed = builder.inLayout(value, perm, output.node);
  builder.named(output.node, 'Identity', [placed.name], output.name);
  const infos = [valueInfo(output.name, shape, perm, ELEMENT_TYPE.float)];
  if (output.probabilities === undefined) return infos;
  const name = output.name === 'logits' ? 'probabilities' : `${output.name}_probabilities`;
  const attributes = output.probabilities === 'softmax' ? [intAttribute('axis', perm.indexOf(perm.length - 1))] : [];
  builder.named(output.node, output.probabilities === 'softmax' ? 'Softmax' : 'Sigmoid', [placed.name], name, attributes);
  return [...infos, valueInfo(name, shape, perm, ELEMENT_TYPE.float)];
}

function describe(part: ExportPart, layout: OnnxLayout): string {
  const images = layout === 'nchw' ? 'Image inputs and outputs are NCHW (batch, channels, height, width)' : "Image inputs and outputs are NHWC (batch, height, width, channels), Netloom's own layout";
  const outputs = part.outputs.map((output) => (output.kind === 'logits' ? `${output.name}: logits (before the ${output.probabilities}), with ${output.name === 'logits' ? 'probabilities' : `${output.name}_probabilities`} beside them` : `${output.name}: values`)).join('; ');
  return `Exported from Netloom: ${part.description}, in inference form (dropout off, batch norm with its running statistics, no loss head). ${images}; other tensors are batch first as in Netloom; the batch size is free. Outputs: ${outputs}.`;
}
