// The main window, locked down per Electron's security checklist: isolated, sandboxed, no Node,
// no navigation away from the app and no new windows (navigation.ts), links out only to the hosts
// the app links to (externalLinks.ts), and a prompt before unsaved work is lost.
import { BrowserWindow, dialog, shell, type Session } from 'electron';
import { openExternalLink } from './externalLinks.ts';
import { guardNavigation } from './navigation.ts';

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
  const log = (message: string): void => console.warn(message);
  guardNavigation(contents, {
    trustedOrigins: options.trustedOrigins,
    openExternal: (url) => openExternalLink(url, { open: (allowed) => shell.openExternal(allowed), log }),
    log,
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
