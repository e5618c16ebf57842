// Interpolating in the latent space: two examples picked on the plane, the codes on the straight
// line between theirs decoded by the worker, shown as a strip and drawn as a path.
import { useState } from 'react';
import type { EngineEvent } from '../../engine/protocol/index.ts';
import type { EngineClient } from '../engine-client/engineClient.ts';
import { imageSheet, type SheetImage } from './labImages.ts';

export const INTERPOLATION_STEPS = 9;

export interface Interpolation {
  /** Positions in the latent answer of the examples picked (0, 1 or 2). */
  readonly picked: readonly number[];
  readonly line: { readonly images: SheetImage; readonly path: Float32Array; readonly steps: number } | null;
  readonly error: string | null;
  /** Picks the example at a position (-1: none near the press); the second pick asks for the line. */
  pick(position: number): void;
}

/** The next picks: a first, a second, then a new first. */
export function nextPicks(picked: readonly number[], position: number): number[] {
  return picked.length === 1 && picked[0] !== position ? [picked[0], position] : [position];
}

export function useInterpolation(client: EngineClient, latent: Extract<EngineEvent, { type: 'latent' }>): Interpolation {
  const [picked, setPicked] = useState<number[]>([]);
  const [line, setLine] = useState<Interpolation['line']>(null);
  const [error, setError] = useState<string | null>(null);
  const pick = (position: number) => {
    if (position < 0) return;
    const chosen = nextPicks(picked, position);
    setPicked(chosen);
    if (chosen.length < 2) return;
    client.interpolateLatent(latent.indices[chosen[0]], latent.indices[chosen[1]], INTERPOLATION_STEPS, latent.projection ?? undefined).then(
      (answer) => {
        setLine({ images: imageSheet(answer.images), path: new Float32Array(answer.points), steps: answer.images.count });
        setError(null);
      },
      (failure: unknown) => setError(failure instanceof Error ? failure.message : String(failure)),
    );
  };
  return { picked, line, error, pick };
}
