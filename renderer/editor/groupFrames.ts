// The frames drawn behind grouped nodes (document.groups): each group's members' bounding box, padded.
import type { BlockKind, GraphDocument, GraphGroup } from '../../engine/graph/index.ts';

export type FrameTone = 'encoder' | 'bottleneck' | 'decoder' | 'generator' | 'discriminator' | 'custom';

export interface GroupFrame {
  readonly group: GraphGroup;
  readonly tone: FrameTone;
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
  readonly memberCount: number;
}

export const FRAME_PADDING = { side: 14, top: 30, bottom: 12 } as const;

const TONES: Readonly<Record<BlockKind, FrameTone>> = {
  Encoder: 'encoder',
  Bottleneck: 'bottleneck',
  Decoder: 'decoder',
  Generator: 'generator',
  Discriminator: 'discriminator',
  Custom: 'custom',
};

export function frameTone(kind: BlockKind): FrameTone {
  return TONES[kind];
}

/** One frame per expanded group that has members (a collapsed one is drawn as one node); `sizes` gives each node's width and height. */
export function groupFrames(document: GraphDocument, sizes: ReadonlyMap<string, { width: number; height: number }>): GroupFrame[] {
  const frames: GroupFrame[] = [];
  for (const group of document.groups) {
    if (group.collapsed) continue;
    const members = document.nodes.filter((node) => node.group === group.id);
    if (members.length === 0) continue;
    let left = Infinity;
    let top = Infinity;
    let right = -Infinity;
    let bottom = -Infinity;
    for (const node of members) {
      const size = sizes.get(node.id) ?? { width: 0, height: 0 };
      left = Math.min(left, node.position.x);
      top = Math.min(top, node.position.y);
      right = Math.max(right, node.position.x + size.width);
      bottom = Math.max(bottom, node.position.y + size.height);
    }
    frames.push({
      group,
      tone: TONES[group.kind],
      x: left - FRAME_PADDING.side,
      y: top - FRAME_PADDING.top,
      width: right - left + 2 * FRAME_PADDING.side,
      height: bottom - top + FRAME_PADDING.top + FRAME_PADDING.bottom,
      memberCount: members.length,
    });
  }
  return frames;
}
