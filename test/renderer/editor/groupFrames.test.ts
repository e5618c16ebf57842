import { describe, expect, it } from 'vitest';
import { FRAME_PADDING, groupFrames } from '../../../renderer/editor/groupFrames.ts';
import { exampleInOneRow } from '../documents.ts';

describe('groupFrames', () => {
  const { document } = exampleInOneRow('dcgan-mnist');
  const sizes = new Map(document.nodes.map((node) => [node.id, { width: 150, height: node.type === 'Conv2D' ? 140 : 100 }]));

  it('frames each group around its members, padded', () => {
    const frames = groupFrames(document, sizes);
    expect(frames.map((frame) => frame.group.id)).toEqual(['generator', 'discriminator']);
    const generator = frames[0];
    expect(generator).toMatchObject({ tone: 'generator', memberCount: 8, x: -FRAME_PADDING.side, y: -FRAME_PADDING.top });
    expect(generator.width).toBe(1540 + 150 + 2 * FRAME_PADDING.side);
    expect(generator.height).toBe(100 + FRAME_PADDING.top + FRAME_PADDING.bottom);
    const discriminator = frames[1];
    expect(discriminator.y).toBe(220 - FRAME_PADDING.top);
    expect(discriminator.height).toBe(140 + FRAME_PADDING.top + FRAME_PADDING.bottom);
  });

  it('leaves out a group with no members', () => {
    const empty = { ...document, groups: [...document.groups, { id: 'spare', name: 'Spare', kind: 'Custom' as const, collapsed: false }] };
    expect(groupFrames(empty, sizes).map((frame) => frame.group.id)).toEqual(['generator', 'discriminator']);
  });
});
