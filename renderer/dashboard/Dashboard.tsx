// The live training dashboard: run controls, progress, the loss chart, the selected node's feature
// maps, the task's pictures and an epoch timeline, all fed by the engine client's events.
import { useState } from 'react';
import type { GraphDocument } from '../../engine/graph/index.ts';
import type { EngineClient } from '../engine-client/engineClient.ts';
import './dashboard.css';
import { FeatureMaps } from './FeatureMaps.tsx';
import { Histograms } from './Histograms.tsx';
import { LossChart } from './LossChart.tsx';
import { ProblemBanner } from './ProblemBanner.tsx';
import { ProgressPanel } from './ProgressPanel.tsx';
import { RunControls } from './RunControls.tsx';
import { backendChoiceHint, backendOptions } from './backendChoice.ts';
import { controlsFor, parseField, settingFieldsFor, statusText } from './runSettings.ts';
import { epochView } from './snapshots.ts';
import { TaskViews } from './TaskViews.tsx';
import { useConfusionExamples } from './useConfusionExamples.ts';
import { Timeline } from './Timeline.tsx';
import { useDashboardRun, type DashboardRun } from './useDashboardRun.ts';
import { useNodeWatch } from './useNodeWatch.ts';
import { useSettingsDraft } from './useSettingsDraft.ts';

export interface DashboardProps {
  readonly client: EngineClient | null;
  readonly document: GraphDocument;
  readonly selectedNodeId: string | null;
  onSelectNode?(nodeId: string): void;
  /** Called with (true class, predicted class) when a confusion-matrix cell is clicked. */
  onConfusionCell?(truth: number, predicted: number): void;
}

export function Dashboard({ client, document, selectedNodeId, onSelectNode, onConfusionCell }: DashboardProps) {
  const run = useDashboardRun(client);
  const { model } = run;
  const fields = settingFieldsFor(document);
  const settings = useSettingsDraft(document.training, fields, model.backends);
  const [timelineIndex, setTimelineIndex] = useState<number | null>(null);
  const nodeType = document.nodes.find((node) => node.id === selectedNodeId)?.type;
  useNodeWatch({ client, nodeId: selectedNodeId, nodeType, state: model.state, nodeIds: model.nodeIds, epoch: model.lastEpoch });
  const examples = useConfusionExamples(client, model.run, model.state, model.lastStep, model.snapshots.some((snapshot) => snapshot.confusion !== null));

  const controls = controlsFor(model.state, client !== null, run.starting);
  const view = epochView(model.snapshots, model.watched, timelineIndex);
  const train = () => {
    setTimelineIndex(null);
    run.train(document, settings.settings);
  };
  return (
    <div className="dashboard" data-testid="dashboard">
      <RunControls
        controls={controls}
        fields={fields}
        draft={settings.draft}
        errors={settings.errors}
        backend={settings.backend}
        backendOptions={backendOptions(model.backends, settings.backend)}
        backendHint={backendChoiceHint(model.backends)}
        statusText={statusText(model.state, run.starting, model.done, model.divergence !== null)}
        onDraftChange={settings.change}
        onBackendChange={settings.changeBackend}
        onLearningRateCommit={() => commitLearningRate(run, settings.draft.learningRate)}
        onTrain={train}
        onPause={() => run.send({ type: 'pause' })}
        onResume={() => run.send({ type: 'resume' })}
        onStep={() => run.send({ type: 'step' })}
        onStop={() => run.send({ type: 'stop' })}
      />
      <ProblemBanner problems={model.problems} divergence={model.divergence} onDismiss={run.dismiss} onSelectNode={onSelectNode} />
      <ProgressPanel model={model} />
      <div className="dashboard-main">
        <LossChart curves={model.curves} previousRuns={model.previousRuns} cutoffStep={view.cutoffStep} />
        <FeatureMaps nodeId={selectedNodeId} nodeType={nodeType} watched={selectedNodeId === null ? undefined : view.watched[selectedNodeId]} weights={selectedNodeId === null ? undefined : model.weights[selectedNodeId]} live={view.live} />
      </div>
      <Histograms nodeId={selectedNodeId} nodeType={nodeType} frames={selectedNodeId === null ? undefined : model.histograms[selectedNodeId]} />
      <Timeline snapshots={model.snapshots} index={timelineIndex} onChange={setTimelineIndex} />
      <TaskViews snapshots={model.snapshots} view={view} examples={client === null ? undefined : examples} onConfusionClick={onConfusionCell} />
    </div>
  );
}

/** The learning rate as typed, sent to the running engine when it is valid. */
function commitLearningRate(run: DashboardRun, text: string): void {
  const parsed = parseField('learningRate', text);
  if ('value' in parsed) run.send({ type: 'setLearningRate', learningRate: parsed.value });
}
