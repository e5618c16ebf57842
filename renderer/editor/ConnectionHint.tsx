// While a connection is dragged onto a port that refuses it, says why next to the pointer.
import { useConnection, ViewportPortal } from '@xyflow/react';
import type { EditorStore } from '../document/editorStore.ts';
import { checkConnection, proposedBetween } from './connectionCheck.ts';

export function ConnectionHint({ store }: { store: EditorStore }) {
  const connection = useConnection();
  if (!connection.inProgress || connection.toHandle === null || connection.isValid !== false) return null;
  const proposed = proposedBetween(connection.fromHandle, connection.toHandle);
  if (proposed === null) return null;
  const { document, analysis } = store.getState();
  const verdict = checkConnection(document, analysis, proposed);
  if (verdict.ok) return null;
  return (
    <ViewportPortal>
      <div className="connection-hint" role="alert" data-testid="connection-hint" style={{ transform: `translate(${connection.to.x + 12}px, ${connection.to.y}px) translate(0, calc(-100% - 12px))` }}>
        {verdict.reason}
      </div>
    </ViewportPortal>
  );
}
