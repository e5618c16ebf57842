// Play, pause, step and scrub through a lab's steps: the index of the step on screen.
import { useEffect, useState } from 'react';

export interface Stepper {
  readonly index: number;
  readonly playing: boolean;
  readonly count: number;
  setIndex(index: number): void;
  toggle(): void;
  step(delta: number): void;
}

/** Steps 0..count-1; playing advances one step every `interval` ms and stops at the last. */
export function useStepper(count: number, interval = 700): Stepper {
  const [index, setIndexState] = useState(0);
  const [playing, setPlaying] = useState(false);
  const last = Math.max(0, count - 1);
  const clamped = Math.min(index, last);
  useEffect(() => {
    if (!playing) return undefined;
    if (clamped >= last) {
      setPlaying(false);
      return undefined;
    }
    const timer = window.setTimeout(() => setIndexState(clamped + 1), interval);
    return () => window.clearTimeout(timer);
  }, [playing, clamped, last, interval]);
  return {
    index: clamped,
    playing,
    count,
    setIndex: (next) => setIndexState(Math.max(0, Math.min(last, next))),
    toggle: () => {
      if (!playing && clamped >= last) setIndexState(0);
      setPlaying(!playing);
    },
    step: (delta) => {
      setPlaying(false);
      setIndexState(Math.max(0, Math.min(last, clamped + delta)));
    },
  };
}
