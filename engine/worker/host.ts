// The engine behind the worker boundary: takes requests, owns the model and the run, and posts
// events. Transport-free: the Web Worker entry and the Node worker_threads entry both wrap it.
import { DataError, loadDataset, type Dataset, type FileSource } from '../data/index.ts';
import { analyzeGraph, hasErrors, type GraphDocument } from '../graph/index.ts';
import { automaticBackend, availableBackends, choiceReport, createBackend, probeBackends, type Backend, type BackendStatus } from '../backends/index.ts';
import type { BackendName, EngineEvent, EngineRequest, ProblemReport, RunSettings } from '../protocol/index.ts';
import { PROTOCOL_VERSION } from '../protocol/index.ts';
import { readCheckpointHeader, saveCheckpointAsync, CheckpointError } from '../train/checkpoint.ts';
import { setUpRun } from '../train/prepare.ts';
import type { TrainingRun } from '../train/run.ts';
import { RunSetupError } from '../train/setup.ts';
import { carryWeights, modelKey, type CarriedWeights } from './backendSwitch.ts';
import { handleDatasetRequest } from './datasetRequests.ts';
import { DeviceSnapshots, positionAfterStep, runOrFallBack } from './deviceFallback.ts';
import { findExamples } from './examples.ts';
import type { SessionFiles } from './sessionFiles.ts';
import { checkWeights, exportFiles, pytorchCode, type ExportDependencies } from './exports.ts';
import { recurrentGates } from './gates.ts';
import { handleLearnRequest } from './learnRequests.ts';
import { lstmCellAnswer } from './learnCell.ts';
import { handleGradientStudy } from './learnGradients.ts';
import { HistogramPacer, modelWithParameters, parameterHistograms } from './histograms.ts';
import { probeRows, tensorPayload, transferablesOf } from './payloads.ts';
import { answerLatent } from './learnLatent.ts';
import { ganSnapshot } from './learnGan.ts';

export type Post = (event: EngineEvent, transfer: ArrayBuffer[]) => void;

/** Epoch reports sent to the app a second at the most (validation points, confusion, samples). */
export const EPOCH_REPORTS_PER_SECOND = 10;

/** Milliseconds of training between a GAN's samples or an autoencoder's reconstructions mid-epoch. */
export const PREVIEW_INTERVAL_MS = 2000;

export interface HostOptions {
  readonly files?: FileSource;
  readonly mnistPath?: string;
  /** Where Fashion-MNIST's IDX files are (default: Debian's folder; the app: the files a user added). */
  readonly fashionMnistDirectory?: string;
  /** Files a user gave in this session (the app); `files` should then be its source(). */
  readonly sessionFiles?: SessionFiles;
  /** Lets queued requests in between training steps. */
  readonly yieldControl?: () => Promise<void>;
  /** Whether this runtime is cross-origin isolated (a browser worker), told in `hello`. */
  readonly crossOriginIsolated?: boolean;
  /** Bytes a run may take where its settings name no limit: a share of this runtime's memory (train/memoryBudget.ts). */
  readonly memoryLimit?: number;
}

export class EngineHost {
  private document: GraphDocument | null = null;
  private run: TrainingRun | null = null;
  private watched: { nodeIds: readonly string[]; sample: number } = { nodeIds: [], sample: 0 };
  private lastWatch = Number.NEGATIVE_INFINITY;
  private batchSize = 0;
  private readonly histogramPacer = new HistogramPacer();
  /** The backend runs train on: the compile request's choice, or a run's own. */
  private backend: Backend | null = null;
  private backendName: BackendName | undefined;
  /** Every backend's status, the GPU probed once: Automatic's pick and the reasons. */
  private readonly statuses: Promise<BackendStatus[]>;
  /** The last run's weights, kept when the backend changed under it: the next run of the same model starts from them. */
  private carried: CarriedWeights | null = null;
  /** The document the last run trained (the carried weights fit it). */
  private runDocument: GraphDocument | null = null;
  /** A stop that came while a run was being set up (data loading): the run stops before its first step. */
  private stopRequested = false;

  constructor(
    private readonly post: Post,
    private readonly options: HostOptions = {},
  ) {
    const hello = { type: 'hello', protocolVersion: PROTOCOL_VERSION, backends: availableBackends(), crossOriginIsolated: options.crossOriginIsolated } as const;
    this.send(hello);
    this.statuses = probeBackends();
    void this.statuses.then((statuses) => this.send({ ...hello, statuses }));
  }

