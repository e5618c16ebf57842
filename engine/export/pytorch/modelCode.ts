// model.py: the graph as an nn.Module, one attribute per layer named after its node, forward in
// the graph's topological order, and the functions that read and write weights.npz.
import { isImage, python } from './common.ts';
import type { ModelPart } from './parts.ts';
import type { GraphPlan } from './plan.ts';
import { MODEL_HELPERS, MODEL_WEIGHTS } from './modelRuntime.ts';

function header(plan: GraphPlan): string[] {
  const name = plan.document.metadata.name.replace(/"""/g, "'''").replace(/\\/g, '/');
  return [
    `"""${name}: the model, exported from Netloom.`,
    '',
    'Attributes and variables are named after the graph\'s nodes. Images are channels first here',
    '(batch, channels, height, width); Netloom keeps them height, width, channels, so Flatten and',
    'Reshape convert to Netloom\'s order where the numbers must line up with its weights.',
    '"""',
    'import math',
    '',
    'import numpy as np',
    'import torch',
    'from torch import nn',
    'import torch.nn.functional as F',
    '',
  ];
}

function inputTable(plan: GraphPlan): string[] {
  const lines = ['# Each Input node: one example\'s shape in Netloom\'s order, its dtype, and whether it is an image.', 'INPUTS = {'];
  for (const node of plan.nodes.filter((candidate) => candidate.type === 'Input')) {
    const shape = plan.shapes.get(node.id);
    const dims = shape?.dims ?? [];
    lines.push(`    '${node.id}': {'name': '${node.name}', 'shape': ${python(dims)}, 'dtype': '${shape?.dtype === 'int32' ? 'int64' : 'float32'}', 'image': ${python(isImage(shape))}},`);
  }
  lines.push('}', '');
  return lines;
}

function decayed(plan: GraphPlan): string[] {
  const names = plan.nodes.flatMap((node) => node.tensors.filter((tensor) => /[wW]eights$/.test(tensor.ours)).map((tensor) => `'${node.name}.${tensor.torch}'`));
  return ['# Parameters that take the optimizer\'s weight decay (weights; not biases, normalization or embeddings), as in Netloom.', `DECAYED = [${names.join(', ')}]`, ''];
}

function method(plan: GraphPlan, part: ModelPart): string[] {
  const name = (id: string) => plan.byId.get(id)?.name ?? id;
  const lines = [`    def ${part.method}(self, ${part.inputs.map(name).join(', ')}):`];
  for (const id of part.nodes) {
    const node = plan.byId.get(id);
    if (node === undefined) continue;
    for (const line of node.forward) lines.push(`        ${line}`);
  }
  lines.push(`        return ${name(part.output)}`, '');
  return lines;
}

function modelClass(plan: GraphPlan, parts: readonly ModelPart[]): string[] {
  const lines = ['class Model(nn.Module):', '    def __init__(self):', '        super().__init__()'];
  for (const node of plan.nodes) if (node.module !== null) lines.push(`        self.${node.name} = ${node.module}`);
  lines.push('');
  for (const part of parts) lines.push(...method(plan, part));
  if (parts.length === 2) {
    lines.push('    def forward(self, noise):', '        """The discriminator\'s score of generated examples."""', '        return self.discriminator(self.generator(noise))', '');
  }
  return lines;
}

export function modelCode(plan: GraphPlan, parts: readonly ModelPart[]): string {
  const task = plan.document.training.task;
  return [...header(plan), `TASK = '${task}'`, `METHODS = ${python(parts.map((part) => `'${part.method}'`))}`, '', ...inputTable(plan), ...decayed(plan), MODEL_HELPERS, '', ...modelClass(plan, parts), MODEL_WEIGHTS].join('\n');
}
