// Train = compile, then start with the edited settings once the engine says the graph compiled.
// Plain logic: it turns the user's press and the engine's events into the requests to send.
import type { EngineEvent, EngineRequest, RunSettings } from '../../engine/protocol/index.ts';

export class RunStarter {
  private pending: RunSettings | null = null;
  private checkpoint: ArrayBuffer | undefined;

  /** Whether a Train press is waiting for the graph to compile. */
  get starting(): boolean {
    return this.pending !== null;
  }

  /** The compile request for a Train press, on the settings' backend (else the fastest); the settings (and a checkpoint to start from) wait for `compiled`. */
  begin(document: unknown, settings: RunSettings, checkpoint?: ArrayBuffer): EngineRequest {
    this.pending = settings;
    this.checkpoint = checkpoint;
    return { type: 'compile', document, backend: settings.backend ?? 'auto' };
  }

  /** The start request once compiled; a fatal problem or a failure drops the pending start. */
  receive(event: EngineEvent): EngineRequest | null {
    if (this.pending === null) return null;
    if (event.type === 'compiled') {
      const settings = this.pending;
      const checkpoint = this.checkpoint;
      this.pending = null;
      this.checkpoint = undefined;
      return checkpoint === undefined ? { type: 'start', settings } : { type: 'start', settings, checkpoint };
    }
    if ((event.type === 'problem' && event.fatal) || (event.type === 'state' && event.state === 'failed')) this.pending = null;
    return null;
  }

  cancel(): void {
    this.pending = null;
  }
}

/** The watch request for the selected node (an empty list stops watching). */
export function watchRequest(nodeId: string | null): EngineRequest {
  return { type: 'watch', nodeIds: nodeId === null ? [] : [nodeId], sample: 0 };
}

/** Whether to ask for a node's output now: the run is between steps (the watch stream is quiet then) and compiled it. */
export function shouldProbe(state: string, nodeIds: readonly string[], nodeId: string | null): nodeId is string {
  return nodeId !== null && (state === 'paused' || state === 'done') && nodeIds.includes(nodeId);
}
