// Play/pause, previous/next and a scrubber over a lab's steps.
import type { Stepper } from './useStepper.ts';

export function StepControls({ stepper, label }: { stepper: Stepper; label: string }) {
  return (
    <div className="learn-steps" role="group" aria-label={`${label} steps`}>
      <button type="button" onClick={() => stepper.step(-1)} disabled={stepper.index === 0} aria-label="Previous step" title="Previous step">
        ◀
      </button>
      <button type="button" onClick={stepper.toggle} aria-label={stepper.playing ? 'Pause' : 'Play'} title={stepper.playing ? 'Pause' : 'Play'} data-testid={`${label}-play`}>
        {stepper.playing ? '❚❚ Pause' : '▶ Play'}
      </button>
      <button type="button" onClick={() => stepper.step(1)} disabled={stepper.index >= stepper.count - 1} aria-label="Next step" title="Next step" data-testid={`${label}-next`}>
        ▶
      </button>
      <input
        type="range"
        min={0}
        max={Math.max(0, stepper.count - 1)}
        value={stepper.index}
        onChange={(event) => stepper.setIndex(Number(event.target.value))}
        aria-label={`${label} step`}
        data-testid={`${label}-scrub`}
      />
      <span className="learn-step-count">
        step {stepper.index + 1} of {stepper.count}
      </span>
    </div>
  );
}
