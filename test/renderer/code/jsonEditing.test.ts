import { describe, expect, it } from 'vitest';
import { describeJsonError, readJsonEdit } from '../../../renderer/code/jsonEditing.ts';
import { locatePath, parsePath, positionAt } from '../../../renderer/code/jsonLocation.ts';
import { createJsonSync } from '../../../renderer/code/jsonSync.ts';
import { setLabel } from '../../../renderer/editor/nodeEdits.ts';
import { createEditorStore } from '../../../renderer/document/editorStore.ts';
import { writeDocumentText } from '../../../renderer/document/documentText.ts';
import { example } from '../documents.ts';

describe('JSON view edits', () => {
  it('reads an edited document', () => {
    const { document } = example('xo-cnn');
    const text = writeDocumentText(document).replace('"filters": 4', '"filters": 9');
    const edit = readJsonEdit(text);
    expect(edit.ok).toBe(true);
    if (edit.ok) expect(edit.document.nodes.find((node) => node.id === 'conv2d1')?.params.filters).toBe(9);
  });

  it('says where bad JSON breaks, by line and column', () => {
    const edit = readJsonEdit('{\n  "format": "netloom.graph",\n  oops\n}');
    expect(edit.ok).toBe(false);
    if (edit.ok) return;
    expect(edit.position).toEqual({ line: 3, column: 3 });
    expect(describeJsonError(edit)).toMatch(/^Line 3, column 3: Not valid JSON: /);
  });

  it('points at the value of a document that does not parse', () => {
    const { document } = example('xo-cnn');
    const text = writeDocumentText(document).replace('"type": "adam"', '"type": "adamx"');
    const edit = readJsonEdit(text);
    expect(edit.ok).toBe(false);
    if (edit.ok) return;
    const line = text.split('\n').findIndex((item) => item.includes('"adamx"')) + 1;
    expect(edit.position.line).toBe(line);
    expect(edit.message).toContain('training.optimizer.type');
  });

  it('rejects a document without nodes', () => {
    expect(readJsonEdit('{"format": "netloom.graph", "version": 1}').ok).toBe(false);
    expect(readJsonEdit('42').ok).toBe(false);
  });

  it('locates paths in JSON text', () => {
    const text = '{ "a": [1, {"b": "x,]"}, {"c": [2, 3]}], "d": true }';
    expect(parsePath('a[2].c[1]')).toEqual(['a', 2, 'c', 1]);
    expect(text.slice(locatePath(text, ['a', 2, 'c', 1]))).toMatch(/^3\]/);
    expect(text.slice(locatePath(text, ['d']))).toMatch(/^true/);
    expect(text.slice(locatePath(text, ['a', 1, 'missing']))).toMatch(/^\{"b"/);
    expect(positionAt('ab\ncd', 4)).toEqual({ line: 2, column: 2 });
  });
});

describe('JSON view sync', () => {
  it('applies typed graphs as one undoable edit, leaves the document alone on errors, and follows canvas edits', () => {
    const store = createEditorStore(example('xo-cnn').document);
    const sync = createJsonSync(store);
    const original = store.getState().document;
    const text = sync.textFor(original) ?? '';
    expect(text).toBe(writeDocumentText(original));
    expect(sync.submit(text).ok).toBe(true);
    expect(store.getState().document).toBe(original);
    sync.submit(text.replace('"filters": 4', '"filters": 5'));
    sync.submit(text.replace('"filters": 4', '"filters": 6'));
    expect(store.getState().analysis.edgeShapes.get('e2')?.dims).toEqual([7, 7, 6]);
    expect(sync.textFor(store.getState().document)).toBeNull();
    const before = store.getState().document;
    expect(sync.submit('{ "nodes": [').ok).toBe(false);
    expect(sync.submit(text.replace('"format": "netloom.graph"', '"format": "other"')).ok).toBe(false);
    expect(store.getState().document).toBe(before);
    store.edit((document) => setLabel(document, 'dense1', 'Out'));
    expect(sync.textFor(store.getState().document)).toContain('"label": "Out"');
    store.undo();
    store.undo();
    expect(store.getState().document).toEqual(original);
  });
});
