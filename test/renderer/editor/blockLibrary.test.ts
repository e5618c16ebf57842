import { describe, expect, it } from 'vitest';
import { analyzeGraph, GraphDocumentSchema } from '../../../engine/graph/index.ts';
import { addToLibrary, blockFromGroup, insertLibraryBlock, parseLibrary, serializeLibrary, type LibraryBlock } from '../../../renderer/editor/blockLibrary.ts';
import { placeEntry } from '../../../renderer/editor/canvasEdits.ts';
import { recordCommand, applyCommand, invertCommand } from '../../../renderer/document/commandHistory.ts';
import { librarySection } from '../../../renderer/editor/paletteModel.ts';
import { createPersonalLibrary } from '../../../renderer/editor/personalLibrary.ts';
import { createLocalTextSlot, type TextSlot } from '../../../renderer/platform/blockLibraryStorage.ts';
import { exampleInOneRow } from '../documents.ts';

function memorySlot(): TextSlot & { text: string | null } {
  return {
    text: null,
    read() {
      return this.text;
    },
    write(text) {
      this.text = text;
    },
  };
}

describe('block library', () => {
  const { document } = exampleInOneRow('dense-autoencoder');
  const saved = blockFromGroup(document, 'encoder')!;
  const block: LibraryBlock = { ...saved, id: 'encoder1' };

  it('saves a group as its layers and inner edges, positions relative to the corner', () => {
    expect(saved.name).toBe('Encoder');
    expect(saved.kind).toBe('Encoder');
    expect(saved.nodes.map((node) => [node.id, node.position.x, node.position.y])).toEqual([
      ['flatten1', 0, 0],
      ['dense1', 220, 0],
      ['relu1', 440, 0],
    ]);
    expect(saved.nodes.every((node) => node.group === undefined)).toBe(true);
    expect(saved.edges.map((edge) => edge.id)).toEqual(['e2', 'e3']);
    expect(blockFromGroup(document, 'nothing')).toBeNull();
  });

  it('inserts a copy with fresh ids in a new group, and undoes as one command', () => {
    const inserted = insertLibraryBlock(document, block, { x: 100, y: 400 });
    expect(inserted.nodeIds).toEqual(['flatten2', 'dense5', 'relu3']);
    expect(inserted.groupId).toBe('encoder1');
    const after = inserted.document;
    expect(after.nodes.filter((node) => node.group === 'encoder1').map((node) => node.position)).toEqual([
      { x: 100, y: 400 },
      { x: 320, y: 400 },
      { x: 540, y: 400 },
    ]);
    const newEdges = after.edges.slice(document.edges.length);
    expect(newEdges.map((edge) => [edge.id, edge.source, edge.target])).toEqual([
      ['e11', 'flatten2', 'dense5'],
      ['e12', 'dense5', 'relu3'],
    ]);
    expect(after.groups.at(-1)).toEqual({ id: 'encoder1', name: 'Encoder', kind: 'Encoder', collapsed: false });
    expect(GraphDocumentSchema.safeParse(after).success).toBe(true);
    expect(after.nodes.find((node) => node.id === 'dense5')?.params).toEqual({ units: 128, initializer: 'he' });
    // Unconnected, the copy's first layer waits for an input.
    expect(analyzeGraph(after).diagnostics.some((diagnostic) => diagnostic.nodeId === 'flatten2')).toBe(true);
    const command = recordCommand('Add Encoder', document, after)!;
    expect(invertCommand(after, command)).toEqual(document);
    expect(applyCommand(document, command)).toEqual(after);
    // The copy's params are its own.
    (after.nodes.find((node) => node.id === 'dense5')!.params as { units: number }).units = 7;
    expect(block.nodes[1].params.units).toBe(128);
  });

  it('places a library entry from the palette through a lookup', () => {
    const placed = placeEntry(document, { name: 'encoder1', kind: 'library' }, { x: 13, y: 407 }, { get: (id) => (id === 'encoder1' ? block : null) });
    expect(placed?.nodeId).toBe('flatten2');
    expect(placed?.document.nodes.find((node) => node.id === 'flatten2')?.position).toEqual({ x: 20, y: 400 });
    expect(placeEntry(document, { name: 'gone', kind: 'library' }, { x: 0, y: 0 }, { get: () => null })).toBeNull();
  });

  it('replaces a block of the same name, and reads back what it wrote, dropping broken entries', () => {
    const once = addToLibrary([], saved);
    const twice = addToLibrary(once, { ...saved, nodes: saved.nodes.slice(0, 2) });
    expect(twice).toHaveLength(1);
    expect(twice[0].nodes).toHaveLength(2);
    const both = addToLibrary(twice, { ...saved, name: 'Other' });
    expect(both.map((item) => item.id)).toEqual(['encoder1', 'other1']);
    expect(parseLibrary(serializeLibrary(both))).toEqual(both);
    const text = JSON.stringify({ format: 'netloom.blocks', version: 1, blocks: [both[0], { name: 'broken' }] });
    expect(parseLibrary(text).map((item) => item.id)).toEqual(['encoder1']);
    expect(parseLibrary('not json')).toEqual([]);
    expect(parseLibrary(null)).toEqual([]);
  });

  it('keeps the library in its storage slot and tells listeners; the palette lists it as My blocks', () => {
    const slot = memorySlot();
    const library = createPersonalLibrary(slot);
    let calls = 0;
    library.subscribe(() => calls++);
    const entry = library.save(saved);
    expect(entry.id).toBe('encoder1');
    expect(calls).toBe(1);
    expect(createPersonalLibrary(slot).list()).toEqual([entry]);
    const section = librarySection(library.list());
    expect(section?.category).toBe('My blocks');
    expect(section?.entries[0]).toMatchObject({ name: 'encoder1', kind: 'library', title: 'Encoder' });
    expect(librarySection(library.list(), 'conv')).toBeNull();
    library.remove('encoder1');
    expect(createPersonalLibrary(slot).list()).toEqual([]);
  });

  it('falls back to memory where storage refuses', () => {
    const refusing = { getItem: () => { throw new Error('denied'); }, setItem: () => { throw new Error('denied'); } } as unknown as Storage;
    const slot = createLocalTextSlot('key', refusing);
    slot.write('text');
    expect(slot.read()).toBe('text');
  });
});
