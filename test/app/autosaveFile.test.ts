import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { removeFileDurably, writeFileAtomically } from '../../app/main/atomicWrite.ts';
import { AUTOSAVE_STATE_FILE, AUTOSAVE_TEXT_FILE, bindingFor, createAutosaveFile, stateFileText, textDigest, type AutosaveStorage } from '../../app/main/autosaveFile.ts';
import { createLatestWinsQueue } from '../../app/main/latestWins.ts';
import type { AutosaveRequest } from '../../app/contract/index.ts';

const delay = (milliseconds: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, milliseconds));

/** The real durable storage, recording each operation, and failing (a crash) at one of them if asked. */
function recordingStorage(options: { crashAt?: number; delays?: number[] } = {}) {
  const operations: string[] = [];
  let running = 0;
  let mostAtOnce = 0;
  async function step(name: string, action: () => Promise<void>): Promise<void> {
    const index = operations.length;
    operations.push(name);
    running += 1;
    mostAtOnce = Math.max(mostAtOnce, running);
    try {
      await delay(options.delays?.[index] ?? 0);
      if (index === options.crashAt) throw new Error(`crash at ${name}`);
      await action();
    } finally {
      running -= 1;
    }
  }
  const storage: AutosaveStorage = {
    writeFile: (path, text) => step(`write ${path.endsWith(AUTOSAVE_STATE_FILE) ? 'state' : `text ${text}`}`, () => writeFileAtomically(path, text)),
    removeFile: (path) => step(`remove ${path.endsWith(AUTOSAVE_STATE_FILE) ? 'state' : 'text'}`, () => removeFileDurably(path)),
  };
  return { storage, operations, mostAtOnce: () => mostAtOnce };
}

