import { describe, expect, it } from 'vitest';
import { GraphDocumentSchema } from '../../../engine/graph/index.ts';
import { applyCommand, invertCommand, recordCommand } from '../../../renderer/document/commandHistory.ts';
import { groupNodes, groupsOf, kindForName, renameGroup, setCollapsed, ungroup } from '../../../renderer/editor/grouping.ts';
import { createEditorStore } from '../../../renderer/document/editorStore.ts';
import { example } from '../documents.ts';

describe('grouping', () => {
  const { document } = example('mnist-mlp');

  it('names the kind from the name; other names are Custom', () => {
    expect(kindForName('Encoder')).toBe('Encoder');
    expect(kindForName(' discriminator ')).toBe('Discriminator');
    expect(kindForName('Feature extractor')).toBe('Custom');
  });

  it('puts the selected nodes into a new named group, and the document still validates', () => {
    const result = groupNodes(document, new Set(['flatten1', 'dense1']), 'Encoder');
    expect(result).not.toBeNull();
    const grouped = result!.document;
    expect(result!.groupId).toBe('encoder1');
    expect(grouped.groups).toEqual([{ id: 'encoder1', name: 'Encoder', kind: 'Encoder', collapsed: false }]);
    expect(grouped.nodes.filter((node) => node.group === 'encoder1').map((node) => node.id)).toEqual(['flatten1', 'dense1']);
    expect(GraphDocumentSchema.safeParse(grouped).success).toBe(true);
    const custom = groupNodes(grouped, new Set(['input1']), 'My stem')!;
    expect(custom.document.groups.at(-1)).toEqual({ id: 'mystem1', name: 'My stem', kind: 'Custom', collapsed: false });
  });

  it('moves nodes out of their old group and drops a group left empty', () => {
    const { document: autoencoder } = example('dense-autoencoder');
    const regrouped = groupNodes(autoencoder, new Set(['dense2', 'relu1']), 'Middle')!.document;
    expect(regrouped.groups.map((group) => group.id)).toEqual(['encoder', 'decoder', 'middle1']);
    expect(regrouped.nodes.find((node) => node.id === 'relu1')?.group).toBe('middle1');
  });

  it('refuses an empty name or a selection of no existing node', () => {
    expect(groupNodes(document, new Set(['dense1']), '  ')).toBeNull();
    expect(groupNodes(document, new Set(['nothing']), 'Encoder')).toBeNull();
  });

  it('ungroups the groups of the selected nodes, keeping the layers', () => {
    const { document: autoencoder } = example('dense-autoencoder');
    const groups = groupsOf(autoencoder, new Set(['dense1', 'input1']));
    expect([...groups]).toEqual(['encoder']);
    const plain = ungroup(autoencoder, groups);
    expect(plain.groups.map((group) => group.id)).toEqual(['bottleneck', 'decoder']);
    expect(plain.nodes.find((node) => node.id === 'dense1')).not.toHaveProperty('group');
    expect(plain.nodes).toHaveLength(autoencoder.nodes.length);
    expect(ungroup(plain, new Set(['encoder']))).toBe(plain);
  });

  it('collapses and expands, and renames with the kind following the name', () => {
    const { document: autoencoder } = example('dense-autoencoder');
    const collapsed = setCollapsed(autoencoder, 'encoder', true);
    expect(collapsed.groups[0].collapsed).toBe(true);
    expect(setCollapsed(collapsed, 'encoder', true)).toBe(collapsed);
    expect(setCollapsed(collapsed, 'encoder', false).groups[0].collapsed).toBe(false);
    expect(renameGroup(autoencoder, 'bottleneck', 'Latent code').groups[1]).toMatchObject({ name: 'Latent code', kind: 'Custom' });
  });

  it('group, collapse and ungroup each undo and redo as one command', () => {
    const store = createEditorStore(document);
    store.edit((current) => groupNodes(current, new Set(['flatten1', 'dense1', 'relu1']), 'Encoder')!.document, { label: 'Group as Encoder' });
    store.edit((current) => setCollapsed(current, 'encoder1', true), { label: 'Collapse Encoder' });
    expect(store.getState().undoLabel).toBe('Collapse Encoder');
    store.undo();
    expect(store.getState().document.groups[0].collapsed).toBe(false);
    store.undo();
    expect(store.getState().document).toEqual(document);
    expect(store.getState().document.nodes.some((node) => node.group !== undefined)).toBe(false);
    store.redo();
    store.redo();
    expect(store.getState().document.groups).toEqual([{ id: 'encoder1', name: 'Encoder', kind: 'Encoder', collapsed: true }]);
    const before = store.getState().document;
    const command = recordCommand('Ungroup', before, ungroup(before, new Set(['encoder1'])))!;
    const after = applyCommand(before, command);
    expect(after.groups).toEqual([]);
    expect(invertCommand(after, command)).toEqual(before);
  });
});
