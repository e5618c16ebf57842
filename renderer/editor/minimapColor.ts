// Minimap colours: each layer in its category's colour, group frames faint, errors red.
import type { FlowNode } from './flowModel.ts';
import type { CategoryTone } from './nodeSummary.ts';

const TONE_COLORS: Readonly<Record<CategoryTone, string>> = {
  io: '#3fb5a3',
  core: '#5b8def',
  activation: '#e0a43c',
  convolution: '#a178e8',
  recurrent: '#e0699b',
  block: '#5fbf72',
  unknown: '#7d8590',
};

export function minimapColor(node: FlowNode): string {
  if (node.type === 'block') return 'rgba(140, 150, 170, 0.14)';
  if (node.type === 'collapsed') return TONE_COLORS.block;
  if (node.data.problems.some((problem) => problem.severity === 'error')) return '#f05d5d';
  return TONE_COLORS[node.data.tone];
}
