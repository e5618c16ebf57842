// A drag handle between two panes: drag to resize, arrow keys (Shift: larger steps) to resize from
// the keyboard, Enter to collapse or expand, double-click to go back to the default size.
import { useRef, type KeyboardEvent, type PointerEvent } from 'react';

export interface SplitterProps {
  /** What it resizes, for screen readers and the tooltip ("palette", "training dock"). */
  readonly label: string;
  /** 'x': a vertical bar that moves sideways (side panels); 'y': a horizontal bar (the dock). */
  readonly axis: 'x' | 'y';
  /** +1 when moving right/down grows the pane, -1 when it shrinks it. */
  readonly direction: 1 | -1;
  readonly size: number;
  readonly min: number;
  readonly max: number;
  readonly className?: string;
  readonly testId?: string;
  onResize(size: number): void;
  onToggle(): void;
  onReset(): void;
}

const STEP = 16;
const FAR_STEP = 64;

function keyDelta(event: KeyboardEvent, axis: 'x' | 'y'): number {
  const step = event.shiftKey ? FAR_STEP : STEP;
  const keys = axis === 'x' ? { ArrowLeft: -step, ArrowRight: step } : { ArrowUp: -step, ArrowDown: step };
  return (keys as Record<string, number | undefined>)[event.key] ?? 0;
}

export function Splitter({ label, axis, direction, size, min, max, className, testId, onResize, onToggle, onReset }: SplitterProps) {
  const drag = useRef<{ start: number; size: number } | null>(null);
  const clamp = (value: number) => Math.round(Math.min(max, Math.max(min, value)));
  const onPointerDown = (event: PointerEvent<HTMLDivElement>) => {
    if (event.button !== 0) return;
    event.currentTarget.setPointerCapture(event.pointerId);
    drag.current = { start: axis === 'x' ? event.clientX : event.clientY, size };
    event.preventDefault();
  };
  const onPointerMove = (event: PointerEvent<HTMLDivElement>) => {
    if (drag.current === null) return;
    const moved = (axis === 'x' ? event.clientX : event.clientY) - drag.current.start;
    onResize(clamp(drag.current.size + direction * moved));
  };
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      onToggle();
      return;
    }
    const delta = keyDelta(event, axis);
    if (delta === 0) return;
    event.preventDefault();
    onResize(clamp(size + direction * delta));
  };
  return (
    <div
      role="separator"
      tabIndex={0}
      aria-label={`Resize the ${label}`}
      aria-orientation={axis === 'x' ? 'vertical' : 'horizontal'}
      aria-valuenow={size}
      aria-valuemin={min}
      aria-valuemax={max}
      title={`Drag or use the arrow keys to resize the ${label}; Enter collapses it; double-click resets its size`}
      className={`splitter splitter-${axis}${className === undefined ? '' : ` ${className}`}`}
      data-testid={testId}
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={() => (drag.current = null)}
      onPointerCancel={() => (drag.current = null)}
      onDoubleClick={onReset}
      onKeyDown={onKeyDown}
    />
  );
}
