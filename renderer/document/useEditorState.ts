// React's view of the editor store.
import { useSyncExternalStore } from 'react';
import type { EditorState, EditorStore } from './editorStore.ts';

export function useEditorState(store: EditorStore): EditorState {
  return useSyncExternalStore(store.subscribe, store.getState);
}
