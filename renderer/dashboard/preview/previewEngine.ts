// A stand-in engine for the preview page: a WorkerPort that answers requests the way the real
// worker does and streams a made-up training run (a classifier whose pictures include every task's).
import type { EngineEvent, EngineRequest, RunSettings, RunState, StepTelemetry, TensorPayload } from '../../../engine/protocol/index.ts';
import type { WorkerPort } from '../../engine-client/engineClient.ts';
import { previewHistograms } from './previewHistograms.ts';
import { confusion, convWeights, featureMap, lstmGates, ringImages, ringPoints, sequence, sineSeries, textSample, vector } from './previewData.ts';

const NODE_IDS = ['input', 'conv1', 'relu1', 'pool1', 'flatten1', 'dense1', 'lstm1', 'dense2', 'softmax1'];
const STEPS_PER_EPOCH = 120;
const STEPS_PER_TICK = 6;
const TICK_MS = 30;

export class PreviewWorker implements WorkerPort {
  private readonly listeners: ((message: MessageEvent<EngineEvent>) => void)[] = [];
  private state: RunState = 'idle';
  private settings: Required<Pick<RunSettings, 'epochs' | 'learningRate'>> = { epochs: 4, learningRate: 0.001 };
  private step = 0;
  private run = 0;
  private watched: readonly string[] = [];
  private timer: ReturnType<typeof setInterval> | null = null;
  private pendingSteps = 0;

  constructor() {
    setTimeout(() => this.emit({ type: 'hello', protocolVersion: 1, backends: ['wasm', 'cpu'], crossOriginIsolated: true }), 0);
  }

  postMessage(request: EngineRequest): void {
    setTimeout(() => this.handle(request), 0);
  }

  addEventListener(type: 'message' | 'error', listener: ((message: MessageEvent<EngineEvent>) => void) | ((error: ErrorEvent) => void)): void {
    if (type === 'message') this.listeners.push(listener as (message: MessageEvent<EngineEvent>) => void);
  }

  terminate(): void {
    if (this.timer !== null) clearInterval(this.timer);
  }

  private emit(event: EngineEvent): void {
    for (const listener of this.listeners) listener({ data: event } as MessageEvent<EngineEvent>);
  }

  private setState(state: RunState): void {
    this.state = state;
    this.emit({ type: 'state', state });
  }

  private handle(request: EngineRequest): void {
    switch (request.type) {
      case 'compile':
        this.setState('compiling');
        this.emit({ type: 'compiled', backend: 'wasm', description: 'WebAssembly SIMD with relaxed fused multiply-add, 2 threads', threads: 2, parameterCount: 52_874, nodeIds: NODE_IDS });
        return this.setState('ready');
      case 'start':
        return this.start(request.settings ?? {});
      case 'pause':
        if (this.state === 'running') this.setState('paused');
        return;
      case 'resume':
        if (this.state === 'paused') this.setState('running');
        return;
      case 'step':
        if (this.state === 'paused') this.pendingSteps++;
        return;
      case 'stop':
        return this.finish('stopped');
      case 'setLearningRate':
        this.settings = { ...this.settings, learningRate: request.learningRate };
        return;
      case 'watch':
        this.watched = request.nodeIds;
        return;
      case 'probe':
        return this.emit({ type: 'probed', requestId: request.requestId, nodeId: request.nodeId, tensor: this.output(request.nodeId) });
      case 'readWeights':
        return this.emit({ type: 'weights', requestId: request.requestId, nodeId: request.nodeId, tensors: { weights: convWeights(8) } });
      case 'saveCheckpoint':
        return this.emit({ type: 'checkpoint', requestId: request.requestId, data: new ArrayBuffer(8) });
      case 'findExamples':
        return this.emit({ type: 'problem', fatal: false, requestId: request.requestId, problems: [{ message: 'The preview engine has no examples to show.' }] });
    }
  }

  private start(settings: RunSettings): void {
    this.settings = { epochs: settings.epochs ?? 4, learningRate: settings.learningRate ?? 0.001 };
    this.step = 0;
    this.run++;
    this.setState('running');
    this.emit({ type: 'loading', what: 'mnist', done: 1, total: 1 });
    this.timer = setInterval(() => this.tick(), TICK_MS);
  }

