// The only code that creates the engine worker: a typed proxy over engine/protocol. Requests go
// out as messages; events come back to subscribers; probe, weights and checkpoint requests
// resolve with their answer.
import { LEARN_ANSWERS, type DatasetPreviewPayload, type EngineEvent, type EngineRequest, type ExampleQuery, type ExportFormat, type ExportWeightsChoice, type FileToAdd, type LatentProjection, type LearnRequest } from '../../engine/protocol/index.ts';

/** What the client needs of a worker (a real Worker, or a fake in tests). */
export interface WorkerPort {
  postMessage(message: EngineRequest, transfer?: Transferable[]): void;
  addEventListener(type: 'message', listener: (message: MessageEvent<EngineEvent>) => void): void;
  addEventListener(type: 'error', listener: (error: ErrorEvent) => void): void;
  terminate(): void;
}

type Answer = Extract<EngineEvent, { type: 'probed' | 'weights' | 'checkpoint' | 'examples' | 'filesAdded' | 'datasetPreview' | 'exported' | 'code' | 'weightsChecked' | (typeof LEARN_ANSWERS)[number] | LabAnswer }>;
/** The Learn panel's generative labs' answers. */
type LabAnswer = 'latent' | 'decoded' | 'ganState';
const ANSWERS: ReadonlySet<EngineEvent['type']> = new Set(['probed', 'weights', 'checkpoint', 'examples', 'filesAdded', 'datasetPreview', 'exported', 'code', 'weightsChecked', ...LEARN_ANSWERS, 'latent', 'decoded', 'ganState']);

/** A Learn panel request without its id (the client numbers it). */
type LearnAsk<Type extends LearnRequest['type']> = Omit<Extract<LearnRequest, { type: Type }>, 'requestId' | 'type'>;

function isAnswer(event: EngineEvent): event is Answer {
  return ANSWERS.has(event.type);
}

/** What an export asks for: the format, the image layout (ONNX), and whose weights. */
export interface ExportOptions {
  readonly format: ExportFormat;
  readonly layout?: 'nchw' | 'nhwc';
  readonly weights: ExportWeightsChoice;
}
type Listener = (event: EngineEvent) => void;

export class EngineClient {
  private readonly listeners = new Set<Listener>();
  private readonly pending = new Map<number, { resolve: (event: Answer) => void; reject: (error: Error) => void }>();
  /** Progress callbacks of exports under way, by request. */
  private readonly progress = new Map<number, (stage: string) => void>();
  /** Requests whose answers, progress and problems belong to the asker alone (exports, code, weight checks): never to the run's listeners. */
  private readonly quiet = new Set<number>();
  private nextRequest = 1;
  /** The engine's greeting (its backends), replayed to those who subscribe after it came. */
  private hello: Extract<EngineEvent, { type: 'hello' }> | null = null;

  private worker: WorkerPort;
  /** Dataset requests waiting: their problems are the dataset panel's to show, not a run's. */
  private readonly datasetRequests = new Set<number>();
  /** Files a user added, given again to a fresh worker after a crash (a File is a handle: nothing is copied). */
  private readonly added: (readonly FileToAdd[])[] = [];

  /** `replacement` starts a fresh worker after a crash, so the next Train runs on a live engine. */
  constructor(worker: WorkerPort, private readonly replacement?: () => WorkerPort) {
    this.worker = this.attach(worker);
  }

  private attach(worker: WorkerPort): WorkerPort {
    worker.addEventListener('message', (message) => {
      if (worker === this.worker) this.receive(message.data);
    });
    worker.addEventListener('error', (error) => {
      if (worker !== this.worker) return;
      const restarted = this.replacement !== undefined;
      if (restarted) {
        worker.terminate();
        this.worker = this.attach(this.replacement());
        for (const files of this.added) this.worker.postMessage({ type: 'addFiles', requestId: 0, files });
      }
      const next = restarted ? 'A fresh engine is ready: press Train to start again.' : 'Start the run again.';
      this.receive({ type: 'problem', fatal: true, problems: [{ message: `The engine worker crashed: ${error.message || 'unknown error'}. ${next}` }] });
    });
    return worker;
  }

  send(request: EngineRequest): void {
    const transfer = request.type === 'start' && request.checkpoint !== undefined ? [request.checkpoint] : [];
    this.worker.postMessage(request, transfer);
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    if (this.hello !== null) listener(this.hello);
    return () => this.listeners.delete(listener);
  }

