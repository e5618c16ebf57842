// Checks that the graph fits its training task: an input, one loss head of the right kind, GAN blocks.
import { error, type Diagnostic } from './diagnostic.ts';
import type { GraphDocument, Task } from './document.ts';
import { formatShape, sameShape, type TensorShape } from './shape.ts';
import type { Wiring } from './structure.ts';

const LOSS_FOR_TASK: Readonly<Record<Task, readonly string[]>> = {
  classify: ['SoftmaxCrossEntropy', 'BCE'],
  regress: ['MSE', 'BCE'],
  autoencode: ['MSE', 'BCE'],
  gan: ['BCE'],
  sequence: ['SoftmaxCrossEntropy', 'MSE'],
};

const LOSS_SETTING: Readonly<Record<string, string>> = { softmaxCrossEntropy: 'SoftmaxCrossEntropy', mse: 'MSE', bce: 'BCE' };

export function checkTask(document: GraphDocument, wiring: Wiring, shapes: ReadonlyMap<string, TensorShape>): Diagnostic[] {
  const task = document.training.task;
  const diagnostics: Diagnostic[] = [];
  const inputs = nodesOfType(wiring, (type) => type === 'Input');
  if (inputs.length === 0) diagnostics.push(error('The graph has no Input node.', { suggestion: 'Drag an Input from the palette: data enters there.' }));
  const heads = [...wiring.specs].filter(([, spec]) => spec.isLoss === true).map(([id]) => id);
  const allowed = LOSS_FOR_TASK[task];
  if (heads.length === 0) {
    diagnostics.push(error(`The graph has no loss for the task "${task}".`, { field: 'training.task', suggestion: `End the network with a ${allowed.join(' or ')} head.` }));
  } else if (heads.length > 1) {
    for (const id of heads.slice(1)) diagnostics.push(error('The graph has more than one loss head; training needs exactly one.', { nodeId: id, suggestion: 'Delete the extra loss heads.' }));
  }
  for (const id of heads) {
    const type = wiring.specs.get(id)?.type ?? '';
    if (!allowed.includes(type)) diagnostics.push(error(`${type} is not a loss for the task "${task}".`, { nodeId: id, suggestion: `Use ${allowed.join(' or ')}, or change the task.` }));
  }
  const chosen = document.training.loss;
  if (chosen !== 'auto' && heads.length > 0 && wiring.specs.get(heads[0])?.type !== LOSS_SETTING[chosen]) {
    diagnostics.push(error(`training.loss is "${chosen}" but the graph ends in ${wiring.specs.get(heads[0])?.type}.`, { field: 'training.loss', suggestion: 'Set training.loss to "auto" to use the graph\'s head.' }));
  }
  if (task === 'autoencode' && heads.length === 1) diagnostics.push(...checkReconstruction(heads[0], inputs, wiring, shapes));
  if (task === 'gan') diagnostics.push(...checkGan(document, inputs, wiring, shapes));
  return diagnostics;
}

function nodesOfType(wiring: Wiring, test: (type: string) => boolean): string[] {
  return [...wiring.specs].filter(([, spec]) => test(spec.type)).map(([id]) => id);
}

function checkReconstruction(head: string, inputs: readonly string[], wiring: Wiring, shapes: ReadonlyMap<string, TensorShape>): Diagnostic[] {
  const edge = wiring.incoming.get(head)?.get('in');
  const output = edge !== undefined ? shapes.get(edge.source) : undefined;
  const input = inputs.length > 0 ? shapes.get(inputs[0]) : undefined;
  if (output === undefined || input === undefined || sameShape(output, input)) return [];
  return [
    error(`An autoencoder must reconstruct its input: the loss receives ${formatShape(output)} but the input is ${formatShape(input)}.`, {
      nodeId: head,
      suggestion: 'Make the decoder end with the input\'s shape (a Reshape can help).',
    }),
  ];
}

function checkGan(document: GraphDocument, inputs: readonly string[], wiring: Wiring, shapes: ReadonlyMap<string, TensorShape>): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const groupOf = (kind: string) => document.groups.find((group) => group.kind === kind);
  const generator = groupOf('Generator');
  const discriminator = groupOf('Discriminator');
  for (const [kind, group] of [['Generator', generator], ['Discriminator', discriminator]] as const) {
    if (group === undefined) diagnostics.push(error(`A GAN needs a ${kind} block.`, { field: 'groups', suggestion: `Select the ${kind.toLowerCase()}'s layers and group them into a ${kind} block.` }));
  }
  if (generator === undefined || discriminator === undefined) return diagnostics;
  const members = (groupId: string) => [...wiring.nodes.values()].filter((node) => node.group === groupId).map((node) => node.id);
  const noise = inputs.find((id) => wiring.nodes.get(id)?.params.kind === 'noise');
  const real = inputs.find((id) => wiring.nodes.get(id)?.params.kind !== 'noise');
  if (noise === undefined) diagnostics.push(error('A GAN needs an Input of kind "noise" feeding the Generator.', { suggestion: 'Add an Input and set its kind to "noise".' }));
  if (real === undefined) diagnostics.push(error('A GAN needs an Input for real examples feeding the Discriminator.', { suggestion: 'Add an image Input before the Discriminator.' }));
  const last = members(generator.id).find((id) => (wiring.outgoing.get(id)?.length ?? 0) === 0 && wiring.specs.get(id)?.hasOutput === true);
  const fake = last !== undefined ? shapes.get(last) : undefined;
  const realShape = real !== undefined ? shapes.get(real) : undefined;
  if (fake !== undefined && realShape !== undefined && !sameShape(fake, realShape)) {
    diagnostics.push(
      error(`The Generator makes ${formatShape(fake)} samples but the Discriminator reads ${formatShape(realShape)}.`, {
        nodeId: last,
        suggestion: 'Make the generator\'s last layer produce the real input\'s shape.',
      }),
    );
  }
  return diagnostics;
}
