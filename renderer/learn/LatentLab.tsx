// The latent lab: an autoencoder's codes of held-out examples as a scatter coloured by class (the
// code itself for a 2-unit bottleneck, its two principal components otherwise); pressing or
// dragging on the plane decodes that point live; picking two examples decodes the line between them.
import { useCallback, useMemo, useState } from 'react';
import type { EngineEvent } from '../../engine/protocol/index.ts';
import type { EngineClient } from '../engine-client/engineClient.ts';
import { imageSheet } from './labImages.ts';
import { classColour, classCounts, nearestPoint, planeDescription, toPlane } from './latentPlane.ts';
import { LatentScatter, SCATTER_SIZE } from './LatentScatter.tsx';
import { SheetCanvas } from './SheetCanvas.tsx';
import { useInterpolation, type Interpolation } from './useInterpolation.ts';
import { useLatentDecoder } from './useLatentDecoder.ts';
import { useRunAnswer, useRunView, type LabRuns } from './useRunAnswer.ts';

/** Held-out examples drawn on the plane. */
export const LATENT_COUNT = 1000;

type Latent = Extract<EngineEvent, { type: 'latent' }>;
type Mode = 'decode' | 'interpolate';

const LEAD = 'An autoencoder squeezes each example into a short code and rebuilds it from that code alone. With 2 numbers in the bottleneck, every example becomes a point in a plane, and every point of the plane decodes to an example.';

function ModeToggle({ mode, onChange }: { mode: Mode; onChange: (mode: Mode) => void }) {
  const choices: readonly (readonly [Mode, string])[] = [
    ['decode', 'Press or drag to decode a point'],
    ['interpolate', 'Pick two examples to interpolate'],
  ];
  return (
    <div className="learn-toggle" role="radiogroup" aria-label="What a click does">
      {choices.map(([value, label]) => (
        <button key={value} type="button" role="radio" aria-checked={mode === value} className={mode === value ? 'active' : ''} onClick={() => onChange(value)}>
          {label}
        </button>
      ))}
    </div>
  );
}

export function LatentLab({ runs }: { runs?: LabRuns }) {
  const view = useRunView(runs);
  const client = view?.client ?? null;
  const ask = useCallback((engine: EngineClient) => engine.latentCodes(LATENT_COUNT), []);
  const { answer: latent, error } = useRunAnswer(view, ask, 2000);
  if (client === null || latent === null) {
    return (
      <section className="learn-lab" aria-label="Latent space lab">
        <p className="learn-lead">{LEAD}</p>
        <p className="learn-note" data-testid="latent-waiting">
          {error ?? 'Train an autoencoder to see its codes here: open the example “Autoencoder with a 2-D latent space” from the start page and press Train.'}
        </p>
      </section>
    );
  }
  return <LatentPlane client={client} latent={latent} />;
}

function LatentPlane({ client, latent }: { client: EngineClient; latent: Latent }) {
  const points = useMemo(() => new Float32Array(latent.points), [latent]);
  const projection = latent.projection ?? undefined;
  const decoder = useLatentDecoder(client, projection, latent.step);
  const interpolation = useInterpolation(client, latent);
  const [cursor, setCursor] = useState<readonly [number, number] | null>(null);
  const [mode, setMode] = useState<Mode>('decode');
  const onPoint = (pixelX: number, pixelY: number, first: boolean) => {
    if (mode === 'decode') {
      const point = toPlane(latent.bounds, SCATTER_SIZE, pixelX, pixelY);
      setCursor(point);
      decoder.decode(point);
    } else if (first) {
      interpolation.pick(nearestPoint(points, latent.bounds, SCATTER_SIZE, pixelX, pixelY));
    }
  };
  const counts = classCounts(latent.labels, latent.classNames.length);
  const interpolating = mode === 'interpolate';
  return (
    <section className="learn-lab" aria-label="Latent space lab">
      <p className="learn-lead">{planeDescription(latent.codeSize, latent.projection)} Examples of a class that land together share what the code keeps; the space between clusters decodes to blends.</p>
      <ModeToggle mode={mode} onChange={setMode} />
      <div className="learn-row">
        <LatentScatter points={points} labels={latent.labels} bounds={latent.bounds} cursor={interpolating ? null : cursor} path={interpolating ? (interpolation.line?.path ?? null) : null} picked={interpolating ? interpolation.picked : []} onPoint={onPoint} />
        <div className="learn-facts">
          <p className="learn-step-count" data-testid="latent-summary">
            {latent.count} held-out examples at step {latent.step}; codes of {latent.codeSize} value{latent.codeSize === 1 ? '' : 's'}.
          </p>
          <div className="learn-key-list" data-testid="latent-legend">
            {latent.classNames.map((name, label) => (
              <span key={name}>
                <i style={{ background: classColour(label) }} /> {name} ({counts[label]})
              </span>
            ))}
          </div>
          {interpolating ? <LineView interpolation={interpolation} latent={latent} /> : <DecodedView decoded={decoder.decoded} cursor={cursor} error={decoder.error} />}
        </div>
      </div>
    </section>
  );
}

function DecodedView({ decoded, cursor, error }: { decoded: ReturnType<typeof useLatentDecoder>['decoded']; cursor: readonly [number, number] | null; error: string | null }) {
  const sheet = useMemo(() => (decoded === null ? null : imageSheet(decoded.images)), [decoded]);
  if (error !== null) return <p className="learn-problem">{error}</p>;
  if (decoded === null || sheet === null || cursor === null) return <p className="learn-note">Press anywhere on the plane: the decoder turns that point into an example.</p>;
  const at = new Float32Array(decoded.points);
  return (
    <figure className="learn-grid-figure">
      <SheetCanvas image={sheet} maxWidth={196} label="Decoded point" testId="latent-decoded" />
      <figcaption data-testid="latent-decoded-point">
        The decoder&apos;s output for ({at[0].toFixed(2)}, {at[1].toFixed(2)})
      </figcaption>
    </figure>
  );
}

function LineView({ interpolation, latent }: { interpolation: Interpolation; latent: Latent }) {
  const { picked, line, error } = interpolation;
  const name = (index: number) => latent.classNames[latent.labels[index]] ?? `example ${latent.indices[index]}`;
  if (error !== null) return <p className="learn-problem">{error}</p>;
  if (picked.length < 2 || line === null) return <p className="learn-note">{picked.length === 1 ? `From a ${name(picked[0])}: now press the example to go to.` : 'Press a point to start the line at that example.'}</p>;
  return (
    <figure className="learn-grid-figure">
      <SheetCanvas image={line.images} maxWidth={600} label="Interpolated examples" testId="latent-interpolation" />
      <figcaption>
        {line.steps} codes on the straight line from a {name(picked[0])} to a {name(picked[1])}, decoded
      </figcaption>
    </figure>
  );
}
