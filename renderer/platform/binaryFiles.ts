// Binary files the app writes and reads (exported models, packages, checkpoints): saved as a
// download (a browser's download; Electron asks where, as it does for any download) and picked with
// a file input, in Electron and in a browser alike.

/** Saves bytes under a name as a download. */
export function downloadBytes(name: string, data: ArrayBuffer, type = 'application/octet-stream'): void {
  const url = URL.createObjectURL(new Blob([data], { type }));
  const anchor = document.createElement('a');
  anchor.href = url;
  anchor.download = name;
  anchor.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export interface PickedFile {
  readonly name: string;
  readonly data: ArrayBuffer;
}

/** Asks for one file (`accept`: extensions such as ".ckpt"); null when the user cancels. */
export function pickBytes(accept: string): Promise<PickedFile | null> {
  return new Promise((resolve, reject) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = accept;
    input.addEventListener(
      'change',
      () => {
        const file = input.files?.[0];
        if (file === undefined) return resolve(null);
        file.arrayBuffer().then((data) => resolve({ name: file.name, data }), reject);
      },
      { once: true },
    );
    input.addEventListener('cancel', () => resolve(null), { once: true });
    input.click();
  });
}
