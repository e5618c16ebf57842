// The Learn panel: the course's ideas as interactive labs (convolution, pooling, activation
// functions). Opened from the top bar, the start page and a layer's inspector through
// requestLearnPanel (renderer/document); Escape or Done closes it.
import { useCallback, useEffect, useRef, useState } from 'react';
import { LEARN_EVENT, type LabName } from '../document/learnPanelRequest.ts';
import { ActivationLab } from './ActivationLab.tsx';
import { ConvolutionLab } from './ConvolutionLab.tsx';
import { GradientLab } from './GradientLab.tsx';
import { LearnCloseContext } from './learnEngine.ts';
import { LearnNetworkContext, useLearnNetwork, type LearnNetwork } from './learnNetwork.ts';
import { LstmCellLab } from './LstmCellLab.tsx';
import { PoolingLab } from './PoolingLab.tsx';
import { XoTour } from './XoTour.tsx';
import { LatentLab } from './LatentLab.tsx';
import { GanLab } from './GanLab.tsx';
import './learn.css';

const LABS: readonly (readonly [LabName, string])[] = [
  ['convolution', 'Convolution'],
  ['pooling', 'Pooling'],
  ['activations', 'Activation functions'],
  ['xo', 'X versus O'],
  ['gradients', 'Vanishing gradients'],
  ['lstmCell', 'LSTM cell'],
  ['latent', 'Latent space'],
  ['gan', 'GAN dynamics'],
];

/** The lab on screen, or null while the panel is closed; opened by requestLearnPanel. */
export function useLearnPanel(): { lab: LabName | null; setLab: (lab: LabName | null) => void } {
  const [lab, setLab] = useState<LabName | null>(null);
  useEffect(() => {
    const open = (event: Event) => setLab((event as CustomEvent<LabName>).detail ?? 'convolution');
    window.addEventListener(LEARN_EVENT, open);
    return () => window.removeEventListener(LEARN_EVENT, open);
  }, []);
  return { lab, setLab };
}

/** The panel where requestLearnPanel asks for it: mounted once by the shell, over the start page or the editor; `network` lets labs read the open graph. */
export function LearnHost({ network = null }: { network?: LearnNetwork | null }) {
  const { lab, setLab } = useLearnPanel();
  const close = useCallback(() => setLab(null), [setLab]);
  if (lab === null) return null;
  return (
    <LearnNetworkContext.Provider value={network}>
      <LearnCloseContext.Provider value={close}>
        <LearnPanel lab={lab} onChange={setLab} onClose={close} />
      </LearnCloseContext.Provider>
    </LearnNetworkContext.Provider>
  );
}

export function LearnPanel({ lab, onChange, onClose }: { lab: LabName; onChange: (lab: LabName) => void; onClose: () => void }) {
  const dialog = useRef<HTMLDivElement>(null);
  useEffect(() => dialog.current?.focus(), []);
  useEffect(() => {
    // Escape closes the panel wherever focus is (a select, a cell), before the page below sees it.
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      event.stopPropagation();
      onClose();
    };
    window.addEventListener('keydown', onKeyDown, true);
    return () => window.removeEventListener('keydown', onKeyDown, true);
  }, [onClose]);
  return (
    <div className="learn-backdrop" onClick={onClose}>
      <div
        ref={dialog}
        className="learn-panel"
        role="dialog"
        aria-modal="true"
        aria-label="Learn"
        tabIndex={-1}
        data-testid="learn-panel"
        onClick={(event) => event.stopPropagation()}
      >
        <header className="learn-header">
          <h2>Learn</h2>
          <nav className="learn-tabs" role="tablist" aria-label="Labs">
            {LABS.map(([name, label]) => (
              <button key={name} type="button" role="tab" aria-selected={lab === name} className={lab === name ? 'active' : ''} onClick={() => onChange(name)}>
                {label}
              </button>
            ))}
          </nav>
          <button type="button" className="learn-done" onClick={onClose} title="Close (Esc)">
            Done
          </button>
        </header>
        <div className="learn-body" role="tabpanel">
          <LabBody lab={lab} />
        </div>
      </div>
    </div>
  );
}

/** The lab on screen; the latent and GAN labs see the run store through LabRuns. */
function LabBody({ lab }: { lab: LabName }) {
  const runs = useLearnNetwork()?.runs;
  switch (lab) {
    case 'convolution':
      return <ConvolutionLab />;
    case 'pooling':
      return <PoolingLab />;
    case 'activations':
      return <ActivationLab />;
    case 'xo':
      return <XoTour />;
    case 'gradients':
      return <GradientLab />;
    case 'lstmCell':
      return <LstmCellLab />;
    case 'latent':
      return <LatentLab runs={runs} />;
    case 'gan':
      return <GanLab runs={runs} />;
  }
}
