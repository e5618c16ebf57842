// A lint rule for the design map's folder layering (docs/DESIGN.md): each folder may import only the folders and
// packages listed for it. Imports are resolved to repository paths, so depth does not matter.
import { builtinModules } from 'node:module';
import path from 'node:path';

const UI_PACKAGES = ['react', 'react-dom', '@xyflow/react', 'monaco-editor', '@monaco-editor/react', 'uplot', 'elkjs'];
const ENGINE_PACKAGES = { except: [...UI_PACKAGES, 'electron'] };

/**
 * First match wins: more specific folders come first. `packages` lists allowed packages, or 'any' with exceptions.
 * Engine floors (docs/DESIGN.md): ir, graph and protocol import nothing of the engine; backends -> ir; compile -> ir, graph;
 * data -> graph; train -> everything below it (never worker or cli); export -> train and below; worker -> everything but cli;
 * cli -> anything.
 * A row marked `unlisted` catches a folder with no row of its own: it fails until someone gives it one.
 */
export const layers = [
  { from: 'engine/protocol/', allow: ['engine/protocol/'], packages: [], node: false },
  { from: 'engine/graph/', allow: ['engine/graph/'], packages: ['zod'], node: false },
  { from: 'engine/ir/', allow: ['engine/ir/'], packages: [], node: false },
  { from: 'engine/backends/', allow: ['engine/backends/', 'engine/ir/'], packages: ENGINE_PACKAGES, node: false },
  { from: 'engine/compile/', allow: ['engine/compile/', 'engine/ir/', 'engine/graph/'], packages: ENGINE_PACKAGES, node: false },
  { from: 'engine/data/', allow: ['engine/data/', 'engine/graph/'], packages: ENGINE_PACKAGES, node: false },
  { from: 'engine/train/', allow: ['engine/train/', 'engine/ir/', 'engine/graph/', 'engine/compile/', 'engine/backends/', 'engine/data/', 'engine/protocol/'], packages: ENGINE_PACKAGES, node: false },
  { from: 'engine/worker/', allow: ['engine/worker/', 'engine/export/', 'engine/train/', 'engine/data/', 'engine/graph/', 'engine/protocol/', 'engine/compile/', 'engine/backends/', 'engine/ir/'], packages: ENGINE_PACKAGES, node: false },
  { from: 'engine/export/', allow: ['engine/export/', 'engine/train/', 'engine/ir/', 'engine/graph/', 'engine/compile/', 'engine/backends/', 'engine/data/'], packages: ENGINE_PACKAGES, node: false },
  { from: 'engine/cli/', allow: ['engine/', 'assets/'], packages: ENGINE_PACKAGES, node: true },
  { from: 'engine/index.ts', allow: ['engine/graph/', 'engine/compile/', 'engine/train/', 'engine/backends/', 'engine/ir/', 'engine/protocol/'], packages: [], node: false },
  { from: 'engine/', unlisted: true },
  { from: 'app/contract/', allow: ['app/contract/'], packages: [], node: false },
  { from: 'app/preload/', allow: ['app/preload/', 'app/contract/'], packages: ['electron'], node: false },
  { from: 'app/main/', allow: ['app/main/', 'app/contract/', 'engine/graph/', 'assets/'], packages: { except: UI_PACKAGES }, node: true },
  // The renderer, top to bottom: shell -> learn, start -> editor, code, dashboard, datasets -> document, engine-client -> platform
  // -> engine/graph, engine/protocol (and app/contract for platform only). Each folder imports only folders below it.
  { from: 'renderer/dashboard/preview/', allow: ['renderer/dashboard/', 'renderer/engine-client/', 'renderer/shell/theme.css/', 'engine/graph/', 'engine/protocol/', 'assets/'], packages: { except: ['electron'] }, node: false },
  { from: 'renderer/shell/', allow: ['renderer/shell/', 'renderer/learn/', 'renderer/start/', 'renderer/editor/', 'renderer/code/', 'renderer/dashboard/', 'renderer/datasets/', 'renderer/document/', 'renderer/engine-client/', 'renderer/platform/', 'engine/graph/', 'engine/protocol/', 'assets/'], packages: { except: ['electron'] }, node: false },
  { from: 'renderer/learn/', allow: ['renderer/learn/', 'renderer/document/', 'renderer/engine-client/', 'renderer/platform/', 'renderer/shell/theme.css/', 'engine/graph/', 'engine/protocol/', 'assets/'], packages: { except: ['electron'] }, node: false },
  { from: 'renderer/start/', allow: ['renderer/start/', 'renderer/editor/', 'renderer/document/', 'renderer/platform/', 'engine/graph/', 'engine/protocol/', 'assets/'], packages: { except: ['electron'] }, node: false },
  { from: 'renderer/editor/', allow: ['renderer/editor/', 'renderer/document/', 'renderer/platform/', 'engine/graph/', 'engine/protocol/', 'assets/'], packages: { except: ['electron'] }, node: false },
  { from: 'renderer/datasets/', allow: ['renderer/datasets/', 'renderer/document/', 'renderer/engine-client/', 'renderer/platform/', 'engine/graph/', 'engine/protocol/', 'assets/'], packages: { except: ['electron'] }, node: false },
  { from: 'renderer/code/', allow: ['renderer/code/', 'renderer/document/', 'renderer/platform/', 'engine/graph/', 'engine/protocol/', 'assets/'], packages: { except: ['electron'] }, node: false },
  { from: 'renderer/dashboard/', allow: ['renderer/dashboard/', 'renderer/document/', 'renderer/engine-client/', 'renderer/platform/', 'engine/graph/', 'engine/protocol/', 'assets/'], packages: { except: ['electron'] }, node: false },
  { from: 'renderer/document/', allow: ['renderer/document/', 'renderer/platform/', 'engine/graph/', 'engine/protocol/', 'assets/'], packages: { except: ['electron'] }, node: false },
  { from: 'renderer/engine-client/', allow: ['renderer/engine-client/', 'renderer/platform/', 'engine/graph/', 'engine/protocol/', 'engine/worker/', 'assets/'], packages: { except: ['electron'] }, node: false },
  { from: 'renderer/platform/', allow: ['renderer/platform/', 'app/contract/', 'engine/graph/', 'engine/protocol/', 'assets/'], packages: { except: ['electron'] }, node: false },
  // A renderer folder not listed above imports only the engine's graph and protocol: give it a row.
  { from: 'renderer/', allow: ['engine/graph/', 'engine/protocol/', 'assets/'], packages: { except: ['electron'] }, node: false },
  // Benchmarks measure the sources and drive the app through browser/ (shared with the browser tests); never test/.
  { from: 'bench/', allow: ['bench/', 'browser/', 'engine/', 'assets/'], packages: { except: ['electron'] }, node: true },
  { from: 'browser/', allow: ['browser/'], packages: ['@playwright/test'], node: true },
];

