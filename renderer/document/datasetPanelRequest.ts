// Opening the dataset panel from anywhere in the renderer without importing renderer/datasets
// (which sits above the editor): a fix such as "Choose a dataset" calls requestDatasetPanel(), and
// the panel, mounted by the shell, listens for the event on window.
export const CHOOSE_DATASET_EVENT = 'netloom:choose-dataset';

/** Opens the dataset panel for the open graph. */
export function requestDatasetPanel(): void {
  window.dispatchEvent(new Event(CHOOSE_DATASET_EVENT));
}
