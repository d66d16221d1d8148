import { readFile } from 'node:fs/promises';

/**
 * PDF.js, the reader of the in-app preview (and of Firefox), as a second reader of the
 * PDF tests' text beside poppler: it reads the glyphs' ToUnicode where poppler honours
 * /ActualText, so the two can disagree about the same file.
 */

// PDF.js 6 uses Promise.withResolvers (Node 22); Node 20, which the project supports, lacks it.
const promises = Promise as unknown as { withResolvers?: () => unknown };
promises.withResolvers ??= () => {
  let resolve: unknown;
  let reject: unknown;
  const promise = new Promise((yes, no) => {
    resolve = yes;
    reject = no;
  });
  return { promise, resolve, reject };
};

/** The text of every page in PDF.js's order, a line break where PDF.js ends a line, a form feed after each page. */
export async function pdfJsText(file: string): Promise<string> {
  const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const data = new Uint8Array(await readFile(file));
  const loading = getDocument({ data, useSystemFonts: false });
  const document = await loading.promise;
  try {
    let text = '';
    for (let number = 1; number <= document.numPages; number += 1) {
      const page = await document.getPage(number);
      for (const item of (await page.getTextContent()).items) {
        if ('str' in item) text += item.str + (item.hasEOL ? '\n' : '');
      }
      text += '\n\f';
    }
    return text;
  } finally {
    await loading.destroy();
  }
}