const builtins = new Set(builtinModules);

function packageName(source) {
  const parts = source.split('/');
  return source.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

function check(layer, source, fromFile, root) {
  const clean = source.split('?')[0];
  if (clean.startsWith('.')) {
    const target = path.relative(root, path.resolve(path.dirname(fromFile), clean)).split(path.sep).join('/');
    const allowed = layer.allow.some((prefix) => `${target}/`.startsWith(prefix));
    return allowed ? null : `${layer.from} may not import ${target} (it may import ${layer.allow.join(', ')}; see docs/DESIGN.md).`;
  }
  if (clean.startsWith('node:') || builtins.has(packageName(clean))) {
    return layer.node ? null : `${layer.from} must not use Node ("${source}"): it runs in a browser or worker (docs/DESIGN.md).`;
  }
  const name = packageName(clean);
  const allowed = Array.isArray(layer.packages) ? layer.packages.includes(name) : !layer.packages.except.includes(name);
  return allowed ? null : `${layer.from} may not import the package "${name}" (docs/DESIGN.md).`;
}

export const layeringRule = {
  meta: { type: 'problem', docs: { description: 'Enforce the folder layering of DESIGN.md' }, schema: [] },
  create(context) {
    const root = context.cwd;
    const file = path.relative(root, context.filename).split(path.sep).join('/');
    const layer = layers.find((candidate) => file.startsWith(candidate.from));
    if (layer === undefined) return {};
    if (layer.unlisted === true) {
      const folder = `${file.split('/').slice(0, 2).join('/')}/`;
      const message = `${folder} has no row in eslint/layering.js: add one saying which folders it may import (docs/DESIGN.md).`;
      return { Program: (node) => context.report({ node, message }) };
    }
    function report(node) {
      const source = node.source;
      if (source === null || source === undefined || source.type !== 'Literal' || typeof source.value !== 'string') return;
      const problem = check(layer, source.value, context.filename, root);
      if (problem !== null) context.report({ node: source, message: problem });
    }
    return { ImportDeclaration: report, ExportNamedDeclaration: report, ExportAllDeclaration: report, ImportExpression: report };
  },
};
