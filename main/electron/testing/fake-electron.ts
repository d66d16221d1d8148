import { EventEmitter } from 'node:events';
import os from 'node:os';
import { vi } from 'vitest';

/**
 * Small fakes of the parts of `electron` the shell uses, for the shell's tests in plain
 * Node (no Electron binary here). A test replaces the module with
 * `vi.mock('electron', () => import('./testing/fake-electron.js'))`, drives the fakes as
 * Electron would (emits 'web-contents-created', calls the handlers the shell registered)
 * and reads what the shell did from them. Only what the shell calls is modelled.
 */

/** An Electron event: records whether a listener prevented the default action. */
export class FakeEvent {
  defaultPrevented = false;
  constructor(readonly fields: Record<string, unknown> = {}) {
    Object.assign(this, fields);
  }
  preventDefault(): void {
    this.defaultPrevented = true;
  }
}

export class FakeFrame {
  constructor(
    public url: string,
    readonly processId = 1,
    readonly routingId = 1,
  ) {}
}

let lastContentsId = 0;

export class FakeWebContents extends EventEmitter {
  /** What every printToPDF answers; a test may make it hang. */
  static printOutput: () => Promise<Buffer> = async () => Buffer.from('%PDF-1.7 faux');
  readonly id = ++lastContentsId;
  readonly mainFrame = new FakeFrame('about:blank');
  readonly sent: unknown[][] = [];
  windowOpenHandler: ((details: { url: string }) => { action: string }) | undefined;
  destroyed = false;
  readonly reload = vi.fn();
  readonly executeJavaScript = vi.fn(async (_code: string) => true);
  readonly printToPDF = vi.fn((_options: unknown) => FakeWebContents.printOutput());
  readonly replaceMisspelling = vi.fn((_word: string) => undefined);

  constructor(readonly session: FakeSession) {
    super();
  }
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }): void {
    this.windowOpenHandler = handler;
  }
  send(channel: string, ...args: unknown[]): void {
    this.sent.push([channel, ...args]);
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  isCrashed(): boolean {
    return false;
  }
}

type RequestHandler = (request: Request) => Response | Promise<Response>;

export class FakeProtocol {
  readonly handlers = new Map<string, RequestHandler>();
  handle(scheme: string, handler: RequestHandler): void {
    if (this.handlers.has(scheme)) throw new Error(`scheme ${scheme} is already handled`);
    this.handlers.set(scheme, handler);
  }
  isProtocolHandled(scheme: string): boolean {
    return this.handlers.has(scheme);
  }
  /** What the page would receive for `url`, as Chromium asks it of the handler. */
  async fetch(url: string, init?: RequestInit): Promise<Response> {
    const scheme = new URL(url).protocol.slice(0, -1);
    const handler = this.handlers.get(scheme);
    if (!handler) throw new Error(`no handler for ${scheme}:`);
    return handler(new Request(url, init));
  }
}

type BeforeRequest = (details: { url: string }, callback: (response: { cancel?: boolean }) => void) => void;

export class FakeSession extends EventEmitter {
  permissionRequestHandler: unknown;
  permissionCheckHandler: unknown;
  devicePermissionHandler: unknown;
  displayMediaRequestHandler: unknown;
  bluetoothPairingHandler: unknown;
  usbProtectedClassesHandler: unknown;
  beforeRequest: BeforeRequest | undefined;
  headersReceived: unknown;
  /** Chromium's list has French as plain « fr » (Hunspell dictionary fr-FR-3-0.bdic). */
  availableSpellCheckerLanguages: string[] = ['de', 'en-GB', 'en-US', 'es', 'fr', 'it'];
  readonly setSpellCheckerLanguages = vi.fn((languages: string[]) => {
    const unknown = languages.find((language) => !this.availableSpellCheckerLanguages.includes(language));
    if (unknown) throw new Error(`Invalid language code provided: "${unknown}" is not a valid language code`);
  });
  readonly addWordToSpellCheckerDictionary = vi.fn((_word: string) => true);
  readonly protocol = new FakeProtocol();
  readonly webRequest = {
    onBeforeRequest: (listener: BeforeRequest) => {
      this.beforeRequest = listener;
    },
    onHeadersReceived: (listener: unknown) => {
      this.headersReceived = listener;
    },
  };

  constructor(readonly partition: string) {
    super();
  }
  setPermissionRequestHandler(handler: unknown): void {
    this.permissionRequestHandler = handler;
  }
  setPermissionCheckHandler(handler: unknown): void {
    this.permissionCheckHandler = handler;
  }
  setDevicePermissionHandler(handler: unknown): void {
    this.devicePermissionHandler = handler;
  }
  setDisplayMediaRequestHandler(handler: unknown): void {
    this.displayMediaRequestHandler = handler;
  }
  setBluetoothPairingHandler(handler: unknown): void {
    this.bluetoothPairingHandler = handler;
  }
  setUSBProtectedClassesHandler(handler: unknown): void {
    this.usbProtectedClassesHandler = handler;
  }
  /** Whether the session lets the page load `url` (onBeforeRequest's answer). */
  allows(url: string): boolean {
    if (!this.beforeRequest) return true;
    let cancelled: boolean | undefined;
    this.beforeRequest({ url }, (response) => (cancelled = response.cancel === true));
    if (cancelled === undefined) throw new Error('onBeforeRequest did not answer');
    return !cancelled;
  }
}

