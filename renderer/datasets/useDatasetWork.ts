// The panel's two pieces of work in the engine worker: adding a user's files, and previewing the
// graph's dataset, each with its progress (datasetProgress events of its request).
import { useCallback, useEffect, useState } from 'react';
import type { DatasetReference } from '../../engine/graph/document.ts';
import type { DatasetPreviewPayload, EngineEvent, FileToAdd } from '../../engine/protocol/index.ts';
import type { EngineClient } from '../engine-client/engineClient.ts';
import { previewKey } from './datasetChoices.ts';

export interface WorkProgress {
  readonly what: string;
  readonly done: number;
  readonly total: number;
  readonly unit: 'bytes' | 'records';
}

export interface PreviewState {
  readonly status: 'none' | 'loading' | 'ready' | 'failed';
  readonly progress: WorkProgress | null;
  readonly preview: DatasetPreviewPayload | null;
  readonly error: string | null;
}

/** Follows one request's progress events until `finish` is called. */
function followProgress(client: EngineClient, onProgress: (progress: WorkProgress) => void) {
  let requestId = -1;
  const unsubscribe = client.subscribe((event: EngineEvent) => {
    if (event.type === 'datasetProgress' && event.requestId === requestId) onProgress({ what: event.what, done: event.done, total: event.total, unit: event.unit });
  });
  return { started: (id: number) => (requestId = id), finish: unsubscribe };
}

const EMPTY: PreviewState = { status: 'none', progress: null, preview: null, error: null };

export function useDatasetPreview(getClient: () => EngineClient, reference: DatasetReference | undefined, retry: number): PreviewState {
  const [state, setState] = useState<PreviewState>(EMPTY);
  const key = previewKey(reference);
  useEffect(() => {
    const dataset = JSON.parse(key) as DatasetReference | null;
    if (dataset === null) return setState(EMPTY);
    let live = true;
    const client = getClient();
    setState({ ...EMPTY, status: 'loading' });
    const progress = followProgress(client, (next) => live && setState((last) => ({ ...last, progress: next })));
    client.previewDataset(dataset, progress.started).then(
      (preview) => live && setState({ status: 'ready', progress: null, preview, error: null }),
      (error: unknown) => live && setState({ status: 'failed', progress: null, preview: null, error: error instanceof Error ? error.message : String(error) }),
    );
    return () => {
      live = false;
      progress.finish();
    };
  }, [getClient, key, retry]);
  return state;
}

export interface AddState {
  readonly adding: boolean;
  readonly progress: WorkProgress | null;
  readonly error: string | null;
}

/** Adds files in the worker; `onAdded` gets the dataset reference they make. */
export function useAddFiles(getClient: () => EngineClient, onAdded: (dataset: DatasetReference) => void) {
  const [state, setState] = useState<AddState>({ adding: false, progress: null, error: null });
  const add = useCallback(
    async (files: readonly FileToAdd[]) => {
      if (files.length === 0) return;
      const client = getClient();
      setState({ adding: true, progress: null, error: null });
      const progress = followProgress(client, (next) => setState((last) => ({ ...last, progress: next })));
      try {
        const answer = await client.addFiles(files, progress.started);
        setState({ adding: false, progress: null, error: null });
        onAdded(answer.dataset as DatasetReference);
      } catch (error) {
        setState({ adding: false, progress: null, error: error instanceof Error ? error.message : String(error) });
      } finally {
        progress.finish();
      }
    },
    [getClient, onAdded],
  );
  return { ...state, add };
}
