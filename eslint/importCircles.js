// A lint rule that forbids import circles anywhere in the repository, type-only imports included
// (import-x/no-cycle skips those, and a circle through a type is still two files that cannot be
// understood apart). The repository's import graph is read once per lint process with TypeScript's
// import scanner; the file being linted contributes its own imports from the text being linted.
import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

const SOURCE = /\.(ts|tsx|mts|cts|js|mjs|cjs)$/;
const SKIPPED_FOLDERS = new Set(['node_modules', '.git', 'build', 'tmp', 'dist', 'test-results', 'playwright-report', 'assets', 'shared']);
const graphs = new Map();

function sourceFiles(folder) {
  const files = [];
  for (const entry of fs.readdirSync(folder, { withFileTypes: true })) {
    if (entry.name.startsWith('.') && entry.isDirectory()) continue;
    const full = path.join(folder, entry.name);
    if (entry.isDirectory() && !SKIPPED_FOLDERS.has(entry.name)) files.push(...sourceFiles(full));
    else if (entry.isFile() && SOURCE.test(entry.name)) files.push(full);
  }
  return files;
}

/** The repository file a relative specifier names, or null for packages and non-source files. */
export function resolveImport(fromFile, specifier) {
  if (!specifier.startsWith('.')) return null;
  const target = path.resolve(path.dirname(fromFile), specifier.split('?')[0]);
  return SOURCE.test(target) ? target : null;
}

function importsOf(file) {
  const scanned = ts.preProcessFile(fs.readFileSync(file, 'utf8'), true, true);
  return scanned.importedFiles.map((imported) => resolveImport(file, imported.fileName)).filter((target) => target !== null);
}

/** Each file's strongly connected component (Tarjan): two files share one exactly when each reaches the other. */
function components(graph) {
  const component = new Map();
  const index = new Map();
  const lowest = new Map();
  const stack = [];
  const onStack = new Set();
  let counter = 0;
  function visit(file) {
    index.set(file, counter);
    lowest.set(file, counter);
    counter += 1;
    stack.push(file);
    onStack.add(file);
    for (const next of graph.get(file) ?? []) {
      if (!index.has(next)) {
        visit(next);
        lowest.set(file, Math.min(lowest.get(file), lowest.get(next)));
      } else if (onStack.has(next)) lowest.set(file, Math.min(lowest.get(file), index.get(next)));
    }
    if (lowest.get(file) !== index.get(file)) return;
    for (let member = stack.pop(); ; member = stack.pop()) {
      onStack.delete(member);
      component.set(member, file);
      if (member === file) break;
    }
  }
  for (const file of graph.keys()) if (!index.has(file)) visit(file);
  return component;
}

/** Every source file under root with the repository files it imports, and its component (cached for the lint run). */
function repository(root) {
  let found = graphs.get(root);
  if (found === undefined) {
    const graph = new Map(sourceFiles(root).map((file) => [file, importsOf(file)]));
    found = { graph, component: components(graph) };
    graphs.set(root, found);
  }
  return found;
}

/**
 * Whether importing `target` from `file` can close a circle. On disk, an import between two components
 * cannot; an import the text being linted adds (not on disk) needs the search.
 */
function mayCloseCircle({ graph, component }, file, target) {
  const sameComponent = component.has(file) && component.get(file) === component.get(target);
  return sameComponent || !(graph.get(file) ?? []).includes(target);
}

/** The shortest chain of imports from `start` back to `goal`, or null when there is none. */
export function pathBack(graph, start, goal) {
  const previous = new Map([[start, null]]);
  const queue = [start];
  for (let index = 0; index < queue.length; index += 1) {
    const file = queue[index];
    for (const next of graph.get(file) ?? []) {
      if (next === goal) {
        const chain = [goal];
        for (let step = file; step !== null; step = previous.get(step)) chain.unshift(step);
        return chain;
      }
      if (!previous.has(next)) {
        previous.set(next, file);
        queue.push(next);
      }
    }
  }
  return null;
}

export const importCirclesRule = {
  meta: { type: 'problem', docs: { description: 'Forbid import circles, type-only imports included' }, schema: [] },
  create(context) {
    const root = context.cwd;
    const file = context.filename;
    if (!path.isAbsolute(file) || !SOURCE.test(file)) return {};
    function report(node) {
      const source = node.source;
      if (source === null || source === undefined || source.type !== 'Literal' || typeof source.value !== 'string') return;
      const target = resolveImport(file, source.value);
      if (target === null || target === file) return;
      const found = repository(root);
      if (!mayCloseCircle(found, file, target)) return;
      const chain = pathBack(found.graph, target, file);
      if (chain === null) return;
      const names = [file, ...chain].map((step) => path.relative(root, step).split(path.sep).join('/'));
      context.report({
        node: source,
        message: `Import circle: ${names.join(' -> ')}. Move what both files need into a file below them (see docs/DESIGN.md).`,
      });
    }
    return { ImportDeclaration: report, ExportNamedDeclaration: report, ExportAllDeclaration: report, ImportExpression: report, TSImportType: (node) => report({ source: node.argument?.literal ?? node.argument }) };
  },
};