  /** Handles one request; `start` resolves when the run ends. */
  async handle(request: EngineRequest): Promise<void> {
    try {
      await this.dispatch(request);
    } catch (cause) {
      const fatal = request.type === 'compile' || request.type === 'start';
      const requestId = 'requestId' in request ? request.requestId : undefined;
      this.send({ type: 'problem', problems: [problemOf(cause)], fatal, requestId });
      if (!fatal) return;
      if (this.run !== null) this.run.state = 'failed';
      this.send({ type: 'state', state: 'failed' });
    }
  }

  private async dispatch(request: EngineRequest): Promise<void> {
    switch (request.type) {
      case 'compile':
        return this.compile(request.document, request.backend);
      case 'start':
        return this.start(request.settings, request.checkpoint);
      case 'pause':
        return this.run?.pause();
      case 'resume':
        return this.run?.resume();
      case 'step':
        return this.run?.stepOnce();
      case 'stop':
        this.stopRequested = true;
        return this.run?.stop();
      case 'setLearningRate':
        return this.run?.setLearningRate(request.learningRate);
      case 'watch':
        this.watched = { nodeIds: request.nodeIds, sample: request.sample };
        this.histogramPacer.reset();
        if (this.run !== null && this.run.state !== 'running') await this.sendHistograms(true);
        return;
      case 'probe':
        return this.probe(request.requestId, request.nodeId, request.samples);
      case 'readWeights':
        return this.readWeights(request.requestId, request.nodeId);
      case 'saveCheckpoint':
        return this.saveCheckpoint(request.requestId);
      case 'findExamples':
        if (this.run === null) throw new Error('There are no predictions yet: train first.');
        return this.send(await findExamples(this.run.loop, this.run.steps, request.requestId, request.query, request.limit));
      case 'addFiles':
      case 'previewDataset':
        return handleDatasetRequest({ session: this.options.sessionFiles, load: this.loadContext(), send: (event) => this.send(event) }, request);
      case 'export':
        return this.send(await exportFiles(request, this.exportDependencies(request.requestId)));
      case 'pytorchCode':
        return this.send(pytorchCode(request));
      case 'checkWeights':
        return this.send(checkWeights(request));
      case 'inferExamples': case 'binActivationInputs': return handleLearnRequest({ run: this.run, load: this.loadContext(), send: (event) => this.send(event) }, request);
      case 'gradientStudy':
        return handleGradientStudy(this, request, { send: (event) => this.send(event), yieldControl: this.options.yieldControl });
      case 'lstmCell':
        return this.send(await lstmCellAnswer(this.run, request));
      case 'latentCodes': case 'decodeLatent': case 'interpolateLatent': return this.send(await answerLatent(this.run, request));
      case 'ganSnapshot': return this.send(await ganSnapshot(this.run, request.requestId, request.gridSize));
    }
  }

  /** What an export needs of the host: the latest run's weights, the graph's data (loaded quietly: no run is starting), its progress posted. */
  private exportDependencies(requestId: number): ExportDependencies {
    return {
      runCheckpoint: async () => (this.run === null ? null : this.checkpointBytes(this.run)),
      loadDataset: (document) => {
        if (document.dataset === undefined) throw new RunSetupError('The graph names no dataset for the package\'s data.py.', undefined, 'dataset');
        return loadDataset(document.dataset, { files: this.options.files, mnistPath: this.options.mnistPath });
      },
      progress: (stage) => this.send({ type: 'exportProgress', requestId, stage }),
    };
  }

  /** The run's in-memory checkpoint, named after the graph it trained (the open graph may have changed since). */
  private checkpointBytes(run: TrainingRun, position: { epoch: number; index: number } = run): Promise<Uint8Array> {
    const graph = (this.runDocument ?? this.document)?.metadata.name ?? '';
    return saveCheckpointAsync(run.loop.models, run.loop.trainers, { graph, batchSize: this.batchSize, epoch: position.epoch, index: position.index, steps: run.steps });
  }