describe('autosave file', () => {
  let folder = '';
  beforeEach(async () => {
    folder = await mkdtemp(join(tmpdir(), 'netloom-autosave-'));
  });
  afterEach(() => rm(folder, { recursive: true, force: true }));

  const fileA = (): AutosaveRequest['file'] => ({ path: join(folder, 'a.json'), name: 'a.json' });

  it('writes one at a time, so an older write that is slower cannot finish last and win', async () => {
    // Unqueued, the first write (slowest) would rename last and leave "v1".
    const { storage, operations, mostAtOnce } = recordingStorage({ delays: [60, 0, 0, 0] });
    const autosave = createAutosaveFile(folder, storage);
    const writes = ['v1', 'v2', 'v3', 'v4'].map((text) => autosave.write({ text, file: null, saved: false }));
    await Promise.all(writes);
    expect(await autosave.read()).toEqual({ text: 'v4', file: null, saved: false });
    expect(mostAtOnce()).toBe(1);
    // v2 and v3 were superseded while v1 was being written: never written at all.
    expect(operations).toEqual(['write text v1', 'remove state', 'write text v4', 'remove state']);
  });

  it('ends with the newest of many overlapping writes on disk, its binding with it', async () => {
    const autosave = createAutosaveFile(folder);
    const slots = Array.from({ length: 40 }, (_, index) => ({ text: `{"n":${index}}`, file: index % 2 === 0 ? fileA() : null, saved: index % 4 === 0 }));
    await Promise.all(slots.map((slot) => autosave.write(slot)));
    expect(await createAutosaveFile(folder).read()).toEqual(slots.at(-1));
    expect((await readdir(folder)).sort()).toEqual([AUTOSAVE_TEXT_FILE]);
    await autosave.write({ text: '{"n":40}', file: fileA(), saved: true });
    expect(await createAutosaveFile(folder).read()).toEqual({ text: '{"n":40}', file: fileA(), saved: true });
    expect((await readdir(folder)).sort()).toEqual([AUTOSAVE_TEXT_FILE, AUTOSAVE_STATE_FILE]);
  });

  it('drops the binding, keeping the text, when the state file describes another text', async () => {
    const autosave = createAutosaveFile(folder);
    await autosave.write({ text: '{"a":1}', file: fileA(), saved: true });
    expect(JSON.parse(await readFile(join(folder, AUTOSAVE_STATE_FILE), 'utf8'))).toEqual({
      file: fileA(),
      saved: true,
      textBytes: 7,
      textSha256: createHash('sha256').update('{"a":1}').digest('hex'),
    });
    // Same length, other content: caught by the hash, not the length.
    await writeFile(join(folder, AUTOSAVE_TEXT_FILE), '{"a":2}');
    expect(await autosave.read()).toEqual({ text: '{"a":2}', file: null, saved: false });
    expect(bindingFor(stateFileText({ text: 'é', file: fileA(), saved: true }), 'é')).toEqual({ file: fileA(), saved: true });
    expect(bindingFor(JSON.stringify({ file: fileA(), saved: true, textBytes: '7', textSha256: textDigest('{"a":1}').textSha256 }), '{"a":1}')).toEqual({ file: null, saved: false });
    expect(bindingFor(JSON.stringify({ file: fileA(), saved: true, textBytes: 7 }), '{"a":1}')).toEqual({ file: null, saved: false });
    expect(bindingFor('[1,2', '{"a":1}')).toEqual({ file: null, saved: false });
    expect(bindingFor('null', '{"a":1}')).toEqual({ file: null, saved: false });
  });

  it('leaves a consistent pair whichever step a crash interrupts', async () => {
    const before: AutosaveRequest = { text: '{"old":1}', file: fileA(), saved: true };
    const updates: AutosaveRequest[] = [
      { text: '{"new":1}', file: { path: join(folder, 'b.json'), name: 'b.json' }, saved: false },
      { text: '{"new":1}', file: null, saved: false },
    ];
    const outcomes: string[] = [];
    for (const [update, after] of updates.entries()) {
      // Each update is two steps (the text, then its state); crashAt 2 lets both finish.
      for (let crashAt = 0; crashAt <= 2; crashAt += 1) {
        const slot = join(folder, `${update}-${crashAt}`);
        await mkdir(slot);
        await createAutosaveFile(slot).write(before);
        const { storage } = recordingStorage({ crashAt });
        const crashed = await createAutosaveFile(slot, storage).write(after).then(() => false, () => true);
        const restored = await createAutosaveFile(slot).read();
        // The old pair, the new pair, or the new text bound to nothing: never a text with another's binding.
        const outcome = [before, after, { text: after.text, file: null, saved: false }].findIndex((candidate) => JSON.stringify(candidate) === JSON.stringify(restored));
        outcomes.push(`${update}:${crashAt}:${crashed ? 'crash' : 'done'}:${['old', 'new', 'new text unbound'][outcome] ?? JSON.stringify(restored)}`);
        expect((await readdir(slot)).filter((name) => name.endsWith('.tmp'))).toEqual([]);
      }
    }
    expect(outcomes).toEqual([
      '0:0:crash:old',
      '0:1:crash:new text unbound',
      '0:2:done:new',
      '1:0:crash:old',
      // Unbound, the new text without its binding is the new pair itself.
      '1:1:crash:new',
      '1:2:done:new',
    ]);
  });

  it('keeps writing after a failed write, and the caller hears of the failure', async () => {
    const { storage } = recordingStorage({ crashAt: 0 });
    const autosave = createAutosaveFile(folder, storage);
    await expect(autosave.write({ text: 'lost', file: null, saved: false })).rejects.toThrow('crash at write text lost');
    await autosave.write({ text: 'kept', file: null, saved: false });
    expect(await autosave.read()).toEqual({ text: 'kept', file: null, saved: false });
  });

  it('reads an autosave written before the state recorded its text, and retires that state before the text changes', async () => {
    await writeFile(join(folder, AUTOSAVE_TEXT_FILE), '{"legacy":1}');
    await writeFile(join(folder, AUTOSAVE_STATE_FILE), JSON.stringify({ file: fileA(), saved: true }));
    expect(await createAutosaveFile(folder).read()).toEqual({ text: '{"legacy":1}', file: fileA(), saved: true });
    // A crash after the new text but before its state: the old state must not bind the new text.
    const { storage, operations } = recordingStorage({ crashAt: 2 });
    await expect(createAutosaveFile(folder, storage).write({ text: '{"legacy":2}', file: fileA(), saved: true })).rejects.toThrow(/crash/);
    expect(operations).toEqual(['remove state', 'write text {"legacy":2}', 'write state']);
    expect(await createAutosaveFile(folder).read()).toEqual({ text: '{"legacy":2}', file: null, saved: false });
  });
});

describe('latest-wins queue', () => {
  it('settles a superseded request when the newer one that replaced it is written', async () => {
    const written: string[] = [];
    let release = (): void => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const queue = createLatestWinsQueue(async (value: string) => {
      if (value === 'first') await gate;
      written.push(value);
    });
    const settled: string[] = [];
    const first = queue.submit('first').then(() => settled.push('first'));
    const second = queue.submit('second').then(() => settled.push('second'));
    const third = queue.submit('third').then(() => settled.push('third'));
    let idle = false;
    const idleNow = queue.idle().then(() => (idle = true));
    await delay(5);
    expect(written).toEqual([]);
    expect(idle).toBe(false);
    release();
    await Promise.all([first, second, third, idleNow]);
    expect(written).toEqual(['first', 'third']);
    expect(settled).toEqual(['first', 'second', 'third']);
  });
});
