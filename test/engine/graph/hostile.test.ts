// Hostile graph documents: a byte order mark, params named after Object.prototype's members, and
// documents lacking their training section that also have a structural problem: one pass must
// report every problem, not stop at the first broken section.
import { describe, expect, it } from 'vitest';
import { analyzeGraph, analyzeGraphText, parseDocumentText, type Diagnostic } from '../../../engine/graph/index.ts';
import { chainDocument } from './build.ts';

const image = { type: 'Input', params: { kind: 'image', height: 8, width: 8, channels: 1 } };
const classifier = () => chainDocument([{ id: 'in', ...image }, { id: 'flat', type: 'Flatten' }, { id: 'dense', type: 'Dense', params: { units: 3 } }, { id: 'loss', type: 'SoftmaxCrossEntropy' }]);

type Document = ReturnType<typeof classifier>;
type Edge = Document['edges'][number];

function edge(id: string, source: string, target: string): Edge {
  return { id, source, sourcePort: 'out', target, targetPort: 'in' };
}

/** The classifier without its training section, then broken by `damage`. */
function untrained(damage: (document: Document) => void): Record<string, unknown> {
  const document = classifier();
  damage(document);
  const { training: _training, ...rest } = document;
  return rest;
}

const HOSTILE: readonly { readonly name: string; readonly document: Record<string, unknown>; readonly expected: readonly RegExp[] }[] = [
  { name: 'a cycle', document: untrained((d) => (d.edges[0] = edge('e0', 'dense', 'flat'))), expected: [/part of a cycle: .*flat/] },
  { name: 'a dangling edge', document: untrained((d) => d.edges.push(edge('ghost', 'dense', 'nowhere'))), expected: [/node "nowhere", which does not exist/] },
  { name: 'a duplicate node id', document: untrained((d) => d.nodes.push({ ...d.nodes[1] })), expected: [/Two nodes have the id "flat"/] },
  { name: 'a duplicate edge id', document: untrained((d) => d.edges.push({ ...d.edges[0] })), expected: [/Two edges have the id "e0"/] },
  { name: 'an unknown layer type', document: untrained((d) => (d.nodes[2].type = 'Dence')), expected: [/Unknown layer type "Dence"/] },
  { name: 'a self edge', document: untrained((d) => d.edges.push(edge('self', 'dense', 'dense'))), expected: [/connects a node to itself/] },
  { name: 'a second edge into one port', document: untrained((d) => d.edges.push(edge('twice', 'in', 'dense'))), expected: [/already receives node/] },
  { name: 'a missing group', document: untrained((d) => (d.nodes[1] = { ...d.nodes[1], group: 'nope' } as Document['nodes'][number])), expected: [/group "nope", which does not exist/] },
  { name: 'a param out of range', document: untrained((d) => (d.nodes[2].params = { units: 0 })), expected: [/units must be between 1 and/] },
  { name: 'an unconnected input and a broken node', document: untrained((d) => (d.edges.splice(2, 1), d.nodes.push({ id: 'bad id!', type: 'ReLU', params: {}, position: { x: 0, y: 0 } }))), expected: [/The input is not connected/, /nodes\[4\]\.id/] },
];

function errors(diagnostics: readonly Diagnostic[]): string[] {
  return diagnostics.filter((diagnostic) => diagnostic.severity === 'error').map((diagnostic) => `${diagnostic.field ?? ''} ${diagnostic.message}`);
}

describe('hostile graph documents', () => {
  it.each(HOSTILE)('lacking training and with $name, every problem is reported', ({ document, expected }) => {
    const analysis = analyzeGraph(document);
    const found = errors(analysis.diagnostics);
    expect(analysis.document).toBeNull();
    expect(found.filter((line) => /training/.test(line))).toHaveLength(1);
    for (const pattern of expected) expect(found.some((line) => pattern.test(line)), `${pattern} in ${JSON.stringify(found)}`).toBe(true);
  });

  it('the same document with its training section reports the same structural problems', () => {
    for (const { document, expected } of HOSTILE) {
      const found = errors(analyzeGraph({ ...document, training: { task: 'classify' } }).diagnostics);
      for (const pattern of expected) expect(found.some((line) => pattern.test(line))).toBe(true);
    }
  });

  it('a document lacking training with nothing else wrong reports only the missing training', () => {
    const found = analyzeGraph(untrained(() => {})).diagnostics.filter((diagnostic) => diagnostic.severity === 'error');
    expect(found).toEqual([expect.objectContaining({ field: 'training', message: 'training is missing.', suggestion: expect.stringContaining('"training": {"task": "classify"}') })]);
  });

  it('accepts a file that starts with a UTF-8 byte order mark', () => {
    const text = `\uFEFF${JSON.stringify(classifier())}`;
    expect(parseDocumentText(text).document?.nodes).toHaveLength(4);
    expect(analyzeGraphText(text).diagnostics.filter((diagnostic) => diagnostic.severity === 'error')).toEqual([]);
  });

  it('a syntax error after a byte order mark still names the right line and column', () => {
    const [diagnostic] = analyzeGraphText('\uFEFF{\n  "a": 1 "b": 2}').diagnostics;
    expect(diagnostic.message).toMatch(/line 2, column 10\.$/);
  });

  it.each(['constructor', 'toString', 'valueOf', 'hasOwnProperty', '__proto__'])('a param named %s is an unknown param', (name) => {
    const text = JSON.stringify(classifier()).replace('"units":3', `"units":3,"${name}":{"units":99}`);
    const analysis = analyzeGraphText(text);
    const dense = analysis.diagnostics.filter((diagnostic) => diagnostic.nodeId === 'dense');
    expect(dense).toEqual([expect.objectContaining({ severity: 'warning', field: name, message: `Dense has no param "${name}"; it is ignored.` })]);
    expect(analysis.params.get('dense')).toMatchObject({ units: 3 });
    expect(analysis.nodeShapes.get('dense')?.dims).toEqual([3]);
  });
});
