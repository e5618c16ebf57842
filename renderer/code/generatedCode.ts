// The generated PyTorch code kept in step with the graph: each change waits for a pause (debounced),
// then asks for the code; only the answer to the newest request is shown, so a slow answer for an
// older graph never replaces a newer one. Plain TS: the view is thin over it.

export const CODE_DELAY_MS = 300;

export type CodeState = { readonly kind: 'waiting' } | { readonly kind: 'ready'; readonly code: string } | { readonly kind: 'failed'; readonly message: string; readonly code: string | null };

export interface CodeFollower {
  /** The graph changed: ask again after the pause. */
  changed(document: unknown): void;
  dispose(): void;
}

interface Timers {
  setTimeout(run: () => void, delay: number): number;
  clearTimeout(id: number | undefined): void;
}

const windowTimers: Timers = {
  setTimeout: (run, delay) => window.setTimeout(run, delay),
  clearTimeout: (id) => window.clearTimeout(id),
};

export function followCode(generate: (document: unknown) => Promise<string>, show: (state: CodeState) => void, delay = CODE_DELAY_MS, timers: Timers = windowTimers): CodeFollower {
  let timer: number | undefined;
  let latest = 0;
  let lastCode: string | null = null;
  let disposed = false;
  const ask = (document: unknown) => {
    const request = ++latest;
    generate(document).then(
      (code) => {
        if (disposed || request !== latest) return;
        lastCode = code;
        show({ kind: 'ready', code });
      },
      (cause: unknown) => {
        if (disposed || request !== latest) return;
        show({ kind: 'failed', message: cause instanceof Error ? cause.message : String(cause), code: lastCode });
      },
    );
  };
  return {
    changed(document) {
      timers.clearTimeout(timer);
      timer = timers.setTimeout(() => ask(document), delay);
    },
    dispose() {
      disposed = true;
      timers.clearTimeout(timer);
    },
  };
}

/** The line of the first class (the model), where the view opens: the helpers above it are the same for every graph. */
export function firstClassLine(code: string): number {
  const index = code.split('\n').findIndex((line) => line.startsWith('class '));
  return index < 0 ? 1 : index + 1;
}
