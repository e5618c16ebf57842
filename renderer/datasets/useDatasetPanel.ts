// Whether the dataset panel is open, and the two other ways it opens: files dropped anywhere on
// the app (they are added as it opens), and requestDatasetPanel() (renderer/document), which a fix
// such as "Choose a dataset" elsewhere in the renderer calls without importing this folder.
import { useCallback, useEffect, useState } from 'react';
import type { FileToAdd } from '../../engine/protocol/index.ts';
import { CHOOSE_DATASET_EVENT } from '../document/datasetPanelRequest.ts';
import { filesFromDrop, hasFiles } from './fileInput.ts';

export interface DatasetPanelState {
  readonly open: boolean;
  readonly dropped: readonly FileToAdd[] | null;
  show(): void;
  close(): void;
}

export function useDatasetPanel(): DatasetPanelState {
  const [open, setOpen] = useState(false);
  const [dropped, setDropped] = useState<readonly FileToAdd[] | null>(null);
  const show = useCallback(() => setOpen(true), []);
  const close = useCallback(() => {
    setOpen(false);
    setDropped(null);
  }, []);
  useEffect(() => {
    const over = (event: DragEvent) => {
      if (!hasFiles(event.dataTransfer)) return;
      event.preventDefault();
      if (event.dataTransfer !== null) event.dataTransfer.dropEffect = 'copy';
    };
    const drop = (event: DragEvent) => {
      if (event.defaultPrevented || event.dataTransfer === null || !hasFiles(event.dataTransfer)) return;
      event.preventDefault();
      void filesFromDrop(event.dataTransfer).then((files) => {
        setDropped(files);
        setOpen(true);
      });
    };
    window.addEventListener('dragover', over);
    window.addEventListener('drop', drop);
    window.addEventListener(CHOOSE_DATASET_EVENT, show);
    return () => {
      window.removeEventListener('dragover', over);
      window.removeEventListener('drop', drop);
      window.removeEventListener(CHOOSE_DATASET_EVENT, show);
    };
  }, [show]);
  return { open, dropped, show, close };
}
