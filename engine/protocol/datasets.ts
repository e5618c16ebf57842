// Messages about datasets: a user's files handed to the worker (read there, never on the UI
// thread), and a dataset's preview for the dataset panel. Structural copies of engine/data's
// preview types (this folder imports nothing).

/** One file a user picked or dropped: its path within what was given (`shapes/circle/1.png`) and the File itself. */
export interface FileToAdd {
  readonly path: string;
  readonly blob: Blob;
}

/** Images, count × height × width × channels bytes (0..255), one label each. */
export interface PreviewImagesPayload {
  readonly count: number;
  readonly height: number;
  readonly width: number;
  readonly channels: number;
  readonly data: ArrayBuffer;
  readonly labels: readonly string[];
}

export interface PreviewColumn {
  readonly name: string;
  readonly type: 'number' | 'text';
  readonly role: 'input' | 'label' | 'ignored';
}

export interface DatasetPreviewPayload {
  readonly name: string;
  readonly count: number;
  readonly inputDims: readonly number[];
  readonly inputKind: 'float' | 'byte' | 'token';
  readonly targetKind: 'class' | 'token' | 'value' | 'none';
  readonly classes?: number;
  readonly classNames?: readonly string[];
  readonly classCounts?: readonly number[];
  readonly imbalance?: { readonly ratio: number; readonly flagged: boolean };
  readonly images?: PreviewImagesPayload;
  readonly table?: { readonly columns: readonly PreviewColumn[]; readonly rows: readonly (readonly string[])[] };
  readonly text?: string;
}

export type DatasetRequest =
  /** Keeps the files for this session under their paths and answers with the dataset they make. */
  | { readonly type: 'addFiles'; readonly requestId: number; readonly files: readonly FileToAdd[] }
  /** Loads a dataset reference (a graph document's `dataset`) and answers with its preview. */
  | { readonly type: 'previewDataset'; readonly requestId: number; readonly dataset: unknown };

export type DatasetEvent =
  /** dataset: the graph document's dataset reference for the files added. */
  | { readonly type: 'filesAdded'; readonly requestId: number; readonly dataset: unknown; readonly paths: readonly string[] }
  | { readonly type: 'datasetPreview'; readonly requestId: number; readonly preview: DatasetPreviewPayload }
  /** Bytes (or records) of an addFiles or previewDataset request read so far. */
  | { readonly type: 'datasetProgress'; readonly requestId: number; readonly what: string; readonly done: number; readonly total: number; readonly unit: 'bytes' | 'records' };
