// Electron's main process: the app:// scheme, the window, the menu, file dialogs and autosave over IPC.
import { app, BrowserWindow, dialog, Menu, session } from 'electron';
import { CHANNELS, type MenuCommand } from '../contract/index.ts';
import { preloadPathFor, webRootFor } from './appPath.ts';
import { registerAppSchemePrivileges, serveApp } from './appProtocol.ts';
import { createAutosaveFile } from './autosaveFile.ts';
import { contentSecurityPolicy } from './contentSecurity.ts';
import { openDialogOptions, REPLACE_RESPONSE, replaceDialogOptions, saveDialogOptions } from './dialogOptions.ts';
import { createFileService, type FileDialogs } from './fileService.ts';
import { registerIpc } from './ipc.ts';
import { menuTemplate } from './menuTemplate.ts';
import { createRecentFiles } from './recentFiles.ts';
import { devServerUrl, startUrl, trustedOrigins } from './startUrl.ts';
import { createMainWindow, restrictPermissions } from './window.ts';

let mainWindow: BrowserWindow | null = null;

function fileDialogs(): FileDialogs {
  return {
    async chooseFileToOpen() {
      const options = openDialogOptions();
      const result = mainWindow === null ? await dialog.showOpenDialog(options) : await dialog.showOpenDialog(mainWindow, options);
      return result.canceled ? null : (result.filePaths[0] ?? null);
    },
    async chooseFileToSave(defaultPath) {
      const options = saveDialogOptions(defaultPath);
      const result = mainWindow === null ? await dialog.showSaveDialog(options) : await dialog.showSaveDialog(mainWindow, options);
      return result.canceled || result.filePath === undefined || result.filePath === '' ? null : result.filePath;
    },
    async confirmReplace(path) {
      const options = replaceDialogOptions(path);
      const result = mainWindow === null ? await dialog.showMessageBox(options) : await dialog.showMessageBox(mainWindow, options);
      return result.response === REPLACE_RESPONSE;
    },
  };
}

function sendMenuCommand(command: MenuCommand): void {
  const target = BrowserWindow.getFocusedWindow() ?? mainWindow;
  target?.webContents.send(CHANNELS.menuCommand, command);
}

function openWindow(origins: readonly string[]): void {
  mainWindow = createMainWindow({ preload: preloadPathFor(__dirname), url: startUrl(process.env, process.argv), trustedOrigins: origins });
  mainWindow.on('closed', () => {
    mainWindow = null;
  });
}

async function start(): Promise<void> {
  await app.whenReady();
  const devServer = devServerUrl(process.env.NETLOOM_DEV_SERVER_URL);
  const policy = contentSecurityPolicy(devServer?.origin ?? null);
  serveApp(webRootFor(__dirname), policy);
  if (devServer !== null) {
    session.defaultSession.webRequest.onHeadersReceived({ urls: [`${devServer.origin}/*`] }, (details, callback) =>
      callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [policy] } }),
    );
  }
  restrictPermissions(session.defaultSession);
  const origins = trustedOrigins(process.env);
  const recent = createRecentFiles(app.getPath('userData'));
  registerIpc({ files: createFileService(fileDialogs(), app.getPath('documents'), recent), autosave: createAutosaveFile(app.getPath('userData')), recent, trustedOrigins: origins });
  Menu.setApplicationMenu(Menu.buildFromTemplate(menuTemplate(sendMenuCommand, { isMac: process.platform === 'darwin', isDevelopment: devServer !== null })));
  openWindow(origins);
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) openWindow(origins);
  });
}

registerAppSchemePrivileges();
app.enableSandbox();
if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    if (mainWindow === null) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  start().catch((cause: unknown) => {
    dialog.showErrorBox('Netloom could not start', cause instanceof Error ? cause.message : String(cause));
    app.exit(1);
  });
}
