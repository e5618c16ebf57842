// A side panel (the palette, the inspector) with its collapse button and resize handle; collapsed,
// a narrow rail with the panel's name that opens it again.
import type { ReactNode } from 'react';
import { SIDE_PANELS } from './panelSizes.ts';
import type { PanelSizes } from './usePanelSizes.ts';
import { Splitter } from './Splitter.tsx';

interface SidePanelProps {
  readonly name: 'palette' | 'inspector';
  /** The panel's name as the user sees it ("Layers", "Inspector"). */
  readonly title: string;
  readonly panels: PanelSizes;
  readonly children: ReactNode;
}

export function SidePanel({ name, title, panels, children }: SidePanelProps) {
  const width = panels.drawn[name];
  const side = name === 'palette' ? 'left' : 'right';
  if (width === 0) {
    return (
      <div className={`side-panel side-${name} is-collapsed`} data-testid={`${name}-rail`}>
        <button type="button" className="side-rail" onClick={() => panels.toggle(name)} aria-expanded={false} aria-label={`Show the ${title.toLowerCase()} panel`} title={`Show the ${title.toLowerCase()} panel`}>
          <span className="side-rail-arrow" aria-hidden>{side === 'left' ? '»' : '«'}</span>
          <span className="side-rail-title">{title}</span>
        </button>
      </div>
    );
  }
  const bounds = SIDE_PANELS[name];
  return (
    <div className={`side-panel side-${name}`} data-testid={`${name}-panel`}>
      {children}
      <button type="button" className="side-collapse" onClick={() => panels.toggle(name)} aria-expanded aria-label={`Hide the ${title.toLowerCase()} panel`} title={`Hide the ${title.toLowerCase()} panel`}>
        {side === 'left' ? '«' : '»'}
      </button>
      <Splitter
        label={`${title.toLowerCase()} panel`}
        axis="x"
        direction={side === 'left' ? 1 : -1}
        size={width}
        min={bounds.min}
        max={bounds.max}
        className={`splitter-${side === 'left' ? 'right' : 'left'}-edge`}
        testId={`${name}-splitter`}
        onResize={(size) => panels.resize(name, size)}
        onToggle={() => panels.toggle(name)}
        onReset={() => panels.reset(name)}
      />
    </div>
  );
}
