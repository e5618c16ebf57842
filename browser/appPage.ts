// Reading the app's page in a browser, for the browser tests (test/e2e) and the browser benchmarks
// (bench/) alike: an empty point on the canvas pane, the step the progress panel shows.
import type { Page } from '@playwright/test';

/** A point on the empty pane (not on a node or edge), where a drag pans the canvas. */
export async function panePoint(page: Page): Promise<{ x: number; y: number }> {
  const point = await page.getByTestId('canvas').evaluate((canvas) => {
    const box = canvas.getBoundingClientRect();
    for (let fy = 0.3; fy < 0.9; fy += 0.02) {
      for (let fx = 0.3; fx < 0.9; fx += 0.02) {
        const x = box.left + fx * box.width;
        const y = box.top + fy * box.height;
        if (document.elementFromPoint(x, y)?.classList.contains('react-flow__pane') === true) return { x, y };
      }
    }
    return null;
  });
  if (point === null) throw new Error('found no empty pane to drag on the canvas');
  return point;
}

/** The step the progress panel shows ("125 / 500" -> 125). */
export async function shownStep(page: Page): Promise<number> {
  const text = await page.getByTestId('progress-panel').innerText();
  const match = /step\s+(\d+)\s*\/\s*\d+/i.exec(text);
  return match === null ? 0 : Number(match[1]);
}
