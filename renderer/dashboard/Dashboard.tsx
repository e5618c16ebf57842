// The live training dashboard: run controls, progress, the loss chart, the selected node's feature
// maps, the task's pictures and an epoch timeline, all fed by the engine client's events.
import { useState, useSyncExternalStore } from 'react';
import type { GraphDocument } from '../../engine/graph/index.ts';
import './dashboard.css';
import { FeatureMaps } from './FeatureMaps.tsx';
import { Histograms } from './Histograms.tsx';
import { LossChart } from './LossChart.tsx';
import { ProblemBanner } from './ProblemBanner.tsx';
import { ProgressPanel } from './ProgressPanel.tsx';
import { RunControls } from './RunControls.tsx';
import { backendChoiceHint, backendOptions, offeredBackends, type BackendChoice } from './backendChoice.ts';
import { initialRun } from './runModel.ts';
import { controlsFor, parseField, settingFieldsFor, statusText } from './runSettings.ts';
import { epochView } from './snapshots.ts';
import { TaskViews } from './TaskViews.tsx';
import { useConfusionExamples } from './useConfusionExamples.ts';
import { Timeline } from './Timeline.tsx';
import type { GraphRunsStore } from './graphRunsStore.ts';
import { useNodeWatch } from './useNodeWatch.ts';
import { useSettingsDraft } from './useSettingsDraft.ts';
import { WeightsNote } from './WeightsNote.tsx';

const CLEAN = initialRun();

export interface DashboardProps {
  /** Every graph's run state and the engine; the dashboard shows the graph on screen's. */
  readonly runs: GraphRunsStore;
  /** The identity of the graph shown (graphIdentity.ts); until the store shows it too, the dock is clean. */
  readonly graph: string;
  readonly document: GraphDocument;
  /** The graph's own parameter count (shown until a run compiles it). */
  readonly parameterCount?: number;
  readonly selectedNodeId: string | null;
  onSelectNode?(nodeId: string): void;
  /** The loss chart's plot height in px (the dock sizes it to its own height); 260 when absent. */
  readonly chartHeight?: number;
  /** Called with (true class, predicted class) when a confusion-matrix cell is clicked. */
  onConfusionCell?(truth: number, predicted: number): void;
}

export function Dashboard({ runs, graph, document, parameterCount, selectedNodeId, chartHeight, onSelectNode, onConfusionCell }: DashboardProps) {
  const view = useSyncExternalStore(runs.subscribe, runs.getView);
  const run = view.graph === graph ? view : { ...view, model: CLEAN, starting: false, weights: null };
  const { model, client } = run;
  const fields = settingFieldsFor(document);
  const settings = useSettingsDraft(document.training, fields, offeredBackends(model.backends, model.statuses));
  const [timelineIndex, setTimelineIndex] = useState<number | null>(null);
  const nodeType = document.nodes.find((node) => node.id === selectedNodeId)?.type;
  useNodeWatch({ client, nodeId: selectedNodeId, nodeType, state: model.state, nodeIds: model.nodeIds, epoch: model.lastEpoch });
  const examples = useConfusionExamples(client, model.run, model.state, model.lastStep, model.snapshots.some((snapshot) => snapshot.confusion !== null));
  const controls = controlsFor(model.state, client !== null, run.starting || run.waiting);
  const shown = epochView(model.snapshots, model.watched, timelineIndex);
  const train = () => {
    setTimelineIndex(null);
    runs.train(document, settings.settings);
  };
  return (
    <div className="dashboard" data-testid="dashboard">
      <RunControls
        controls={controls}
        fields={fields}
        draft={settings.draft}
        errors={settings.errors}
        backend={settings.backend}
        backendOptions={backendOptions(model.backends, settings.backend, model.statuses)}
        backendHint={backendChoiceHint(offeredBackends(model.backends, model.statuses), model.statuses)}
        statusText={run.waiting ? 'Stopping the other graph’s run…' : statusText(model.state, run.starting, model.done, model.divergence !== null)}
        onDraftChange={settings.change}
        onBackendChange={(choice) => switchBackend(runs, model.state === 'paused', settings, choice)}
        onLearningRateCommit={() => commitLearningRate(runs, settings.draft.learningRate)}
        onTrain={train}
        onPause={() => runs.send({ type: 'pause' })}
        onResume={() => runs.send({ type: 'resume' })}
        onStep={() => runs.send({ type: 'step' })}
        onStop={() => runs.send({ type: 'stop' })}
      />
      {run.weights !== null && <WeightsNote note={run.weights} />}
      <ProblemBanner problems={model.problems} divergence={model.divergence} onDismiss={() => runs.dismiss()} onSelectNode={onSelectNode} />
      <ProgressPanel model={model} graphParameterCount={parameterCount ?? null} />
      {/* One row that wraps: the loss chart and the task's pictures side by side where there is room, the selected layer's maps beside or below. */}
      <div className="dashboard-main">
        <LossChart curves={model.curves} previousRuns={model.previousRuns} cutoffStep={shown.cutoffStep} height={chartHeight} />
        <TaskViews snapshots={model.snapshots} view={shown} examples={client === null ? undefined : examples} onConfusionClick={onConfusionCell} />
        <FeatureMaps nodeId={selectedNodeId} nodeType={nodeType} watched={selectedNodeId === null ? undefined : shown.watched[selectedNodeId]} weights={selectedNodeId === null ? undefined : model.weights[selectedNodeId]} live={shown.live} />
      </div>
      <Timeline snapshots={model.snapshots} index={timelineIndex} onChange={setTimelineIndex} />
      <Histograms nodeId={selectedNodeId} nodeType={nodeType} frames={selectedNodeId === null ? undefined : model.histograms[selectedNodeId]} />
    </div>
  );
}

/** A switch of backend while a run is paused ends that run: its weights carry over, and the next Train goes on from them on the new backend. */
function switchBackend(runs: GraphRunsStore, paused: boolean, settings: { backend: BackendChoice; changeBackend(choice: BackendChoice): void }, choice: BackendChoice): void {
  if (paused && choice !== settings.backend) runs.send({ type: 'stop' });
  settings.changeBackend(choice);
}

/** The learning rate as typed, sent to the running engine when it is valid. */
function commitLearningRate(runs: GraphRunsStore, text: string): void {
  const parsed = parseField('learningRate', text);
  if ('value' in parsed) runs.send({ type: 'setLearningRate', learningRate: parsed.value });
}
