// Reads a document: migrate it, then check its structure with the zod schema.
import type { z } from 'zod';
import { error, type Diagnostic } from './diagnostic.ts';
import { GraphDocumentSchema, type GraphDocument } from './document.ts';
import { migrateDocument } from './migrate.ts';
import { readableParts } from './partial.ts';

export interface ParseResult {
  readonly document: GraphDocument | null;
  readonly diagnostics: readonly Diagnostic[];
  /**
   * When the schema check failed: the parts of the document that could still be read (nodes,
   * edges, groups; placeholders for the rest), so their wiring can be checked in the same pass.
   */
  readonly readable?: GraphDocument | null;
}

export function parseDocument(input: unknown): ParseResult {
  const migrated = migrateDocument(input);
  if (migrated.document === null) return { document: null, diagnostics: migrated.diagnostics };
  const result = GraphDocumentSchema.safeParse(migrated.document);
  if (result.success) return { document: keepProtoParams(migrated.document, result.data), diagnostics: [] };
  const diagnostics = result.error.issues.slice(0, 50).map((issue) => issueToDiagnostic(issue, migrated.document as Record<string, unknown>));
  const readable = readableParts(migrated.document);
  return { document: null, diagnostics, readable: readable === null ? null : keepProtoParams(migrated.document, readable) };
}

/**
 * zod drops a "__proto__" key from a record; a node param of that name is put back as an own
 * property (never the prototype), so validation reports it as an unknown param.
 */
function keepProtoParams(raw: Readonly<Record<string, unknown>>, document: GraphDocument): GraphDocument {
  const rawNodes = Array.isArray(raw.nodes) ? (raw.nodes as unknown[]) : [];
  const byId = new Map(rawNodes.flatMap((node) => (typeof node === 'object' && node !== null ? [[(node as Record<string, unknown>).id, (node as Record<string, unknown>).params] as const] : [])));
  for (const node of document.nodes) {
    const params = byId.get(node.id);
    if (typeof params === 'object' && params !== null && Object.hasOwn(params, '__proto__')) {
      Object.defineProperty(node.params, '__proto__', { value: (params as Record<string, unknown>)['__proto__'], enumerable: true, writable: true, configurable: true });
    }
  }
  return document;
}

/** JSON text to a value, or the syntax error with its line and column. A leading UTF-8 byte order mark is skipped. */
export function parseJsonText(text: string): { readonly ok: true; readonly value: unknown } | { readonly ok: false; readonly diagnostic: Diagnostic } {
  const body = text.startsWith(BYTE_ORDER_MARK) ? text.slice(1) : text;
  try {
    return { ok: true, value: JSON.parse(body) };
  } catch (cause) {
    const message = cause instanceof Error ? cause.message : String(cause);
    return { ok: false, diagnostic: error(`The file is not valid JSON: ${describeJsonError(body, message)}`, { suggestion: 'Fix the JSON syntax at that place.' }) };
  }
}

const BYTE_ORDER_MARK = '\uFEFF';

/** Parses JSON text; syntax errors name the line and column. */
export function parseDocumentText(text: string): ParseResult {
  const json = parseJsonText(text);
  return json.ok ? parseDocument(json.value) : { document: null, diagnostics: [json.diagnostic] };
}

/** The syntax error at its line and column; never the file's text, which may not be a graph at all. */
function describeJsonError(text: string, message: string): string {
  const withoutText = Array.from(message.replace(/,\s*".*"(\.\.\.)? is not valid JSON$/s, ''), (character) => (isPrintable(character) ? character : '?')).join('');
  if (Array.from(text.slice(0, 4096)).some((character) => character === '\ufffd' || character.charCodeAt(0) === 0)) return 'the file is not UTF-8 text (a binary file, or text saved as UTF-16); save the graph as UTF-8 JSON.';
  const position = /position (\d+)/.exec(withoutText);
  if (position === null) return `${withoutText}.`;
  const offset = Number(position[1]);
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  const column = offset - before.lastIndexOf('\n');
  return `${withoutText.replace(/ in JSON at position \d+.*$/, '')} at line ${line}, column ${column}.`;
}

function issueToDiagnostic(issue: z.core.$ZodIssue, document: Record<string, unknown>): Diagnostic {
  const path = issue.path.map((part) => (typeof part === 'number' ? `[${part}]` : `.${String(part)}`)).join('').replace(/^\./, '');
  const nodeId = itemId(document, issue.path, 'nodes');
  const edgeId = itemId(document, issue.path, 'edges');
  if (issue.code === 'invalid_type' && path !== '' && valueAt(document, issue.path) === undefined) {
    return error(`${path} is missing.`, { field: path, nodeId, edgeId, suggestion: MISSING_SUGGESTIONS.get(path) ?? `Add "${String(issue.path.at(-1))}".` });
  }
  const message = `${path === '' ? 'The document' : path}: ${issue.message}`;
  return error(message, { field: path, nodeId, edgeId, suggestion: suggestionFor(issue) });
}

const MISSING_SUGGESTIONS = new Map([
  ['training', 'Add a "training" section; the least it needs is the task: "training": {"task": "classify"}.'],
  ['nodes', 'Add "nodes": [] with the layers of the graph.'],
  ['edges', 'Add "edges": [] with the connections between nodes.'],
]);

/** The value at a path inside the document, undefined where any step is missing. */
function valueAt(document: unknown, path: readonly PropertyKey[]): unknown {
  let value = document;
  for (const key of path) {
    if (typeof value !== 'object' || value === null || !Object.hasOwn(value, key)) return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

function itemId(document: Record<string, unknown>, path: readonly PropertyKey[], list: string): string | undefined {
  if (path[0] !== list || typeof path[1] !== 'number') return undefined;
  const items = document[list];
  if (!Array.isArray(items)) return undefined;
  const item: unknown = items[path[1]];
  if (typeof item !== 'object' || item === null) return undefined;
  const id = (item as Record<string, unknown>).id;
  return typeof id === 'string' && id.length > 0 && id.length <= 128 ? id : undefined;
}

function suggestionFor(issue: z.core.$ZodIssue): string | undefined {
  switch (issue.code) {
    case 'unrecognized_keys':
      return `Remove ${issue.keys.map((key) => `"${key}"`).join(', ')}.`;
    case 'invalid_value':
      return `Use one of: ${issue.values.map((value) => JSON.stringify(value)).join(', ')}.`;
    default:
      return undefined;
  }
}

function isPrintable(character: string): boolean {
  const code = character.codePointAt(0) ?? 0;
  return code >= 0x20 && !(code >= 0x7f && code <= 0x9f) && code !== 0xfffd;
}
