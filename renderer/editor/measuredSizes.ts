// Node sizes React Flow reports, kept for drawing group frames around the real boxes.
import type { NodeChange } from '@xyflow/react';
import type { FlowNode, MeasuredSize } from './flowModel.ts';

/** The sizes after these changes; the same map when nothing changed (so React can skip work). */
export function updateMeasuredSizes(sizes: ReadonlyMap<string, MeasuredSize>, changes: readonly NodeChange<FlowNode>[]): ReadonlyMap<string, MeasuredSize> {
  let next: Map<string, MeasuredSize> | null = null;
  for (const change of changes) {
    if (change.type !== 'dimensions' || change.dimensions === undefined || change.id.startsWith('group:')) continue;
    const old = sizes.get(change.id);
    const { width, height } = change.dimensions;
    if (old !== undefined && Math.abs(old.width - width) < 0.5 && Math.abs(old.height - height) < 0.5) continue;
    next ??= new Map(sizes);
    next.set(change.id, { width, height });
  }
  return next ?? sizes;
}