  probe(nodeId: string, samples: readonly number[]): Promise<Extract<EngineEvent, { type: 'probed' }>> {
    return this.ask((requestId) => ({ type: 'probe', requestId, nodeId, samples })) as Promise<Extract<EngineEvent, { type: 'probed' }>>;
  }

  readWeights(nodeId: string): Promise<Extract<EngineEvent, { type: 'weights' }>> {
    return this.ask((requestId) => ({ type: 'readWeights', requestId, nodeId })) as Promise<Extract<EngineEvent, { type: 'weights' }>>;
  }

  saveCheckpoint(): Promise<Extract<EngineEvent, { type: 'checkpoint' }>> {
    return this.ask((requestId) => ({ type: 'saveCheckpoint', requestId })) as Promise<Extract<EngineEvent, { type: 'checkpoint' }>>;
  }

  /** A classifier's validation examples under the current weights (a confusion cell's, or the most wrong). */
  findExamples(query: ExampleQuery, limit?: number): Promise<Extract<EngineEvent, { type: 'examples' }>> {
    return this.ask((requestId) => ({ type: 'findExamples', requestId, query, limit })) as Promise<Extract<EngineEvent, { type: 'examples' }>>;
  }

  /** Gives the worker a user's files (read there, not here); answers with the dataset reference they make. */
  async addFiles(files: readonly FileToAdd[], onRequest?: (requestId: number) => void): Promise<Extract<EngineEvent, { type: 'filesAdded' }>> {
    const answer = (await this.ask((requestId) => {
      onRequest?.(requestId);
      this.datasetRequests.add(requestId);
      return { type: 'addFiles', requestId, files };
    })) as Extract<EngineEvent, { type: 'filesAdded' }>;
    this.added.push(files);
    return answer;
  }

  /** Loads a dataset reference in the worker and answers with its preview; progress comes as datasetProgress events. */
  async previewDataset(dataset: unknown, onRequest?: (requestId: number) => void): Promise<DatasetPreviewPayload> {
    const answer = await this.ask((requestId) => {
      onRequest?.(requestId);
      this.datasetRequests.add(requestId);
      return { type: 'previewDataset', requestId, dataset };
    });
    return (answer as Extract<EngineEvent, { type: 'datasetPreview' }>).preview;
  }

  /** The graph as files to save (the worker builds them), ONNX with its parity check; `onProgress` hears each stage. */
  exportGraph(document: unknown, options: ExportOptions, onProgress?: (stage: string) => void): Promise<Extract<EngineEvent, { type: 'exported' }>> {
    return this.askQuietly((requestId) => {
      if (onProgress !== undefined) this.progress.set(requestId, onProgress);
      return { type: 'export', requestId, document, ...options };
    }) as Promise<Extract<EngineEvent, { type: 'exported' }>>;
  }

  /** The graph's PyTorch model.py (rejects with the graph's problem when it has one). */
  pytorchCode(document: unknown): Promise<Extract<EngineEvent, { type: 'code' }>> {
    return this.askQuietly((requestId) => ({ type: 'pytorchCode', requestId, document })) as Promise<Extract<EngineEvent, { type: 'code' }>>;
  }

  /** Whether a checkpoint file fits the graph (rejects with the reason it does not). */
  checkWeights(document: unknown, name: string, data: ArrayBuffer): Promise<Extract<EngineEvent, { type: 'weightsChecked' }>> {
    return this.askQuietly((requestId) => ({ type: 'checkWeights', requestId, document, name, data })) as Promise<Extract<EngineEvent, { type: 'weightsChecked' }>>;
  }

  /** The Learn panel's inference on chosen dataset examples: the named nodes' outputs and parameters (problems go to the asker only). */
  inferExamples(request: LearnAsk<'inferExamples'>): Promise<Extract<EngineEvent, { type: 'examplesInferred' }>> {
    return this.askQuietly((requestId) => ({ type: 'inferExamples', requestId, ...request })) as Promise<Extract<EngineEvent, { type: 'examplesInferred' }>>;
  }

