import { BrowserWindow, session, type Session } from 'electron';
import { randomUUID } from 'node:crypto';
import {
  LOAD_FONTS_SCRIPT,
  printEachPass,
  singlePass,
  withDeadline,
  type NextPass,
  type PdfPrinter,
  type PrintLimits,
} from '../services/export/pdf/printer.js';
import { APP_SCHEME, appUrl, PRINT_HOST } from './app-scheme.js';
import { denyPermissions } from './security.js';

/**
 * The desktop app prints with its own Chromium (`webContents.printToPDF`): no browser to
 * install. Each print gets a hidden window of its own, in a session of its own: the app's
 * session serves the editor (and its Content-Security-Policy, which would refuse the print
 * document's embedded font). The print session serves the documents being printed, from
 * memory at `app://print/<id>.html`, and loads nothing else but their data: URLs.
 */

/** The documents being printed, by their URL; each is removed when its print ends. */
const documents = new Map<string, string>();
let printSession: Session | undefined;

function documentResponse(request: Request): Response {
  const html = appUrl(request.url, PRINT_HOST) && documents.get(request.url);
  if (request.method !== 'GET' || html === undefined) {
    return new Response('Introuvable.', {
      status: 404,
      headers: { 'Content-Type': 'text/plain; charset=utf-8' },
    });
  }
  return new Response(html, {
    headers: { 'Content-Type': 'text/html; charset=utf-8', 'X-Content-Type-Options': 'nosniff' },
  });
}

function isolatedSession(): Session {
  if (printSession) return printSession;
  const own = session.fromPartition('fiches-print');
  denyPermissions(own);
  own.protocol.handle(APP_SCHEME, documentResponse);
  own.webRequest.onBeforeRequest((details, callback) => {
    callback({ cancel: !documents.has(details.url) && !details.url.startsWith('data:') });
  });
  printSession = own;
  return own;
}

export class ElectronPrinter implements PdfPrinter {
  print(html: string, timeoutMs: number): Promise<Uint8Array> {
    return this.printPasses(html, { timeoutMs }, singlePass);
  }

  async printPasses(html: string, limits: PrintLimits, next: NextPass): Promise<Uint8Array> {
    const url = `${APP_SCHEME}://${PRINT_HOST}/${randomUUID()}.html`;
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
    documents.set(url, html);
    try {
      return await withDeadline(
        limits,
        async () => {
          await window.loadURL(url);
          // The document has no script (its policy forbids them); this only loads its font.
          await window.webContents.executeJavaScript(LOAD_FONTS_SCRIPT);
          const { webContents } = window;
          return printEachPass(
            {
              run: async (script) => {
                await webContents.executeJavaScript(script);
              },
              print: async (draft) => {
                const pdf = await webContents.printToPDF({
                  pageSize: 'A4',
                  preferCSSPageSize: true,
                  printBackground: !draft,
                  generateTaggedPDF: !draft,
                  generateDocumentOutline: !draft,
                });
                return new Uint8Array(pdf.buffer, pdf.byteOffset, pdf.byteLength);
              },
            },
            next,
          );
        },
        async () => window.destroy(),
      );
    } finally {
      documents.delete(url);
      if (!window.isDestroyed()) window.destroy();
    }
  }

  /** Nothing is kept between prints. */
  async close(): Promise<void> {}
}
