// The autosave slot: one file in the user-data folder.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileAtomically } from './fileService.ts';

export interface AutosaveFile {
  read(): Promise<string | null>;
  write(text: string): Promise<void>;
}

export function createAutosaveFile(userDataFolder: string): AutosaveFile {
  const path = join(userDataFolder, 'autosave.netloom.json');
  return {
    async read() {
      try {
        return await readFile(path, 'utf8');
      } catch (cause) {
        if ((cause as NodeJS.ErrnoException).code === 'ENOENT') return null;
        throw cause;
      }
    },
    write: (text) => writeFileAtomically(path, text),
  };
}
