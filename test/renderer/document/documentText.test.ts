// Graph files read by the app: a byte order mark is skipped, a broken file says why.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readDocumentText } from '../../../renderer/document/documentText.ts';

const xo = readFileSync(join(import.meta.dirname, '../../../assets/examples/xo-cnn.json'), 'utf8');

describe('readDocumentText', () => {
  it('reads a file that starts with a UTF-8 byte order mark', () => {
    const result = readDocumentText(`\uFEFF${xo}`, 'xo.json');
    expect(result.ok && result.document.nodes.map((node) => node.id)).toEqual(['input1', 'conv2d1', 'relu1', 'maxpool2d1', 'flatten1', 'dense1', 'softmaxcrossentropy1']);
  });

  it('a file lacking its training section names that and its other problems in one message', () => {
    const document = JSON.parse(xo) as { training?: unknown; edges: { source: string }[] };
    delete document.training;
    document.edges[0].source = 'nowhere';
    const result = readDocumentText(JSON.stringify(document), 'xo.json');
    expect(result.ok).toBe(false);
    expect(!result.ok && result.message).toMatch(/^xo\.json is not a Netloom graph: xo\.json \(training\): training is missing\..*; edge e1: The edge connects node "nowhere", which does not exist\./);
  });
});
