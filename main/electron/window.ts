import { BrowserWindow } from 'electron';
import { RENDERER_URL } from './app-scheme.js';
import { installContextMenu } from './context-menu.js';

export interface WindowPaths {
  preload: string;
}

/**
 * The one window of the app, with every isolation Electron offers switched on explicitly.
 * Its page comes from our own scheme (renderer-protocol.ts), never from file:. Right-clicks
 * get the French menu of context-menu.ts.
 */
export function createMainWindow(paths: WindowPaths): BrowserWindow {
  const window = new BrowserWindow({
    width: 1280,
    height: 860,
    minWidth: 800,
    minHeight: 560,
    show: false,
    title: 'Fiches',
    webPreferences: {
      preload: paths.preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInSubFrames: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
    },
  });
  installContextMenu(window.webContents);
  window.once('ready-to-show', () => window.show());
  void window.loadURL(RENDERER_URL);
  return window;
}