const partitions = new Map<string, FakeSession>();

export const session = {
  defaultSession: new FakeSession(''),
  fromPartition: vi.fn((partition: string) => {
    let found = partitions.get(partition);
    if (!found) {
      found = new FakeSession(partition);
      partitions.set(partition, found);
    }
    return found;
  }),
};

export const protocol = Object.assign(session.defaultSession.protocol, {
  registerSchemesAsPrivileged: vi.fn(),
});

export class BrowserWindow extends EventEmitter {
  static readonly instances: BrowserWindow[] = [];
  static getAllWindows(): BrowserWindow[] {
    return BrowserWindow.instances.filter((window) => !window.destroyed);
  }
  static fromWebContents(contents: FakeWebContents): BrowserWindow | null {
    return BrowserWindow.instances.find((window) => window.webContents === contents) ?? null;
  }

  readonly webContents: FakeWebContents;
  destroyed = false;
  readonly show = vi.fn();
  readonly focus = vi.fn();
  readonly restore = vi.fn();
  readonly loadFile = vi.fn(async (_file: string) => undefined);
  /** Loads as Chromium would: the session's handler answers, the main frame gets the URL. */
  readonly loadURL = vi.fn(async (url: string) => {
    const scheme = new URL(url).protocol.slice(0, -1);
    const ownSession = this.webContents.session;
    if (!ownSession.allows(url)) throw new Error(`ERR_BLOCKED_BY_CLIENT (${url})`);
    if (ownSession.protocol.isProtocolHandled(scheme)) {
      const response = await ownSession.protocol.fetch(url);
      if (!response.ok) throw new Error(`ERR_FAILED ${response.status} (${url})`);
      this.loadedBody = await response.text();
    }
    this.webContents.mainFrame.url = url;
  });
  loadedBody: string | undefined;

  constructor(readonly options: { webPreferences?: { session?: FakeSession } } & Record<string, unknown>) {
    super();
    this.webContents = new FakeWebContents(options.webPreferences?.session ?? session.defaultSession);
    BrowserWindow.instances.push(this);
    app.emit('web-contents-created', new FakeEvent(), this.webContents);
  }
  destroy(): void {
    this.destroyed = true;
    this.webContents.destroyed = true;
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  isMinimized(): boolean {
    return false;
  }
}

let becomeReady: () => void = () => {};
const ready = new Promise<void>((resolve) => (becomeReady = resolve));

export const app = Object.assign(new EventEmitter(), {
  whenReady: vi.fn(() => ready),
  /** For the tests: Electron is ready (whenReady resolves). */
  becomeReady: () => becomeReady(),
  getAppPath: vi.fn(() => process.cwd()),
  getPath: vi.fn((_name: string) => os.tmpdir()),
  getVersion: vi.fn(() => '0.0.0-test'),
  enableSandbox: vi.fn(),
  requestSingleInstanceLock: vi.fn(() => true),
  commandLine: { appendSwitch: vi.fn((_name: string, _value?: string) => undefined) },
  quit: vi.fn(),
  exit: vi.fn(),
});

type InvokeListener = (event: unknown, ...args: unknown[]) => unknown;

export const ipcMain = Object.assign(new EventEmitter(), {
  invokeHandlers: new Map<string, InvokeListener>(),
  handle(channel: string, listener: InvokeListener): void {
    if (this.invokeHandlers.has(channel)) throw new Error(`a handler is already registered for ${channel}`);
    this.invokeHandlers.set(channel, listener);
  },
  /** What `ipcRenderer.invoke(channel, ...args)` from `senderFrame` would resolve to. */
  async invokeFrom(senderFrame: FakeFrame | null, channel: string, ...args: unknown[]): Promise<unknown> {
    const listener = this.invokeHandlers.get(channel);
    if (!listener) throw new Error(`no handler for ${channel}`);
    return listener({ senderFrame }, ...args);
  },
});

export const ipcRenderer = Object.assign(new EventEmitter(), {
  send: vi.fn(),
  invoke: vi.fn(async (..._args: unknown[]): Promise<unknown> => ({ ok: true, value: 'answered by main' })),
});

export const contextBridge = {
  exposed: new Map<string, unknown>(),
  exposeInMainWorld: vi.fn((key: string, api: unknown) => {
    if (contextBridge.exposed.has(key)) throw new Error(`${key} is already exposed`);
    contextBridge.exposed.set(key, api);
  }),
};

export const shell = {
  openExternal: vi.fn(async (_url: string) => undefined),
  openPath: vi.fn(async (_path: string) => ''),
};

export const dialog = {
  showOpenDialog: vi.fn(async () => ({ canceled: true, filePaths: [] as string[] })),
  showSaveDialog: vi.fn(async () => ({ canceled: true, filePath: '' })),
  showMessageBox: vi.fn(async () => ({ response: 0 })),
  showErrorBox: vi.fn(),
};

export const clipboard = {
  writeText: vi.fn((_text: string) => undefined),
};

export const Menu = {
  buildFromTemplate: vi.fn((template: unknown[]) => ({ template, popup: vi.fn() })),
  setApplicationMenu: vi.fn(),
};
