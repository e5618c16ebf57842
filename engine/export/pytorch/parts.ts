// The functions of the exported model: one forward for most graphs; for a GAN, `generator`
// (noise -> fake example) and `discriminator` (example -> score), as Netloom trains them.
import { ExportError } from './common.ts';
import type { GraphPlan } from './plan.ts';
import { LOSS_TYPES } from './plan.ts';

export interface ModelPart {
  /** The Python method name. */
  readonly method: 'forward' | 'generator' | 'discriminator';
  /** Input node ids, the method's arguments in order. */
  readonly inputs: readonly string[];
  /** Node ids computed by the method, in topological order. */
  readonly nodes: readonly string[];
  /** The node whose output the method returns. */
  readonly output: string;
}

function outputOf(plan: GraphPlan, members: ReadonlySet<string>): string {
  if (plan.lossNode !== null && members.has(plan.lossNode.id)) return plan.sources.get(plan.lossNode.id)?.[0] ?? '';
  const feeding = new Set(plan.document.edges.map((edge) => edge.source));
  const ends = plan.order.filter((id) => members.has(id) && !feeding.has(id) && !LOSS_TYPES.has(plan.byId.get(id)?.type ?? ''));
  if (ends.length !== 1) throw new ExportError(`The graph must end in one layer to export its model; it ends in ${ends.length === 0 ? 'none' : ends.join(', ')}. Add a loss head after the output layer.`);
  return ends[0];
}

function part(plan: GraphPlan, method: ModelPart['method'], members: ReadonlySet<string>): ModelPart {
  const nodes = plan.order.filter((id) => members.has(id));
  const inputs = nodes.filter((id) => plan.byId.get(id)?.type === 'Input');
  return { method, inputs, nodes: nodes.filter((id) => !inputs.includes(id)), output: outputOf(plan, members) };
}

export function modelParts(plan: GraphPlan): ModelPart[] {
  const { document } = plan;
  if (document.training.task !== 'gan') return [part(plan, 'forward', new Set(plan.order))];
  const group = document.groups.find((candidate) => candidate.kind === 'Generator');
  const noise = document.nodes.find((node) => node.type === 'Input' && node.params.kind === 'noise');
  if (group === undefined || noise === undefined) throw new ExportError('A GAN exports as a generator and a discriminator: it needs a Generator block and a noise Input.');
  const generator = new Set(document.nodes.filter((node) => node.group === group.id || node.id === noise.id).map((node) => node.id));
  const discriminator = new Set(plan.order.filter((id) => !generator.has(id)));
  return [part(plan, 'generator', generator), part(plan, 'discriminator', discriminator)];
}
