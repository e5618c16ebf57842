import { describe, expect, it } from 'vitest';
import { createEditorStore } from '../../../renderer/document/editorStore.ts';
import { writeDocumentText } from '../../../renderer/document/documentText.ts';
import { jsonEditorOptions } from '../../../renderer/code/editorOptions.ts';
import { leaveJson } from '../../../renderer/code/jsonLeave.ts';
import { createJsonSync } from '../../../renderer/code/jsonSync.ts';
import { example } from '../documents.ts';

describe('leaving the JSON view', () => {
  it('applies text that is a graph and leaves without asking', () => {
    const store = createEditorStore(example('xo-cnn').document);
    const renamed = { ...store.getState().document, metadata: { name: 'Renamed' } };
    const questions: string[] = [];
    const result = leaveJson(createJsonSync(store), writeDocumentText(renamed), (question) => (questions.push(question), false));
    expect(result).toEqual({ leave: true, error: null });
    expect(questions).toEqual([]);
    expect(store.getState().document.metadata.name).toBe('Renamed');
  });

  it('asks about text that is not a graph: keep editing stays with the error, discard leaves the graph as it was', () => {
    const store = createEditorStore(example('xo-cnn').document);
    const broken = writeDocumentText(store.getState().document).replace('"X vs O CNN"', '"X vs O CNN",,');
    const questions: string[] = [];
    const kept = leaveJson(createJsonSync(store), broken, (question) => (questions.push(question), false));
    expect(kept.leave).toBe(false);
    expect(kept.error).toMatch(/^Line 5, column \d+: Not valid JSON/);
    expect(questions[0]).toContain(kept.error ?? 'no error');
    expect(questions[0]).toContain('Cancel keeps editing');
    expect(leaveJson(createJsonSync(store), broken, () => true)).toEqual({ leave: true, error: null });
    expect(store.getState()).toMatchObject({ dirty: false, undoLabel: null });
  });

  it('the store keeps the view when its guard says stay', () => {
    const store = createEditorStore(example('xo-cnn').document);
    store.setView('json');
    let stay = true;
    store.guardView(() => !stay);
    store.setView('canvas');
    expect(store.getState().view).toBe('json');
    stay = false;
    store.setView('canvas');
    expect(store.getState().view).toBe('canvas');
    store.guardView(null);
  });

  it('does not flag the × of layer labels as ambiguous in Monaco', () => {
    expect(jsonEditorOptions.unicodeHighlight).toMatchObject({ ambiguousCharacters: false, invisibleCharacters: true });
  });
});
