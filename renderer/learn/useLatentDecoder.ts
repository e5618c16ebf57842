// Decoding the latent plane live: the newest point wins, one request in flight at a time (a drag
// asks for many points; those passed over while the worker was busy are skipped). New codes (the
// run trained on) decode the last point again under the new weights.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { EngineEvent, LatentProjection } from '../../engine/protocol/index.ts';
import type { EngineClient } from '../engine-client/engineClient.ts';

type Decoded = Extract<EngineEvent, { type: 'decoded' }>;

export function useLatentDecoder(client: EngineClient | null, projection: LatentProjection | undefined, step: number): { decoded: Decoded | null; error: string | null; decode: (point: readonly [number, number]) => void } {
  const [decoded, setDecoded] = useState<Decoded | null>(null);
  const [error, setError] = useState<string | null>(null);
  const queue = useRef<{ busy: boolean; next: readonly [number, number] | null }>({ busy: false, next: null });
  const last = useRef<readonly [number, number] | null>(null);
  const decode = useCallback(
    (point: readonly [number, number]) => {
      if (client === null) return;
      last.current = point;
      queue.current.next = point;
      if (queue.current.busy) return;
      const send = () => {
        const next = queue.current.next;
        queue.current.next = null;
        if (next === null) {
          queue.current.busy = false;
          return;
        }
        queue.current.busy = true;
        client
          .decodeLatent([next[0], next[1]], projection)
          .then(
            (answer) => {
              setDecoded(answer);
              setError(null);
            },
            (failure: unknown) => setError(failure instanceof Error ? failure.message : String(failure)),
          )
          .finally(send);
      };
      send();
    },
    [client, projection],
  );
  useEffect(() => {
    if (last.current !== null) decode(last.current);
  }, [step, decode]);
  return { decoded, error, decode };
}
