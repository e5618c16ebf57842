// Activation functions: each one plotted with its derivative, the regions where learning stalls
// shaded, the formulas beside it, and what it means for training in one sentence.
import { useState } from 'react';
import { ActivationPlot } from './ActivationPlot.tsx';
import { ACTIVATIONS, activation, gradientRegions, type ActivationName } from './activations.ts';
import { activationOfLayer } from './activationOverlay.ts';
import { selectedType, useLearnNetwork } from './learnNetwork.ts';
import { NetworkActivations, useActivationOverlay } from './NetworkActivations.tsx';

function regionText(name: ActivationName): string {
  const regions = gradientRegions(name);
  if (regions.length === 0) return 'The gradient never vanishes on this range.';
  return regions.map((region) => `${region.kind === 'zero' ? 'zero' : 'vanishing (below 0.05)'} on [${region.from}, ${region.to}]`).join('; ');
}

export function ActivationLab() {
  const network = useLearnNetwork();
  // Opened on a selected activation layer (from its inspector), the lab looks into that layer.
  const selected = activationOfLayer(selectedType(network) ?? '');
  const [name, setName] = useState<ActivationName>(selected ?? 'sigmoid');
  const [nodeId, setNodeId] = useState<string | null>(selected === undefined ? null : (network?.store.getState().selectedNodeId ?? null));
  const overlay = useActivationOverlay(network, nodeId, name);
  const entry = activation(name);
  return (
    <section className="learn-lab" aria-label="Activation lab">
      <p className="learn-lead">An activation bends each unit&apos;s output. Backpropagation multiplies the gradient by its derivative, so where the derivative is near 0 a layer stops learning.</p>
      <div className="learn-toggle" role="radiogroup" aria-label="Activation">
        {ACTIVATIONS.map((candidate) => (
          <button key={candidate.name} type="button" role="radio" aria-checked={candidate.name === name} className={candidate.name === name ? 'active' : ''} onClick={() => setName(candidate.name)} disabled={nodeId !== null && candidate.name !== name}>
            {candidate.label}
          </button>
        ))}
      </div>
      <div className="learn-row">
        <ActivationPlot name={name} inputs={nodeId === null ? undefined : (overlay.stats ?? undefined)} />
        <div className="learn-facts" data-testid="activation-facts">
          <h3>{entry.label}</h3>
          <p className="learn-formula-line">
            <span className="learn-key-curve" /> {entry.formula}
          </p>
          <p className="learn-formula-line">
            <span className="learn-key-derivative" /> {entry.derivativeFormula}
          </p>
          <p className="learn-regions" data-testid="activation-regions">
            Gradient: {regionText(name)}
          </p>
          <p>{entry.note}</p>
        </div>
      </div>
      {network !== null && (
        <NetworkActivations
          network={network}
          nodeId={nodeId}
          name={name}
          overlay={overlay}
          onPick={(picked, pickedName) => {
            setNodeId(picked);
            if (pickedName !== undefined) setName(pickedName);
          }}
        />
      )}
    </section>
  );
}
