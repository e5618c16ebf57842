// What a block's own buttons do (collapse, expand, rename, save to My blocks), each an undoable command or
// a library write. The canvas's frame and collapsed nodes reach the store through BlockActionsContext.
import { createContext } from 'react';
import type { EditorStore } from '../document/editorStore.ts';
import { blockFromGroup } from './blockLibrary.ts';
import { collapseBlock, expandBlock } from './collapseLayout.ts';
import { renameGroup } from './grouping.ts';
import type { PersonalLibrary } from './personalLibrary.ts';

export interface BlockActions {
  setCollapsed(groupId: string, collapsed: boolean): void;
  /** Renames the block (its kind follows a name like "Decoder"); a blank or unchanged name does nothing. */
  rename(groupId: string, name: string): void;
  saveToLibrary(groupId: string): void;
}

export const BlockActionsContext = createContext<BlockActions | null>(null);

export function blockActions(store: EditorStore, library: Pick<PersonalLibrary, 'save'>): BlockActions {
  function nameOf(groupId: string): string {
    return store.getState().document.groups.find((group) => group.id === groupId)?.name ?? groupId;
  }
  return {
    setCollapsed(groupId, collapsed) {
      store.edit((document) => (collapsed ? collapseBlock(document, groupId) : expandBlock(document, groupId)), { label: `${collapsed ? 'Collapse' : 'Expand'} ${nameOf(groupId)}` });
      // The inspector lets go of a layer that has just been folded away.
      const { document, selectedNodeId } = store.getState();
      if (collapsed && document.nodes.some((node) => node.id === selectedNodeId && node.group === groupId)) store.select(null);
    },
    rename(groupId, name) {
      store.edit((document) => renameGroup(document, groupId, name), { label: `Rename ${nameOf(groupId)}` });
    },
    saveToLibrary(groupId) {
      const block = blockFromGroup(store.getState().document, groupId);
      if (block === null) return;
      library.save(block);
      store.notify({ kind: 'info', text: `Saved “${block.name}” to My blocks (${block.nodes.length} layer${block.nodes.length === 1 ? '' : 's'}).` });
    },
  };
}
