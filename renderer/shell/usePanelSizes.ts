// The panels' states (open, size), remembered in localStorage, and what the window draws of them.
import { useEffect, useState } from 'react';
import { DEFAULT_PANELS, drawnSizes, loadPanels, savePanels, type DrawnSizes, type PanelName, type PanelStates } from './panelSizes.ts';

/** The top bar's and the status bar's heights (layout.css), between which the canvas and dock sit. */
const BARS_HEIGHT = 48 + 28;

export interface PanelSizes {
  readonly states: PanelStates;
  readonly drawn: DrawnSizes;
  /** The height between the bars: the room the canvas and the dock share. */
  readonly centerHeight: number;
  resize(name: PanelName, size: number): void;
  toggle(name: PanelName): void;
  reset(name: PanelName): void;
}

function useWindowSize(): { width: number; height: number } {
  const [size, setSize] = useState(() => ({ width: window.innerWidth, height: window.innerHeight }));
  useEffect(() => {
    const update = () => setSize({ width: window.innerWidth, height: window.innerHeight });
    window.addEventListener('resize', update);
    return () => window.removeEventListener('resize', update);
  }, []);
  return size;
}

export function usePanelSizes(): PanelSizes {
  const [states, setStates] = useState<PanelStates>(() => loadPanels(localStorage));
  const viewport = useWindowSize();
  const centerHeight = Math.max(0, viewport.height - BARS_HEIGHT);
  const drawn = drawnSizes(states, viewport.width, centerHeight);
  const update = (name: PanelName, change: (state: PanelStates[PanelName]) => PanelStates[PanelName]) => {
    setStates((current) => {
      const next = { ...current, [name]: change(current[name]) };
      savePanels(localStorage, next);
      return next;
    });
  };
  return {
    states,
    drawn,
    centerHeight,
    resize: (name, size) => update(name, () => ({ open: true, size })),
    toggle: (name) => {
      // A panel folded to its rail by a narrow window opens when asked: the other side panel folds instead.
      if (name !== 'dock' && drawn.squeezed.includes(name)) update(name === 'palette' ? 'inspector' : 'palette', (state) => ({ ...state, open: false }));
      else update(name, (state) => ({ ...state, open: !state.open }));
    },
    reset: (name) => update(name, () => DEFAULT_PANELS[name]),
  };
}
