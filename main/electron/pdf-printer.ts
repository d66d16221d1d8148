import { app, BrowserWindow, session, type Session } from 'electron';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { PdfPrinter } from '../services/export/pdf/printer.js';
import { withDeadline } from '../services/export/pdf/printer.js';

/**
 * The desktop app prints with its own Chromium (`webContents.printToPDF`): no browser to
 * install. Each print gets a hidden window of its own, in a session of its own: the app's
 * session adds the editor's Content-Security-Policy to every page, which would refuse the
 * print document's embedded font. That session loads nothing but the document itself.
 */

let printSession: Session | undefined;

function isolatedSession(): Session {
  if (printSession) return printSession;
  const own = session.fromPartition('fiches-print');
  own.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  own.setPermissionCheckHandler(() => false);
  own.webRequest.onBeforeRequest((details, callback) => {
    callback({ cancel: !details.url.startsWith('file:') && !details.url.startsWith('data:') });
  });
  printSession = own;
  return own;
}

export class ElectronPrinter implements PdfPrinter {
  async print(html: string, timeoutMs: number): Promise<Uint8Array> {
    const dir = await mkdtemp(join(app.getPath('temp'), 'fiches-print-'));
    const file = join(dir, 'fiche.html');
    const window = new BrowserWindow({
      show: false,
      webPreferences: {
        session: isolatedSession(),
        sandbox: true,
        contextIsolation: true,
        nodeIntegration: false,
        spellcheck: false,
      },
    });
    try {
      return await withDeadline(
        timeoutMs,
        async () => {
          await writeFile(file, html);
          await window.loadURL(pathToFileURL(file).href);
          // The document has no script (its policy forbids them); this only waits for its font.
          await window.webContents.executeJavaScript('document.fonts.ready.then(() => true)');
          const pdf = await window.webContents.printToPDF({
            pageSize: 'A4',
            preferCSSPageSize: true,
            printBackground: true,
            generateTaggedPDF: true,
            generateDocumentOutline: true,
          });
          return new Uint8Array(pdf.buffer, pdf.byteOffset, pdf.byteLength);
        },
        async () => window.destroy(),
      );
    } finally {
      if (!window.isDestroyed()) window.destroy();
      await rm(dir, { recursive: true, force: true });
    }
  }

  /** Nothing is kept between prints. */
  async close(): Promise<void> {}
}
