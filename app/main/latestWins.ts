// A queue of writes to one place, run one at a time, where only the newest waiting request matters:
// a request made while a write runs replaces any older one still waiting, so an older write can
// never finish after a newer one.

export interface LatestWinsQueue<T> {
  /** Resolves once this value, or a newer one that superseded it, has been written. */
  submit(value: T): Promise<void>;
  /** Resolves when no write is running or waiting. */
  idle(): Promise<void>;
}

interface Waiting<T> {
  value: T;
  readonly promise: Promise<void>;
  resolve(): void;
  reject(cause: unknown): void;
}

function waiting<T>(value: T): Waiting<T> {
  let resolve = (): void => undefined;
  let reject = (_cause: unknown): void => undefined;
  const promise = new Promise<void>((onResolve, onReject) => {
    resolve = onResolve;
    reject = onReject;
  });
  return { value, promise, resolve, reject };
}

export function createLatestWinsQueue<T>(run: (value: T) => Promise<void>): LatestWinsQueue<T> {
  let running = false;
  let pending: Waiting<T> | null = null;
  const idleWaiters: (() => void)[] = [];
  function start(job: Waiting<T>): void {
    running = true;
    (async () => run(job.value))()
      .then(job.resolve, job.reject)
      .finally(() => {
        const next = pending;
        pending = null;
        if (next !== null) return start(next);
        running = false;
        for (const resolve of idleWaiters.splice(0)) resolve();
      });
  }
  return {
    submit(value) {
      if (!running) {
        const job = waiting(value);
        start(job);
        return job.promise;
      }
      if (pending === null) pending = waiting(value);
      else pending.value = value;
      return pending.promise;
    },
    idle: () => (running ? new Promise<void>((resolve) => idleWaiters.push(resolve)) : Promise.resolve()),
  };
}