  private tick(): void {
    if (this.state !== 'running' && !(this.state === 'paused' && this.pendingSteps > 0)) return;
    const count = this.state === 'paused' ? 1 : STEPS_PER_TICK;
    if (this.state === 'paused') this.pendingSteps--;
    const steps: StepTelemetry[] = [];
    for (let index = 0; index < count; index++) {
      this.step++;
      steps.push(this.telemetry(this.step));
      if (this.step % STEPS_PER_EPOCH === 0) break;
    }
    this.emit({ type: 'steps', steps });
    this.progress();
    if (this.settings.learningRate >= 1 && this.step >= 30) return this.diverge();
    for (const nodeId of this.watched) this.emit({ type: 'watched', step: this.step, nodeId, sample: 0, tensor: this.output(nodeId), gates: nodeId === 'lstm1' ? lstmGates(24, 16, this.step) : undefined });
    if (this.step % 30 === 0) this.emitHistograms();
    if (this.step % STEPS_PER_EPOCH === 0) this.endEpoch(this.step / STEPS_PER_EPOCH - 1);
  }

  private emitHistograms(): void {
    const epoch = Math.floor((this.step - 1) / STEPS_PER_EPOCH);
    for (const nodeId of this.watched) {
      const parameters = previewHistograms(nodeId, this.step);
      if (parameters !== null) this.emit({ type: 'histograms', step: this.step, epoch, nodeId, parameters });
    }
  }

  private telemetry(step: number): StepTelemetry {
    const speed = Math.min(3, this.settings.learningRate / 0.001) * (1 + 0.15 * this.run);
    const noise = Math.sin(step * 12.9898 + this.run) * 0.5 + Math.sin(step * 4.1414) * 0.3;
    const loss = 2.3 * Math.exp((-step * speed) / 140) + 0.09 + noise * 0.08 * Math.exp(-step / 400);
    const accuracy = Math.min(0.99, 1 - loss / 2.5 + noise * 0.02);
    return { step, epoch: Math.floor((step - 1) / STEPS_PER_EPOCH), losses: { loss }, metrics: { accuracy }, learningRate: this.settings.learningRate };
  }

  private progress(): void {
    const totalSteps = this.settings.epochs * STEPS_PER_EPOCH;
    const samplesPerSecond = (STEPS_PER_TICK * 32 * 1000) / TICK_MS;
    this.emit({ type: 'progress', epoch: Math.floor((this.step - 1) / STEPS_PER_EPOCH), epochs: this.settings.epochs, step: this.step, totalSteps, samplesPerSecond, secondsLeft: ((totalSteps - this.step) / STEPS_PER_TICK) * (TICK_MS / 1000) });
  }

  private endEpoch(epoch: number): void {
    const progress = (epoch + 1) / this.settings.epochs;
    const { loss, accuracy } = { loss: this.telemetry(this.step).losses.loss * 1.12, accuracy: this.telemetry(this.step).metrics.accuracy * 0.97 };
    this.emit({ type: 'epoch', epoch, validation: { loss, accuracy }, confusion: confusion(10, accuracy) });
    this.emit({ type: 'images', kind: 'reconstructions', epoch, inputs: ringImages(8, 14, 0, 0), outputs: ringImages(8, 14, 0.7 * (1 - progress), epoch) });
    this.emit({ type: 'images', kind: 'samples', epoch, outputs: ringImages(16, 14, 0.9 * (1 - progress), epoch + 5) });
    const points = ringPoints(256, progress);
    this.emit({ type: 'points', epoch, count: 256, generated: points.generated, real: points.real });
    this.emit({ type: 'text', epoch, temperature: 0.8, samples: [textSample(progress, epoch)] });
    this.emit({ type: 'series', epoch, ...sineSeries(60, progress) });
    if (epoch + 1 >= this.settings.epochs) this.finish('finished');
  }

  private finish(reason: 'finished' | 'stopped'): void {
    if (this.timer === null) return;
    clearInterval(this.timer);
    this.timer = null;
    const last = this.telemetry(Math.max(1, this.step));
    this.emit({ type: 'done', steps: this.step, epochs: Math.floor(this.step / STEPS_PER_EPOCH), losses: last.losses, reason });
    this.setState('done');
  }

  /** A learning rate of 1 or more blows up, as it would. */
  private diverge(): void {
    if (this.timer !== null) clearInterval(this.timer);
    this.timer = null;
    this.emit({ type: 'diverged', step: this.step, nodeId: 'dense1', message: `Training diverged at step ${this.step}: the output of node dense1 is not a finite number. Lower the learning rate, or clip gradients.` });
    this.emit({ type: 'done', steps: this.step, epochs: 0, losses: {}, reason: 'stopped' });
    this.setState('failed');
  }

  private output(nodeId: string): TensorPayload {
    if (nodeId === 'conv1') return featureMap(12, 8, this.step, false);
    if (nodeId === 'relu1' || nodeId === 'pool1') return featureMap(12, 8, this.step, true);
    if (nodeId === 'lstm1') return sequence(24, 16, this.step);
    return vector(nodeId === 'dense2' ? 10 : 64, this.step);
  }
}
