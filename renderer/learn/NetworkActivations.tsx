// The activation lab on the open network: pick one of its activation layers and, while it trains,
// see where that layer's inputs fall on the curve (a histogram from the engine worker, asked again
// as the run's steps come in) and its share of dead or saturated units.
import type { ActivationInputStats } from '../../engine/protocol/index.ts';
import { useEditorState } from '../document/useEditorState.ts';
import { activationOfLayer, overlayLines, overlayRegions, OVERLAY_BINS, PLOT_FROM, PLOT_TO } from './activationOverlay.ts';
import type { ActivationName } from './activations.ts';
import { trainOpenGraph, useEngineAnswer, useRunVersion, type LearnNetwork } from './learnNetwork.ts';

export interface Overlay {
  readonly stats: ActivationInputStats | null;
  readonly steps: number;
  readonly inputNodeId: string | null;
  readonly error: string | null;
  readonly running: boolean;
}

/** The worker's binned inputs of `nodeId`, asked again as the run goes on. */
export function useActivationOverlay(network: LearnNetwork | null, nodeId: string | null, name: ActivationName): Overlay {
  const { version, running } = useRunVersion(network, 500);
  const ask = network === null || nodeId === null ? null : () => network.runs.engine().binActivationInputs({ nodeId, from: PLOT_FROM, to: PLOT_TO, bins: OVERLAY_BINS, regions: overlayRegions(name) });
  const { answer, error } = useEngineAnswer(ask, JSON.stringify([nodeId, name, version]));
  const current = answer !== null && answer.nodeId === nodeId ? answer : null;
  return { stats: current?.stats ?? null, steps: current?.steps ?? 0, inputNodeId: current?.inputNodeId ?? null, error: nodeId === null ? null : error, running };
}

export function NetworkActivations({ network, nodeId, name, overlay, onPick }: { network: LearnNetwork; nodeId: string | null; name: ActivationName; overlay: Overlay; onPick: (nodeId: string | null, name: ActivationName | undefined) => void }) {
  const { document } = useEditorState(network.store);
  const layers = document.nodes.filter((node) => activationOfLayer(node.type) !== undefined);
  const pick = (id: string) => {
    const type = layers.find((node) => node.id === id)?.type;
    onPick(type === undefined ? null : id, type === undefined ? undefined : activationOfLayer(type));
  };
  if (layers.length === 0) return <p className="learn-note">The open graph has no activation layer (ReLU, Sigmoid, Tanh…) to look into.</p>;
  return (
    <div className="learn-overlay" data-testid="activation-network">
      <label className="learn-choice">
        In my network:
        <select value={nodeId ?? ''} onChange={(event) => pick(event.target.value)} aria-label="Layer of my network">
          <option value="">choose a layer…</option>
          {layers.map((node) => (
            <option key={node.id} value={node.id}>
              {node.id} ({node.type})
            </option>
          ))}
        </select>
      </label>
      {nodeId !== null && <OverlayText overlay={overlay} name={name} nodeId={nodeId} onTrain={() => trainOpenGraph(network)} />}
    </div>
  );
}

function OverlayText({ overlay, name, nodeId, onTrain }: { overlay: Overlay; name: ActivationName; nodeId: string; onTrain: () => void }) {
  if (overlay.stats === null) {
    return (
      <div className="learn-network-bar">
        <span>{overlay.error ?? 'Reading the latest batch…'}</span>
        {overlay.error !== null && (
          <button type="button" onClick={onTrain} disabled={overlay.running} data-testid="activation-train">
            {overlay.running ? 'Training…' : 'Train'}
          </button>
        )}
      </div>
    );
  }
  return (
    <div className="learn-overlay" data-testid="activation-overlay">
      <p>
        The grey bars: where the inputs of {nodeId} (the outputs of {overlay.inputNodeId}) fell for the {overlay.stats.samples} examples of the batch at step {overlay.steps}
        {overlay.running ? ', updating as it trains' : ''}.
      </p>
      {overlayLines(overlay.stats, name).map((line) => (
        <p key={line} data-testid="activation-share">
          {line}
        </p>
      ))}
    </div>
  );
}
