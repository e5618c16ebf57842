// The migration mechanism: versions step forward one at a time; newer and unknown versions are refused clearly.
import { describe, expect, it } from 'vitest';
import { GRAPH_FORMAT, GRAPH_VERSION, migrateDocument, type Migration } from '../../../engine/graph/index.ts';

const renameLabels: Migration = {
  from: 1,
  describe: 'node "title" becomes "label"',
  migrate: (document) => ({
    ...document,
    nodes: (document.nodes as Record<string, unknown>[]).map(({ title, ...node }) => (title === undefined ? node : { ...node, label: title })),
  }),
};
const addGroups: Migration = { from: 2, describe: 'groups become required', migrate: (document) => ({ groups: [], ...document }) };

describe('migrateDocument', () => {
  it('applies each step in order up to the current version', () => {
    const old = { format: GRAPH_FORMAT, version: 1, nodes: [{ id: 'a', title: 'First' }], edges: [] };
    const result = migrateDocument(old, [addGroups, renameLabels], 3);
    expect(result.diagnostics).toEqual([]);
    expect(result.fromVersion).toBe(1);
    expect(result.applied).toEqual(['node "title" becomes "label"', 'groups become required']);
    expect(result.document).toEqual({ format: GRAPH_FORMAT, version: 3, nodes: [{ id: 'a', label: 'First' }], edges: [], groups: [] });
    expect(old.nodes[0]).toEqual({ id: 'a', title: 'First' });
  });

  it('leaves a current document as it is', () => {
    const current = { format: GRAPH_FORMAT, version: GRAPH_VERSION, nodes: [] };
    expect(migrateDocument(current).document).toEqual(current);
  });

  it('refuses newer versions, missing steps and non-documents with a reason', () => {
    expect(migrateDocument({ format: GRAPH_FORMAT, version: 5 }).diagnostics[0].message).toMatch(/newer Netloom \(format version 5; this one reads up to 2\)/);
    expect(migrateDocument({ format: GRAPH_FORMAT, version: 1, nodes: [] }, [renameLabels], 3).diagnostics[0].message).toBe('No migration from format version 2 to 3.');
    expect(migrateDocument({ format: GRAPH_FORMAT, version: 1 }, [renameLabels], 2).diagnostics[0].message).toMatch(/could not be upgraded from format version 1 \(node "title" becomes "label"\)/);
    expect(migrateDocument({ format: GRAPH_FORMAT, version: '1' }).diagnostics[0].field).toBe('version');
    expect(migrateDocument([1, 2]).diagnostics[0].message).toMatch(/expected a JSON object/);
    expect(migrateDocument({ format: 'other' }).diagnostics[0].field).toBe('format');
  });
});
