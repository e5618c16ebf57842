// Progress of reading a file (bytes) or decoding images (records).
import type { WorkProgress } from './useDatasetWork.ts';

function describe(progress: WorkProgress): string {
  if (progress.unit === 'records') return `${progress.done.toLocaleString('en-US')} of ${progress.total.toLocaleString('en-US')} images`;
  const megabytes = (bytes: number) => (bytes / 2 ** 20).toFixed(1);
  return `${megabytes(progress.done)} of ${megabytes(progress.total)} MB`;
}

export function ProgressBar({ progress, label }: { progress: WorkProgress | null; label: string }) {
  const fraction = progress === null || progress.total === 0 ? 0 : Math.min(1, progress.done / progress.total);
  return (
    <div className="dataset-progress" data-testid="dataset-progress">
      <progress max={1} value={progress === null ? undefined : fraction} />
      <span>
        {label} {progress === null ? '…' : `${progress.what}: ${describe(progress)}`}
      </span>
    </div>
  );
}
