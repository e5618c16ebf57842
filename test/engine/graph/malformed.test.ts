// Generated malformed documents: every one is rejected with diagnostics, and none throws.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyzeGraph, hasErrors } from '../../../engine/graph/index.ts';
import { readExamples } from './examples.ts';

type Json = Record<string, unknown>;
type Mutation = (document: Json, pick: number) => void;

const examples = readExamples().map((example) => example.document);
const nodesOf = (document: Json) => document.nodes as Json[];
const edgesOf = (document: Json) => document.edges as Json[];
const at = <T>(list: readonly T[], pick: number): T => list[pick % list.length];

const wrongValues: readonly unknown[] = [null, 'text', -1, 1.5, 1e308, -1e308, Number.NaN, [], {}, true, Number.POSITIVE_INFINITY];

const mutations: Readonly<Record<string, Mutation>> = {
  dropTopField: (document, pick) => delete document[at(['format', 'version', 'nodes', 'edges', 'training'], pick)],
  wrongVersion: (document, pick) => (document.version = at([0, 3, 99, '1', null, 1.5, -3, 1e300], pick)),
  wrongFormat: (document, pick) => (document.format = at(['netloom', '', 42, null], pick)),
  nodeFieldType: (document, pick) => {
    const node = at(nodesOf(document), pick);
    const field = at(['id', 'type', 'position', 'params'], pick >> 3);
    node[field] = field === 'params' ? at([[], 'x', 7, null], pick) : at([123, null, [], true, ''], pick);
  },
  dropNodeField: (document, pick) => delete at(nodesOf(document), pick)[at(['id', 'type', 'position'], pick >> 2)],
  danglingEdge: (document, pick) => (at(edgesOf(document), pick)[at(['source', 'target'], pick >> 1)] = 'no-such-node'),
  removeEdge: (document, pick) => edgesOf(document).splice(pick % edgesOf(document).length, 1),
  backEdge: (document, pick) => {
    const nodes = nodesOf(document);
    const from = 1 + (pick % (nodes.length - 2));
    edgesOf(document).push({ id: 'back-edge', source: nodes[from].id, sourcePort: 'out', target: nodes[pick % from].id, targetPort: 'in' });
  },
  hugeParam: (document, pick) => {
    const node = at(nodesOf(document), pick);
    // The layer type first, then the field that type has: a stray field on a layer that ignores it proves nothing.
    node.type = at(['Input', 'Conv2D', 'Dense', 'LSTM', 'GRU', 'Dropout'], pick);
    const field = { Input: 'height', Conv2D: 'filters', Dense: 'units', LSTM: 'units', GRU: 'units' }[node.type as string] ?? 'rate';
    if (node.type === 'Input') (node.params as Json).kind = 'image';
    (node.params as Json)[field] = at([1e9, -5, 1e308, Number.POSITIVE_INFINITY, '3'], pick >> 2);
  },
  unknownType: (document, pick) => (at(nodesOf(document), pick).type = at(['Conv3D', 'dense', '', 'Softmax2', 'x'.repeat(70)], pick >> 1)),
  duplicateId: (document, pick) => {
    const nodes = nodesOf(document);
    nodes[(pick + 1) % nodes.length].id = nodes[pick % nodes.length].id === nodes[(pick + 1) % nodes.length].id ? 'same' : nodes[pick % nodes.length].id;
    if (nodes[(pick + 1) % nodes.length].id === 'same') nodes.push({ ...nodes[0], id: 'same' });
  },
  badTraining: (document, pick) => {
    const training = document.training as Json | undefined;
    if (typeof training !== 'object' || training === null) return;
    training[at(['task', 'batchSize', 'epochs', 'seed', 'validationSplit', 'optimizer'], pick)] = at(wrongValues, pick >> 3);
  },
  badEdgePort: (document, pick) => (at(edgesOf(document), pick).targetPort = at(['input', 'x', 'c'], pick)),
  junk: (document, pick) => {
    for (const key of Object.keys(document)) delete document[key];
    document[at(['nodes', 'junk', 'format'], pick)] = at(wrongValues, pick);
  },
};

const names = Object.keys(mutations);

describe('malformed documents', () => {
  it('1,200 generated malformed documents are all rejected with diagnostics, none throws', () => {
    const seen = new Set<string>();
    fc.assert(
      fc.property(fc.nat(examples.length - 1), fc.array(fc.tuple(fc.constantFrom(...names), fc.nat(1 << 20)), { minLength: 1, maxLength: 3 }), (index, steps) => {
        const document = structuredClone(examples[index]);
        for (const [name, pick] of steps) {
          if (!Array.isArray(document.nodes) || !Array.isArray(document.edges) || (document.nodes as unknown[]).length < 3 || (document.edges as unknown[]).length < 1) break;
          mutations[name](document, pick);
          seen.add(name);
        }
        const analysis = analyzeGraph(document);
        expect(hasErrors(analysis), JSON.stringify(steps)).toBe(true);
        for (const diagnostic of analysis.diagnostics) expect(diagnostic.message.length).toBeGreaterThan(5);
      }),
      { numRuns: 1200, seed: 20261124 },
    );
    expect([...seen].sort()).toEqual([...names].sort());
  });

  it('arbitrary values never make it throw', () => {
    fc.assert(
      fc.property(fc.anything({ maxDepth: 4 }), (value) => {
        const analysis = analyzeGraph(value);
        expect(hasErrors(analysis)).toBe(true);
      }),
      { numRuns: 300, seed: 7 },
    );
  });

  it('every example is valid as shipped', () => {
    for (const document of examples) expect(analyzeGraph(document).diagnostics).toEqual([]);
  });
});
