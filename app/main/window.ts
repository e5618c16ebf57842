// The main window, locked down per Electron's security checklist: isolated, sandboxed, no Node,
// no navigation away from the app, no new windows, and a prompt before unsaved work is lost.
import { BrowserWindow, dialog, shell, type Session } from 'electron';
import { isTrustedUrl } from './startUrl.ts';

export interface WindowOptions {
  readonly preload: string;
  readonly url: string;
  readonly trustedOrigins: readonly string[];
}

export function createMainWindow(options: WindowOptions): BrowserWindow {
  const window = new BrowserWindow({
    width: 1440,
    height: 900,
    minWidth: 960,
    minHeight: 600,
    show: false,
    title: 'Netloom',
    backgroundColor: '#0d1015',
    webPreferences: {
      preload: options.preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
    },
  });
  window.once('ready-to-show', () => window.show());
  const contents = window.webContents;
  contents.setWindowOpenHandler(({ url }) => {
    if (url.startsWith('https://')) void shell.openExternal(url);
    return { action: 'deny' };
  });
  contents.on('will-navigate', (event, url) => {
    if (!isTrustedUrl(url, options.trustedOrigins)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.on('will-prevent-unload', (event) => {
    const choice = dialog.showMessageBoxSync(window, {
      type: 'question',
      buttons: ['Discard Changes', 'Cancel'],
      defaultId: 1,
      cancelId: 1,
      message: 'The graph has unsaved changes.',
      detail: 'Close anyway and discard them?',
    });
    if (choice === 0) event.preventDefault();
  });
  void window.loadURL(options.url);
  return window;
}

/** No page gets camera, location, notifications and the like; writing to the clipboard is allowed. */
export function restrictPermissions(session: Session): void {
  const allowed = new Set(['clipboard-sanitized-write']);
  session.setPermissionRequestHandler((_contents, permission, callback) => callback(allowed.has(permission)));
  session.setPermissionCheckHandler((_contents, permission) => allowed.has(permission));
}
