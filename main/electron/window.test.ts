import { describe, expect, it, vi } from 'vitest';
import { createMainWindow } from './window.js';
import { FakeEvent, Menu, type BrowserWindow } from './testing/fake-electron.js';

vi.mock('electron', () => import('./testing/fake-electron.js'));

describe('the main window', () => {
  it('has every isolation switched on explicitly, and loads the renderer from app://fiches', async () => {
    const window = createMainWindow({
      preload: '/opt/Fiches/dist/main/electron/preload.cjs',
    }) as unknown as BrowserWindow;
    expect(window.options.webPreferences).toEqual({
      preload: '/opt/Fiches/dist/main/electron/preload.cjs',
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
    });
    expect(window.loadFile).not.toHaveBeenCalled();
    expect(window.loadURL.mock.calls).toEqual([['app://fiches/index.html']]);
  });

  it('shows itself once its page is ready, not blank before', () => {
    const window = createMainWindow({ preload: '/p.cjs' }) as unknown as BrowserWindow;
    expect(window.show).not.toHaveBeenCalled();
    window.emit('ready-to-show');
    expect(window.show).toHaveBeenCalledOnce();
  });

  it('answers a right-click with its French menu', () => {
    const window = createMainWindow({ preload: '/p.cjs' }) as unknown as BrowserWindow;
    Menu.buildFromTemplate.mockClear();
    window.webContents.emit('context-menu', new FakeEvent(), {
      isEditable: false,
      selectionText: 'Big Data',
      linkURL: '',
      misspelledWord: '',
      dictionarySuggestions: [],
      editFlags: { canCopy: true },
    });
    expect(Menu.buildFromTemplate.mock.calls).toEqual([[[{ role: 'copy', label: 'Copier' }]]]);
  });
});
