// The renderer's and app's folder order (eslint/layering.js) is enforced by lint: for each folder,
// an import of a folder below it passes and an import of a folder above it (or beside it) fails
// with a message that names the importing folder.
import { readdirSync } from 'node:fs';
import { relative } from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const root = new URL('../..', import.meta.url).pathname;
const linter = new ESLint({ cwd: root });

interface FolderRule {
  /** The importing folder, as its row in eslint/layering.js names it. */
  readonly folder: string;
  /** Repository paths (`.ts`, `.tsx`, `.css`) or package names the folder may import. */
  readonly allowed: readonly string[];
  readonly forbidden: readonly string[];
}

const rules: readonly FolderRule[] = [
  { folder: 'app/contract/', allowed: ['app/contract/validate.ts'], forbidden: ['app/main/index.ts', 'engine/graph/index.ts', 'renderer/platform/platform.ts', 'zod', 'node:fs'] },
  { folder: 'app/preload/', allowed: ['app/contract/index.ts', 'electron'], forbidden: ['app/main/ipc.ts', 'engine/graph/index.ts', 'renderer/platform/platform.ts', 'node:fs'] },
  { folder: 'app/main/', allowed: ['app/main/atomicWrite.ts', 'app/contract/index.ts', 'engine/graph/index.ts', 'node:fs', 'electron'], forbidden: ['app/preload/index.ts', 'engine/protocol/index.ts', 'engine/train/run.ts', 'renderer/shell/Root.tsx', 'react'] },
  {
    folder: 'renderer/dashboard/preview/',
    allowed: ['renderer/dashboard/Dashboard.tsx', 'renderer/engine-client/engineClient.ts', 'renderer/shell/theme.css', 'engine/protocol/index.ts'],
    forbidden: ['renderer/shell/Root.tsx', 'renderer/shell/layout.css', 'renderer/editor/Canvas.tsx', 'renderer/document/editorStore.ts', 'app/contract/index.ts'],
  },
  {
    folder: 'renderer/shell/',
    allowed: ['renderer/start/StartPage.tsx', 'renderer/editor/Canvas.tsx', 'renderer/code/JsonEditor.tsx', 'renderer/dashboard/index.ts', 'renderer/document/editorStore.ts', 'renderer/engine-client/engineClient.ts', 'renderer/platform/platform.ts', 'engine/graph/index.ts'],
    forbidden: ['app/contract/index.ts', 'app/main/index.ts', 'engine/compile/compile.ts', 'electron', 'node:path'],
  },
  {
    folder: 'renderer/start/',
    allowed: ['renderer/editor/nodeSummary.ts', 'renderer/document/examples.ts', 'renderer/platform/platform.ts', 'engine/graph/index.ts'],
    forbidden: ['renderer/shell/fileCommands.ts', 'renderer/code/JsonEditor.tsx', 'renderer/dashboard/index.ts', 'renderer/engine-client/engineClient.ts', 'app/contract/index.ts'],
  },
  {
    folder: 'renderer/editor/',
    allowed: ['renderer/document/editorStore.ts', 'renderer/platform/blockLibraryStorage.ts', 'engine/graph/index.ts', 'engine/protocol/index.ts', 'zod'],
    forbidden: ['renderer/shell/Layout.tsx', 'renderer/start/thumbnail.ts', 'renderer/code/jsonSync.ts', 'renderer/dashboard/runModel.ts', 'renderer/engine-client/engineClient.ts', 'app/contract/index.ts', 'engine/worker/index.ts'],
  },
  {
    folder: 'renderer/code/',
    allowed: ['renderer/document/documentText.ts', 'renderer/platform/platform.ts', 'engine/graph/index.ts', 'monaco-editor'],
    forbidden: ['renderer/shell/Layout.tsx', 'renderer/start/StartPage.tsx', 'renderer/editor/nodeEdits.ts', 'renderer/dashboard/index.ts', 'renderer/engine-client/engineClient.ts'],
  },
  {
    folder: 'renderer/dashboard/',
    allowed: ['renderer/engine-client/engineClient.ts', 'renderer/document/editorStore.ts', 'renderer/platform/platform.ts', 'engine/protocol/index.ts', 'uplot'],
    forbidden: ['renderer/shell/theme.css', 'renderer/shell/TrainingDock.tsx', 'renderer/start/templates.ts', 'renderer/editor/flowModel.ts', 'renderer/code/jsonSync.ts', 'engine/train/run.ts'],
  },
  {
    folder: 'renderer/document/',
    allowed: ['renderer/platform/platform.ts', 'engine/graph/index.ts', 'react'],
    forbidden: ['renderer/shell/fileCommands.ts', 'renderer/start/templates.ts', 'renderer/editor/documentEdits.ts', 'renderer/code/jsonSync.ts', 'renderer/dashboard/runModel.ts', 'renderer/engine-client/engineClient.ts', 'app/contract/index.ts'],
  },
  {
    folder: 'renderer/engine-client/',
    allowed: ['renderer/platform/platform.ts', 'engine/protocol/index.ts', 'engine/worker/index.ts'],
    forbidden: ['renderer/document/editorStore.ts', 'renderer/dashboard/runModel.ts', 'renderer/shell/TrainingDock.tsx', 'engine/train/run.ts', 'app/contract/index.ts'],
  },
  {
    folder: 'renderer/platform/',
    allowed: ['app/contract/channels.ts', 'engine/graph/index.ts'],
    forbidden: ['renderer/document/editorStore.ts', 'renderer/engine-client/engineClient.ts', 'renderer/editor/personalLibrary.ts', 'renderer/shell/autosave.ts', 'app/preload/index.ts', 'app/main/fileService.ts', 'electron', 'node:fs'],
  },
  // A new renderer folder without its own row may import only the engine's graph and protocol.
  { folder: 'renderer/unlisted/', allowed: ['engine/graph/index.ts', 'engine/protocol/index.ts'], forbidden: ['renderer/platform/platform.ts', 'renderer/document/editorStore.ts', 'renderer/shell/Root.tsx'] },
];

