// Graph documents carry a version; older versions are migrated step by step to the current one.
import { error, type Diagnostic } from './diagnostic.ts';
import { GRAPH_FORMAT, GRAPH_VERSION } from './document.ts';

export type JsonObject = Record<string, unknown>;

/** Turns a document of version `from` into one of version `from + 1`. */
export interface Migration {
  readonly from: number;
  readonly describe: string;
  readonly migrate: (document: JsonObject) => JsonObject;
}

/**
 * Version 2: the dataset reference records the normalization the user chose (and, for files, a
 * summary of the data). Version 1 had no choice: every format was read as decoded (pixels 0–1,
 * numbers as written), which is `normalization: "none"`.
 */
function addNormalization(document: JsonObject): JsonObject {
  const dataset = document.dataset;
  if (typeof dataset !== 'object' || dataset === null || Array.isArray(dataset)) return document;
  const reference = dataset as JsonObject;
  if (Object.hasOwn(reference, 'normalization')) return document;
  return { ...document, dataset: { ...reference, normalization: 'none' } };
}

export const migrations: readonly Migration[] = [{ from: 1, describe: 'the dataset records its normalization ("none", as version 1 read every format)', migrate: addNormalization }];

export interface MigrationResult {
  /** The document at the current version, or null when it cannot be read. */
  readonly document: JsonObject | null;
  readonly fromVersion: number | null;
  readonly applied: readonly string[];
  readonly diagnostics: readonly Diagnostic[];
}

export function migrateDocument(input: unknown, table: readonly Migration[] = migrations, current: number = GRAPH_VERSION): MigrationResult {
  const fail = (message: string, suggestion: string, field?: string): MigrationResult => ({
    document: null,
    fromVersion: null,
    applied: [],
    diagnostics: [error(message, { suggestion, field })],
  });
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    return fail('The file is not a Netloom graph: expected a JSON object.', 'Open a .json file saved by Netloom.');
  }
  const document = input as JsonObject;
  if (document.format !== GRAPH_FORMAT) {
    return fail(`The file is not a Netloom graph: "format" must be "${GRAPH_FORMAT}".`, 'Open a .json file saved by Netloom.', 'format');
  }
  const version = document.version;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    return fail('"version" must be a whole number of 1 or more.', `Set "version": ${current}.`, 'version');
  }
  if (version > current) {
    return fail(`This graph was saved by a newer Netloom (format version ${version}; this one reads up to ${current}).`, 'Update Netloom to open it.', 'version');
  }
  let migrated = document;
  const applied: string[] = [];
  for (let at = version; at < current; at++) {
    const step = table.find((migration) => migration.from === at);
    if (step === undefined) return fail(`No migration from format version ${at} to ${at + 1}.`, 'Open it in the Netloom version that saved it and save it again.', 'version');
    try {
      migrated = { ...step.migrate(migrated), version: at + 1 };
    } catch (cause) {
      const reason = cause instanceof Error ? cause.message : String(cause);
      return fail(`The graph could not be upgraded from format version ${at} (${step.describe}): ${reason}.`, 'Check the file against the format of the version that saved it.', 'version');
    }
    applied.push(step.describe);
  }
  return { document: migrated, fromVersion: version, applied, diagnostics: [] };
}
