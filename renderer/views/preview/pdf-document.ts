import type * as PdfJs from 'pdfjs-dist/legacy/build/pdf.mjs';

/**
 * The preview shows the PDF itself, drawn page by page by PDF.js: what the export will write,
 * page breaks, hyphens and running header included. PDF.js is loaded on first use only, so
 * the editor does not carry it; its legacy build also runs in older Electron versions.
 */

let loading: Promise<typeof PdfJs> | undefined;

function pdfjs() {
  loading ??= Promise.all([
    import('pdfjs-dist/legacy/build/pdf.mjs'),
    import('pdfjs-dist/legacy/build/pdf.worker.min.mjs?url'),
  ]).then(([library, worker]) => {
    library.GlobalWorkerOptions.workerSrc = worker.default;
    return library;
  });
  return loading;
}

export function bytesOf(base64: string): Uint8Array {
  return Uint8Array.from(atob(base64), (char) => char.charCodeAt(0));
}

export async function openPdf(bytes: Uint8Array): Promise<PdfJs.PDFDocumentProxy> {
  const library = await pdfjs();
  // Nothing from the machine: every font is embedded in our PDFs.
  return library.getDocument({ data: bytes, useSystemFonts: false }).promise;
}