/** A repository path becomes a relative specifier from `folder`; a package name stays as it is. */
function specifier(folder: string, target: string): string {
  if (!/\.(ts|tsx|css)$/.test(target)) return target;
  const path = relative(`${root}${folder}`, `${root}${target}`);
  return path.startsWith('.') ? path : `./${path}`;
}

async function layeringMessages(folder: string, target: string): Promise<string[]> {
  const source = target.endsWith('.css') ? `import '${specifier(folder, target)}';` : `import { x } from '${specifier(folder, target)}';\nexport const y = x;`;
  const [result] = await linter.lintText(`${source}\n`, { filePath: `${folder}probe.ts` });
  return result.messages.filter((message) => message.ruleId === 'netloom/layering').map((message) => message.message);
}

describe('renderer and app folder order (eslint/layering.js)', () => {
  for (const rule of rules) {
    describe(rule.folder, () => {
      it.each(rule.allowed)('may import %s', async (target) => {
        expect(await layeringMessages(rule.folder, target)).toEqual([]);
      });
      it.each(rule.forbidden)('may not import %s', async (target) => {
        const rowName = rule.folder === 'renderer/unlisted/' ? 'renderer/' : rule.folder;
        expect(await layeringMessages(rule.folder, target)).toEqual([expect.stringContaining(`${rowName} `)]);
      });
    });
  }

  // Without its own row a folder falls to the last renderer row, which forbids imports within it.
  it('every renderer folder has its own row', async () => {
    const folders = readdirSync(`${root}renderer`, { withFileTypes: true }).filter((entry) => entry.isDirectory() && entry.name !== 'public').map((entry) => `renderer/${entry.name}/`);
    expect(folders.length).toBeGreaterThanOrEqual(8);
    for (const folder of folders) expect(await layeringMessages(folder, `${folder}sibling.ts`), folder).toEqual([]);
    expect(await layeringMessages('renderer/unlisted/', 'renderer/unlisted/sibling.ts')).toHaveLength(1);
  });
});
