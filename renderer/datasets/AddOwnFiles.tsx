// "Add your own": a file picker, a folder picker (one subfolder per class) and a drop zone. The
// files go to the engine worker as they are; a progress bar follows the reading of large ones.
import { forwardRef, useImperativeHandle, useRef, useState, type ChangeEvent, type DragEvent } from 'react';
import type { FileToAdd } from '../../engine/protocol/index.ts';
import { filesFromDrop, filesFromList, hasFiles } from './fileInput.ts';
import { ProgressBar } from './ProgressBar.tsx';
import type { AddState } from './useDatasetWork.ts';

export interface AddOwnHandle {
  pickFiles(): void;
  pickFolder(): void;
}

const ACCEPT = '.csv,.tsv,.txt,.npy,.npz,.zip,.gz,.idx,.png,.jpg,.jpeg,application/octet-stream';

interface AddOwnProps {
  readonly state: AddState;
  readonly onFiles: (files: readonly FileToAdd[]) => void;
}

export const AddOwnFiles = forwardRef<AddOwnHandle, AddOwnProps>(function AddOwnFiles({ state, onFiles }, handle) {
  const fileInput = useRef<HTMLInputElement>(null);
  const folderInput = useRef<HTMLInputElement>(null);
  const [over, setOver] = useState(false);
  useImperativeHandle(handle, () => ({ pickFiles: () => fileInput.current?.click(), pickFolder: () => folderInput.current?.click() }));
  const picked = (event: ChangeEvent<HTMLInputElement>) => {
    onFiles(filesFromList(event.target.files ?? []));
    event.target.value = '';
  };
  const dropped = (event: DragEvent<HTMLDivElement>) => {
    if (!hasFiles(event.dataTransfer)) return;
    event.preventDefault();
    event.stopPropagation();
    setOver(false);
    void filesFromDrop(event.dataTransfer).then(onFiles);
  };
  return (
    <div
      className={`dataset-drop${over ? ' over' : ''}`}
      data-testid="dataset-drop"
      onDragOver={(event) => {
        if (!hasFiles(event.dataTransfer)) return;
        event.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={dropped}
    >
      <p>Drop a CSV, IDX (.gz), NPY/NPZ, text file, a folder of images (one folder per class) or a zip of one here, or:</p>
      <div className="dataset-drop-buttons">
        <button type="button" onClick={() => fileInput.current?.click()} disabled={state.adding} data-testid="dataset-pick-files">
          Choose files…
        </button>
        <button type="button" onClick={() => folderInput.current?.click()} disabled={state.adding} data-testid="dataset-pick-folder">
          Choose a folder…
        </button>
      </div>
      <input ref={fileInput} type="file" multiple accept={ACCEPT} hidden onChange={picked} data-testid="dataset-file-input" />
      <input ref={folderInput} type="file" hidden onChange={picked} data-testid="dataset-folder-input" {...{ webkitdirectory: '' }} />
      {state.adding && <ProgressBar progress={state.progress} label="Reading" />}
      {state.error !== null && (
        <p className="dataset-error" role="alert" data-testid="dataset-add-error">
          {state.error}
        </p>
      )}
      <p className="dataset-note">Files are read here in the app, never uploaded. They stay for this session: after a reload, add them again.</p>
    </div>
  );
});