  private async compile(input: unknown, backend?: BackendName | 'auto'): Promise<void> {
    this.send({ type: 'state', state: 'compiling' });
    const analysis = analyzeGraph(input);
    if (analysis.document === null || hasErrors(analysis)) {
      const problems = analysis.diagnostics.filter((diagnostic) => diagnostic.severity === 'error').map(({ message, nodeId, field, suggestion }) => ({ message, nodeId, field, suggestion }));
      this.send({ type: 'problem', problems, fatal: true });
      this.send({ type: 'state', state: 'failed' });
      return;
    }
    this.document = analysis.document;
    this.backendName = backend === 'auto' ? undefined : backend;
    const chosen = await this.backendFor(this.backendName);
    const report = choiceReport(await this.statuses, chosen.name, this.backendName !== undefined);
    const carried = this.carried !== null && this.carried.model === modelKey(analysis.document) ? { from: this.carried.from, steps: this.carried.steps } : undefined;
    this.send({ type: 'compiled', backend: chosen.name, description: chosen.description, threads: chosen.threads, parameterCount: analysis.totalParameters, nodeIds: [...analysis.order], ...report, carried });
    this.send({ type: 'state', state: 'ready' });
  }

  private async start(settings: RunSettings = {}, checkpoint?: ArrayBuffer): Promise<void> {
    if (this.document === null) throw new Error('Compile a graph before starting a run.');
    if (this.run !== null && ['running', 'paused'].includes(this.run.state)) throw new Error('A run is already going; stop it first.');
    // A damaged checkpoint is refused (checksum, then every header field) before the data is loaded.
    if (checkpoint !== undefined) readCheckpointHeader(new Uint8Array(checkpoint));
    this.stopRequested = false;
    const backend = await this.backendFor(settings.backend ?? this.backendName);
    const dataset = await this.loadData(this.document);
    const limited = { ...settings, memoryLimit: settings.memoryLimit ?? this.options.memoryLimit };
    // A checkpoint the user gave wins over weights carried from another backend; those are kept until a run on them ends, so a run that fails on its new backend leaves them to the next.
    const carried = this.carried?.model === modelKey(this.document) ? this.carried.bytes : undefined;
    // A run on a device keeps an in-memory checkpoint to go on from on the CPU if the device is lost.
    const snapshots = backend.name === 'webgpu' ? new DeviceSnapshots() : null;
    const { run, prepared } = setUpRun(this.document, dataset, limited, {
      emit: (event) => this.send(event),
      backend,
      checkpoint: checkpoint === undefined ? carried : new Uint8Array(checkpoint),
      yieldControl: this.options.yieldControl,
      epochReportRate: EPOCH_REPORTS_PER_SECOND,
      previewInterval: PREVIEW_INTERVAL_MS,
      onStep: async () => {
        await this.sendWatched();
        await this.sendHistograms(false);
        if (snapshots !== null) await snapshots.afterStep(run, () => this.checkpointBytes(run, positionAfterStep(run)));
      },
    });
    this.run = run;
    this.runDocument = this.document;
    this.batchSize = prepared.settings.batchSize;
    if (this.stopRequested) run.stop();
    const fallback = await runOrFallBack(run, snapshots, (event) => this.send(event));
    if (fallback !== null) return this.start({ ...settings, backend: fallback.backend, steps: fallback.steps }, fallback.checkpoint);
    this.carried = null;
    await this.sendHistograms(true);
  }

  /** The backend named (default: Automatic's pick), created once and kept while the name stays. */
  private async backendFor(named?: BackendName): Promise<Backend> {
    const name = named ?? automaticBackend(await this.statuses);
    if (this.backend?.name === name) return this.backend;
    if (this.run !== null && ['running', 'paused'].includes(this.run.state)) throw new Error('A run is going on another backend; stop it first.');
    // The last run's buffers live on the backend about to be disposed: its weights are read first, then they go with it.
    const last = this.run;
    if (last !== null && this.backend !== null && this.runDocument !== null) this.carried = (await carryWeights(last, this.runDocument, this.backend.name, (position) => this.checkpointBytes(last, position))) ?? this.carried;
    this.run = null;
    this.backend?.dispose();
    this.backend = null;
    this.backend = await createBackend(name);
    return this.backend;
  }

