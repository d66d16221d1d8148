import { describe, expect, it, vi } from 'vitest';
import { AppFailure } from '../../shared/result.js';
import { ElectronPrinter } from './pdf-printer.js';
import type { FakeSession } from './testing/fake-electron.js';
import { BrowserWindow, FakeWebContents, session } from './testing/fake-electron.js';
import { expectEverythingRefused } from './testing/permissions.js';

vi.mock('electron', () => import('./testing/fake-electron.js'));

/** The desktop printer: a hidden window per print, in a session that loads the document and nothing else. */

const HTML = '<!doctype html><html lang="fr"><title>Big Data</title><p>Données massives</p></html>';

function lastWindow(): BrowserWindow {
  const window = BrowserWindow.instances.at(-1);
  if (!window) throw new Error('no window');
  return window;
}

function printSession(): FakeSession {
  return session.fromPartition.mock.results[0]?.value as FakeSession;
}

describe('ElectronPrinter', () => {
  it('prints the document served from app://print, in an isolated window destroyed afterwards', async () => {
    const pdf = await new ElectronPrinter().print(HTML, 10_000);
    expect(Buffer.from(pdf).toString()).toBe('%PDF-1.7 faux');

    const window = lastWindow();
    const [url] = window.loadURL.mock.calls[0] ?? [];
    expect(url).toMatch(/^app:\/\/print\/[0-9a-f-]{36}\.html$/);
    expect(window.loadedBody).toBe(HTML);
    expect(window.options.webPreferences).toMatchObject({
      session: printSession(),
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
    });
    expect(window.webContents.printToPDF).toHaveBeenCalledWith(
      expect.objectContaining({ pageSize: 'A4', generateTaggedPDF: true, generateDocumentOutline: true }),
    );
    expect(window.isDestroyed()).toBe(true);
    // Served for its own print only.
    expect((await printSession().protocol.fetch(url as string)).status).toBe(404);
  });

  it('lets its session load the document being printed and data: URLs (fonts, images), nothing else', async () => {
    const printer = new ElectronPrinter();
    let documentUrl = '';
    const allowed: Record<string, boolean> = {};
    const printing = printer.print(HTML, 10_000);
    await vi.waitFor(() => expect(lastWindow().loadURL).toHaveBeenCalled());
    documentUrl = lastWindow().loadURL.mock.calls[0]?.[0] as string;
    for (const url of [
      documentUrl,
      'data:font/woff2;base64,d09GMg==',
      'file:///etc/passwd',
      'file:///tmp/fiches-print-x/fiche.html',
      'https://evil.example/track.png',
      'app://fiches/index.html',
      'app://print/00000000-0000-0000-0000-000000000000.html',
      `${documentUrl}?x`,
    ]) {
      allowed[url] = printSession().allows(url);
    }
    await printing;
    expect(
      Object.entries(allowed)
        .filter(([, yes]) => yes)
        .map(([url]) => url),
    ).toEqual([documentUrl, 'data:font/woff2;base64,d09GMg==']);
    expect((await printSession().protocol.fetch('app://fiches/index.html')).status).toBe(404);
  });

  it('prints one loading pass after pass: each pass’s script run first, a draft without tags or outline', async () => {
    const passes = [
      { draft: true, script: 'brouillon()' },
      { draft: false, script: 'numeros()' },
    ];
    const printed: Uint8Array[] = [];
    const pdf = await new ElectronPrinter().printPasses(HTML, { timeoutMs: 10_000 }, async (last) => {
      if (last) printed.push(last);
      return passes.shift();
    });
    expect(printed).toHaveLength(2);
    expect(pdf).toBe(printed[1]);
    const window = lastWindow();
    expect(window.loadURL).toHaveBeenCalledTimes(1);
    expect(window.webContents.executeJavaScript.mock.calls.map(([code]) => code).slice(1)).toEqual([
      'brouillon()',
      'numeros()',
    ]);
    expect(window.webContents.printToPDF.mock.calls.map(([options]) => options)).toMatchObject([
      { generateTaggedPDF: false, generateDocumentOutline: false, printBackground: false },
      { generateTaggedPDF: true, generateDocumentOutline: true, printBackground: true },
    ]);
    expect(window.isDestroyed()).toBe(true);
  });

  it('stops when its caller aborts, destroying the window', async () => {
    const output = FakeWebContents.printOutput;
    FakeWebContents.printOutput = () => new Promise(() => undefined);
    const controller = new AbortController();
    try {
      const printing = new ElectronPrinter().printPasses(
        HTML,
        { timeoutMs: 10_000, signal: controller.signal },
        async () => ({ draft: false }),
      );
      await vi.waitFor(() => expect(lastWindow().webContents.printToPDF).toHaveBeenCalled());
      controller.abort();
      await expect(printing).rejects.toMatchObject({ details: { reason: 'cancelled' } });
    } finally {
      FakeWebContents.printOutput = output;
    }
    expect(lastWindow().isDestroyed()).toBe(true);
  });

  it('refuses every permission and device in its session', async () => {
    await new ElectronPrinter().print(HTML, 10_000);
    expectEverythingRefused(printSession(), lastWindow().webContents);
  });

  it('gives up at the deadline, destroying the window, and serves the document no more', async () => {
    const output = FakeWebContents.printOutput;
    FakeWebContents.printOutput = () => new Promise(() => undefined);
    try {
      await expect(new ElectronPrinter().print(HTML, 50)).rejects.toBeInstanceOf(AppFailure);
    } finally {
      FakeWebContents.printOutput = output;
    }
    const window = lastWindow();
    expect(window.isDestroyed()).toBe(true);
    const url = window.loadURL.mock.calls[0]?.[0] as string;
    expect((await printSession().protocol.fetch(url)).status).toBe(404);
  });
});
