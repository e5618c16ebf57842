// Where the weights of the graph's run come from when a checkpoint file was loaded for it.
import type { LoadedWeightsNote } from './graphRunsStore.ts';

/** The note's words: what the next Train does, or what the run started from. */
export function weightsNoteText(note: LoadedWeightsNote): string {
  const where = `${note.name} (saved at step ${note.steps})`;
  return note.pending ? `Weights loaded from ${where}: Train continues from them.` : `This run started from the weights in ${where}.`;
}

export function WeightsNote({ note }: { readonly note: LoadedWeightsNote }) {
  return (
    <p className="weights-note" data-testid="weights-note">
      {weightsNoteText(note)}
    </p>
  );
}
