// Collects items arriving within one animation frame and hands them over together, so a burst of
// engine events costs one reducer pass and one React render.

/** Runs a callback at the next frame; returns a function that cancels it. */
export type Schedule = (callback: () => void) => () => void;

export function animationFrameSchedule(callback: () => void): () => void {
  const handle = requestAnimationFrame(callback);
  return () => cancelAnimationFrame(handle);
}

export class FrameBatcher<T> {
  private queue: T[] = [];
  private cancel: (() => void) | null = null;

  constructor(
    private readonly deliver: (items: readonly T[]) => void,
    private readonly schedule: Schedule = animationFrameSchedule,
  ) {}

  push(item: T): void {
    this.queue.push(item);
    if (this.cancel === null) this.cancel = this.schedule(() => this.flush());
  }

  /** Delivers what is queued now (nothing when empty). */
  flush(): void {
    this.cancel?.();
    this.cancel = null;
    if (this.queue.length === 0) return;
    const items = this.queue;
    this.queue = [];
    this.deliver(items);
  }

  /** Takes what is queued without delivering it (for a caller that applies it itself). */
  drain(): readonly T[] {
    this.cancel?.();
    this.cancel = null;
    const items = this.queue;
    this.queue = [];
    return items;
  }

  dispose(): void {
    this.cancel?.();
    this.cancel = null;
    this.queue = [];
  }
}
