// Reads a document: migrate it, then check its structure with the zod schema.
import type { z } from 'zod';
import { error, type Diagnostic } from './diagnostic.ts';
import { GraphDocumentSchema, type GraphDocument } from './document.ts';
import { migrateDocument } from './migrate.ts';

export interface ParseResult {
  readonly document: GraphDocument | null;
  readonly diagnostics: readonly Diagnostic[];
}

export function parseDocument(input: unknown): ParseResult {
  const migrated = migrateDocument(input);
  if (migrated.document === null) return { document: null, diagnostics: migrated.diagnostics };
  const result = GraphDocumentSchema.safeParse(migrated.document);
  if (result.success) return { document: result.data, diagnostics: [] };
  const diagnostics = result.error.issues.slice(0, 50).map((issue) => issueToDiagnostic(issue, migrated.document as Record<string, unknown>));
  return { document: null, diagnostics };
}

/** Parses JSON text; syntax errors name the line and column. */
export function parseDocumentText(text: string): ParseResult {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (cause) {
    const message = cause instanceof Error ? cause.message : String(cause);
    return { document: null, diagnostics: [error(`The file is not valid JSON: ${describeJsonError(text, message)}`, { suggestion: 'Fix the JSON syntax at that place.' })] };
  }
  return parseDocument(value);
}

function describeJsonError(text: string, message: string): string {
  const position = /position (\d+)/.exec(message);
  if (position === null) return message;
  const offset = Number(position[1]);
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  const column = offset - before.lastIndexOf('\n');
  return `${message.replace(/ in JSON at position \d+.*$/, '')} at line ${line}, column ${column}.`;
}

function issueToDiagnostic(issue: z.core.$ZodIssue, document: Record<string, unknown>): Diagnostic {
  const path = issue.path.map((part) => (typeof part === 'number' ? `[${part}]` : `.${String(part)}`)).join('').replace(/^\./, '');
  const nodeId = itemId(document, issue.path, 'nodes');
  const edgeId = itemId(document, issue.path, 'edges');
  const message = `${path === '' ? 'The document' : path}: ${issue.message}`;
  return error(message, { field: path, nodeId, edgeId, suggestion: suggestionFor(issue) });
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