  /** Where an activation layer's inputs fall in the run's latest batch, binned in the worker. */
  binActivationInputs(request: LearnAsk<'binActivationInputs'>): Promise<Extract<EngineEvent, { type: 'activationInputsBinned' }>> {
    return this.askQuietly((requestId) => ({ type: 'binActivationInputs', requestId, ...request })) as Promise<Extract<EngineEvent, { type: 'activationInputsBinned' }>>;
  }

  /** An autoencoder's latent codes of `count` held-out examples (the latent lab). */
  latentCodes(count: number): Promise<Extract<EngineEvent, { type: 'latent' }>> {
    return this.askQuietly((requestId) => ({ type: 'latentCodes', requestId, count })) as Promise<Extract<EngineEvent, { type: 'latent' }>>;
  }

  /** Decodes (x, y) points of the latent plane (through the codes' projection when a code has more than 2 values). */
  decodeLatent(points: readonly number[], projection?: LatentProjection): Promise<Extract<EngineEvent, { type: 'decoded' }>> {
    return this.askQuietly((requestId) => ({ type: 'decodeLatent', requestId, points, projection })) as Promise<Extract<EngineEvent, { type: 'decoded' }>>;
  }

  /** Decodes `steps` codes between two examples' (dataset indices from the latent codes' answer). */
  interpolateLatent(from: number, to: number, steps: number, projection?: LatentProjection): Promise<Extract<EngineEvent, { type: 'decoded' }>> {
    return this.askQuietly((requestId) => ({ type: 'interpolateLatent', requestId, from, to, steps, projection })) as Promise<Extract<EngineEvent, { type: 'decoded' }>>;
  }

  /** The run's GAN now (the GAN lab): D's verdicts, spread, modes, and for 2-D data D's heat map and G's warped grid. */
  ganSnapshot(gridSize: number): Promise<Extract<EngineEvent, { type: 'ganState' }>> {
    return this.askQuietly((requestId) => ({ type: 'ganSnapshot', requestId, gridSize })) as Promise<Extract<EngineEvent, { type: 'ganState' }>>;
  }

  terminate(): void {
    for (const waiter of this.pending.values()) waiter.reject(new Error('The engine was shut down.'));
    this.pending.clear();
    this.worker.terminate();
  }

  private ask(request: (requestId: number) => EngineRequest): Promise<Answer> {
    const requestId = this.nextRequest++;
    return new Promise((resolve, reject) => {
      this.pending.set(requestId, { resolve, reject });
      this.send(request(requestId));
    });
  }

  private askQuietly(request: (requestId: number) => EngineRequest): Promise<Answer> {
    return this.ask((requestId) => {
      this.quiet.add(requestId);
      return request(requestId);
    });
  }

  private receive(event: EngineEvent): void {
    if (event.type === 'hello') this.hello = event;
    const datasetProblem = event.type === 'problem' && event.requestId !== undefined && this.datasetRequests.delete(event.requestId);
    if (isAnswer(event)) this.datasetRequests.delete(event.requestId);
    if (event.type === 'exportProgress') this.progress.get(event.requestId)?.(event.stage);
    if (event.type === 'problem' && event.requestId !== undefined) {
      this.pending.get(event.requestId)?.reject(new Error(event.problems[0]?.message ?? 'The engine could not answer.'));
      this.settle(event.requestId);
    } else if (isAnswer(event)) {
      this.pending.get(event.requestId)?.resolve(event);
      this.settle(event.requestId);
    } else if (event.type === 'problem' && event.fatal && this.pending.size > 0) {
      const message = event.problems[0]?.message ?? 'The engine could not answer.';
      for (const waiter of this.pending.values()) waiter.reject(new Error(message));
      this.pending.clear();
    }
    if (datasetProblem) return;
    const requestId = 'requestId' in event ? event.requestId : undefined;
    if (requestId !== undefined && this.quiet.has(requestId)) {
      if (!this.pending.has(requestId)) this.quiet.delete(requestId);
      return;
    }
    for (const listener of this.listeners) listener(event);
  }

  private settle(requestId: number): void {
    this.pending.delete(requestId);
    this.progress.delete(requestId);
  }
}

/** Starts the engine in a Web Worker (module worker, bundled by Vite). */
export function startEngine(): EngineClient {
  const create = () => new Worker(new URL('../../engine/worker/index.ts', import.meta.url), { type: 'module', name: 'netloom-engine' }) as unknown as WorkerPort;
  return new EngineClient(create(), create);
}
