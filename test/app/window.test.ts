// Runs the real createMainWindow against a stand-in for Electron, to check the options it passes
// and that the navigation guard and the external-link check are what the window gets.
import { beforeEach, describe, expect, it, vi } from 'vitest';

type Listener = (...values: unknown[]) => void;

const electron = vi.hoisted(() => {
  const state = { options: null as unknown, listeners: new Map<string, Listener[]>(), openHandler: null as ((details: { url: string }) => unknown) | null, opened: [] as string[], loaded: [] as string[] };
  class BrowserWindow {
    readonly webContents = {
      on(name: string, listener: Listener) {
        state.listeners.set(name, [...(state.listeners.get(name) ?? []), listener]);
      },
      setWindowOpenHandler(handler: (details: { url: string }) => unknown) {
        state.openHandler = handler;
      },
    };
    constructor(options: unknown) {
      state.options = options;
    }
    once(): void {}
    async loadURL(url: string): Promise<void> {
      state.loaded.push(url);
    }
  }
  const shell = {
    async openExternal(url: string) {
      state.opened.push(url);
    },
  };
  return { state, module: { BrowserWindow, shell, dialog: { showMessageBoxSync: () => 1 } } };
});

vi.mock('electron', () => electron.module);

const { createMainWindow } = await import('../../app/main/window.ts');
const { EXTERNAL_LINK_HOSTS } = await import('../../app/main/externalLinks.ts');

function emit(name: string, url: string, isMainFrame = true): boolean {
  let prevented = false;
  for (const listener of electron.state.listeners.get(name) ?? []) listener({ url, isMainFrame, preventDefault: () => (prevented = true) });
  return prevented;
}

describe('main window', () => {
  beforeEach(() => {
    electron.state.listeners.clear();
    electron.state.opened.length = 0;
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    createMainWindow({ preload: '/app/build/electron/preload.cjs', url: 'netloom://app/index.html', trustedOrigins: ['netloom://app'] });
  });

  it('is isolated and sandboxed, without Node', () => {
    expect(electron.state.options).toMatchObject({
      webPreferences: { preload: '/app/build/electron/preload.cjs', contextIsolation: true, sandbox: true, nodeIntegration: false, nodeIntegrationInWorker: false, webSecurity: true, allowRunningInsecureContent: false, webviewTag: false },
    });
    expect(electron.state.loaded.at(-1)).toBe('netloom://app/index.html');
  });

  it('guards will-navigate, will-redirect and will-frame-navigate, allowing only netloom://app', () => {
    for (const name of ['will-navigate', 'will-redirect', 'will-frame-navigate']) {
      expect(emit(name, 'netloom://app/index.html?example=xo-cnn'), name).toBe(false);
      expect(emit(name, 'https://example.com/'), name).toBe(true);
      expect(emit(name, 'file:///etc/passwd', false), name).toBe(true);
    }
    expect(electron.state.listeners.get('will-attach-webview')).toHaveLength(1);
  });

  it('denies every new window and opens no host off the allow-list', async () => {
    expect(electron.state.openHandler?.({ url: 'https://example.com/' })).toEqual({ action: 'deny' });
    expect(emit('will-navigate', 'https://example.com/followed')).toBe(true);
    await Promise.resolve();
    expect(EXTERNAL_LINK_HOSTS).not.toContain('example.com');
    expect(electron.state.opened).toEqual([]);
    expect(console.warn).toHaveBeenCalledWith(expect.stringContaining('Refused to open "https://example.com/" outside the app'));
  });
});
