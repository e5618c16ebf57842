// Version 1 to 2: every example saved as version 1 migrates to the committed version-2 example,
// records the normalization version 1 used ("none": values as decoded), and validates.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeGraph, GRAPH_FORMAT, GRAPH_VERSION, migrateDocument, normalizationOf, parseDocument } from '../../../engine/graph/index.ts';
import { readExamples } from './examples.ts';

const version1Folder = join(import.meta.dirname, 'version1');
const version1 = readdirSync(version1Folder)
  .filter((file) => file.endsWith('.json'))
  .sort()
  .map((file) => ({ name: file, document: JSON.parse(readFileSync(join(version1Folder, file), 'utf8')) as Record<string, unknown> }));
const current = new Map(readExamples().map((example) => [example.name, example.document]));

/** The committed example without what a user adds in version 2 (a file's summary). */
function withoutSummary(document: Record<string, unknown>): Record<string, unknown> {
  const { summary: _summary, ...dataset } = document.dataset as Record<string, unknown>;
  return { ...document, dataset };
}

describe('graph format version 1 to 2', () => {
  it('covers every example, each saved as version 1', () => {
    expect(version1.map((example) => example.name)).toEqual([...current.keys()]);
    expect(version1.every((example) => example.document.version === 1)).toBe(true);
    expect(GRAPH_VERSION).toBe(2);
  });

  it.each(version1.map((example) => [example.name, example.document] as const))('%s migrates to the committed version 2 and validates', (name, document) => {
    const migrated = migrateDocument(document);
    expect(migrated.diagnostics).toEqual([]);
    expect(migrated.fromVersion).toBe(1);
    expect(migrated.applied).toHaveLength(1);
    expect(migrated.document).toEqual(withoutSummary(current.get(name)!));
    expect((migrated.document!.dataset as Record<string, unknown>).normalization).toBe('none');
    const analysis = analyzeGraph(document);
    expect(analysis.diagnostics).toEqual([]);
    expect(analysis.document!.version).toBe(2);
  });

  it('leaves a document without a dataset as it was, and keeps a normalization already there', () => {
    const bare = { format: GRAPH_FORMAT, version: 1, nodes: [], edges: [], training: { task: 'classify' } };
    expect(migrateDocument(bare).document).toEqual({ ...bare, version: 2 });
    const chosen = { ...bare, dataset: { source: 'builtin', name: 'moons', normalization: 'standardize' } };
    expect((migrateDocument(chosen).document!.dataset as Record<string, unknown>).normalization).toBe('standardize');
  });

  it('a version 2 reference reads its normalization and summary, and refuses unknown ones', () => {
    const base = { format: GRAPH_FORMAT, version: 2, nodes: [], edges: [], training: { task: 'classify' } };
    const file = { source: 'file', format: 'csv', path: 'points.csv', labelColumn: 'label', normalization: 'scale01', summary: { inputDims: [3], classCount: 2, classNames: ['a', 'b'], exampleCount: 40 } };
    expect(parseDocument({ ...base, dataset: file }).document?.dataset).toEqual(file);
    const builtin = parseDocument({ ...base, dataset: { source: 'builtin', name: 'xor' } }).document!.dataset!;
    expect(builtin).toEqual({ source: 'builtin', name: 'xor' });
    expect(normalizationOf(builtin)).toBe('none');
    const wrong = parseDocument({ ...base, dataset: { ...file, normalization: 'unit' } });
    expect(wrong.document).toBeNull();
    expect(wrong.diagnostics[0].field).toBe('dataset.normalization');
    expect(wrong.diagnostics[0].suggestion).toBe('Use one of: "none", "scale01", "standardize".');
  });

  it('a version 1 CSV keeps its label column and validation split, and gains normalization "none"', () => {
    const csv = { source: 'file', format: 'csv', path: 'points.csv', labelColumn: 'species' };
    const old = { format: GRAPH_FORMAT, version: 1, nodes: [], edges: [], training: { task: 'classify', validationSplit: 0.25 }, dataset: csv };
    const migrated = migrateDocument(old).document!;
    expect(migrated.dataset).toEqual({ ...csv, normalization: 'none' });
    expect((migrated.training as Record<string, unknown>).validationSplit).toBe(0.25);
    const parsed = parseDocument(migrated).document!;
    expect([parsed.dataset?.source === 'file' ? parsed.dataset.labelColumn : null, parsed.training.validationSplit]).toEqual(['species', 0.25]);
    // A split past 0.9 leaves too little to train on, and is refused where it is.
    const tooMuch = parseDocument({ ...migrated, training: { task: 'classify', validationSplit: 0.95 } });
    expect(tooMuch.document).toBeNull();
    expect(tooMuch.diagnostics[0].field).toBe('training.validationSplit');
  });
});
