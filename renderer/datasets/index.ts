// renderer/datasets: the dataset panel (built-in sets, a user's own files, the preview).
export { DatasetPanel } from './DatasetPanel.tsx';
export { useDatasetPanel } from './useDatasetPanel.ts';
export { datasetName } from './datasetChoices.ts';
