// What the inspector shows for one node: its type, params (value, default, doc), shape, count, concept, problems.
import { formatShape, layerCatalog, type Diagnostic, type GraphAnalysis, type GraphDocument } from '../../engine/graph/index.ts';
import { formatParamValue, paramDisplayName } from './nodeSummary.ts';
import { paramControl, type ParamControl } from './paramEditing.ts';

export interface InspectorParam {
  readonly name: string;
  readonly displayName: string;
  readonly value: string;
  /** True when the document leaves the param at its default. */
  readonly isDefault: boolean;
  readonly doc: string;
  readonly problem: string | null;
  readonly control: ParamControl;
}

export interface InspectorNode {
  readonly id: string;
  readonly type: string;
  readonly label: string | null;
  readonly category: string;
  readonly summary: string;
  readonly concept: string;
  readonly params: readonly InspectorParam[];
  readonly inputShapes: readonly { readonly port: string; readonly shape: string | null }[];
  readonly outputShape: string | null;
  readonly parameterCount: number;
  /** Trainable parameters of the whole network. */
  readonly networkParameterCount: number;
  readonly groupName: string | null;
  readonly problems: readonly Diagnostic[];
}

function inputShapes(document: GraphDocument, analysis: GraphAnalysis, nodeId: string, ports: readonly string[]): InspectorNode['inputShapes'] {
  return ports.map((port) => {
    const edge = document.edges.find((item) => item.target === nodeId && item.targetPort === port);
    const shape = edge === undefined ? undefined : analysis.edgeShapes.get(edge.id);
    return { port, shape: shape === undefined ? null : formatShape(shape) };
  });
}

export function inspectNode(document: GraphDocument, analysis: GraphAnalysis, nodeId: string): InspectorNode | null {
  const node = document.nodes.find((item) => item.id === nodeId);
  if (node === undefined) return null;
  const spec = layerCatalog.get(node.type);
  const problems = analysis.diagnostics.filter((diagnostic) => diagnostic.nodeId === nodeId);
  const params: InspectorParam[] = Object.entries(spec?.params ?? {}).map(([name, param]) => {
    const set = name in node.params;
    return {
      name,
      displayName: paramDisplayName(name),
      value: formatParamValue(set ? node.params[name] : param.default),
      isDefault: !set,
      doc: param.doc,
      problem: problems.find((diagnostic) => diagnostic.field === name)?.message ?? null,
      control: paramControl(name, param, node.params),
    };
  });
  const shape = analysis.nodeShapes.get(nodeId);
  const group = node.group === undefined ? undefined : document.groups.find((item) => item.id === node.group);
  return {
    id: node.id,
    type: node.type,
    label: node.label ?? null,
    category: spec?.category ?? 'Unknown layer',
    summary: spec?.summary ?? `"${node.type}" is not in the layer catalog.`,
    concept: spec?.concept ?? '',
    params,
    inputShapes: inputShapes(document, analysis, nodeId, spec?.inputs.map((port) => port.name) ?? []),
    outputShape: shape === undefined ? null : formatShape(shape),
    parameterCount: analysis.parameterCounts.get(nodeId) ?? 0,
    networkParameterCount: analysis.totalParameters,
    groupName: group?.name ?? null,
    problems,
  };
}