  private async saveCheckpoint(requestId: number): Promise<void> {
    const run = this.run;
    if (run === null || this.document === null) throw new Error('There is no run to save: start training first.');
    const bytes = await this.checkpointBytes(run);
    this.send({ type: 'checkpoint', requestId, data: bytes.buffer as ArrayBuffer });
  }

  private async loadData(document: GraphDocument): Promise<Dataset> {
    if (document.dataset === undefined) throw new RunSetupError('The graph names no dataset to train on.', undefined, 'dataset');
    const what = document.dataset.source === 'builtin' ? document.dataset.name : document.dataset.path;
    return loadDataset(document.dataset, {
      ...this.loadContext(),
      onProgress: (progress) => this.send({ type: 'loading', what, done: progress.done, total: progress.total }),
    });
  }

  private loadContext(): { files?: FileSource; mnistPath?: string; fashionMnistDirectory?: string } {
    return { files: this.options.files, mnistPath: this.options.mnistPath, fashionMnistDirectory: this.options.fashionMnistDirectory };
  }

  private async sendWatched(): Promise<void> {
    const now = performance.now();
    if (this.watched.nodeIds.length === 0 || now - this.lastWatch < 100 || this.run === null) return;
    this.lastWatch = now;
    const model = this.run.loop.models.find((candidate) => this.watched.nodeIds.some((id) => candidate.compiled.nodeOutputs.has(id)));
    if (model === undefined) return;
    for (const nodeId of this.watched.nodeIds) {
      if (!model.compiled.nodeOutputs.has(nodeId)) continue;
      const tensor = probeRows(await model.view(model.outputBuffer(nodeId)), [this.watched.sample]);
      const gates = await recurrentGates(model, nodeId, [this.watched.sample]);
      this.send({ type: 'watched', step: this.run.steps, nodeId, sample: this.watched.sample, tensor, gates });
    }
  }

  /** The watched nodes' parameter and gradient histograms, when due (or now when forced). */
  private async sendHistograms(force: boolean): Promise<void> {
    const run = this.run;
    if (run === null || this.watched.nodeIds.length === 0) return;
    if (!force && !this.histogramPacer.due(performance.now(), run.index + 1 === run.loop.stepsPerEpoch)) return;
    // Between steps (forced) the run already points at the next step: the last one was just before.
    const epoch = force && run.index === 0 ? Math.max(0, run.epoch - 1) : run.epoch;
    for (const nodeId of this.watched.nodeIds) {
      const model = modelWithParameters(run.loop.models, nodeId);
      if (model === undefined) continue;
      this.send({ type: 'histograms', step: run.steps, epoch, nodeId, parameters: await parameterHistograms(model, nodeId) });
    }
  }

  private async probe(requestId: number, nodeId: string, samples: readonly number[]): Promise<void> {
    const model = this.run?.loop.models.find((candidate) => candidate.compiled.nodeOutputs.has(nodeId));
    if (model === undefined) throw new Error(`Node ${nodeId} has no output yet: start a run first.`);
    const output = await model.read(model.outputBuffer(nodeId));
    this.send({ type: 'probed', requestId, nodeId, tensor: probeRows(output, samples), gates: await recurrentGates(model, nodeId, samples) });
  }

  private async readWeights(requestId: number, nodeId: string): Promise<void> {
    const model = this.run?.loop.models.find((candidate) => candidate.compiled.parameters.some((parameter) => parameter.node === nodeId));
    if (model === undefined) throw new Error(`Node ${nodeId} has no weights in the current run.`);
    const tensors: Record<string, ReturnType<typeof tensorPayload>> = {};
    for (const parameter of model.compiled.parameters) if (parameter.node === nodeId) tensors[parameter.name] = tensorPayload(await model.read(parameter.value));
    this.send({ type: 'weights', requestId, nodeId, tensors });
  }

  private send(event: EngineEvent): void {
    this.post(event, transferablesOf(event));
  }
}

function problemOf(cause: unknown): ProblemReport {
  if (cause instanceof DataError) return { message: cause.message, file: cause.file, line: cause.line, field: cause.field };
  if (cause instanceof RunSetupError) return { message: cause.message, nodeId: cause.nodeId, field: cause.field };
  if (cause instanceof CheckpointError) return { message: cause.message, suggestion: 'Start a new run, or pick another checkpoint saved from this graph.' };
  return { message: cause instanceof Error ? cause.message : String(cause) };
}
