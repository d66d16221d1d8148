import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFDocument, PDFName } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pdfText } from '../../testing/poppler.js';
import { draftScript, pageNumbersScript, volumeCss } from '../print/volume.js';
import { ChromiumPrinter } from './chromium-printer.js';
import type { PrintMetadata } from '../print/document.js';
import type { PdfPrinter, PrintPass } from './printer.js';
import { destinationPages, printVolume } from './volume.js';

/**
 * The volume's two printings of one loaded document (volume.ts): a draft that paints only
 * the link targets yet puts them on the pages where the full print puts them, then the
 * page numbers written into the same page, no reload.
 */

const HTML = `<!doctype html><html lang="fr"><head><meta charset="utf-8"><style>${volumeCss}
@page { size: A4; margin: 20mm; }
.long { break-before: page; }
</style></head><body>
<nav><p class="toc-entry"><a href="#fiche"><span class="toc-text">La fiche</span><span class="toc-page" data-page-of="fiche"></span></a></p></nav>
<p class="long">Une page de texte avant la fiche.</p>
<article id="fiche" class="long"><h1>Big Data</h1><p>Le texte de la fiche.</p></article>
</body></html>`;

let dir: string;
let printer: ChromiumPrinter;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'fiches-volume-pdf-'));
  printer = new ChromiumPrinter();
});
afterAll(async () => {
  await printer.close();
  await rm(dir, { recursive: true, force: true });
});

async function textOf(pdf: Uint8Array, name: string): Promise<string> {
  const file = join(dir, name);
  await writeFile(file, pdf);
  return pdfText(file);
}

describe('the volume’s printings', () => {
  it('prints a draft of the link targets alone, then the volume with its numbers written in', async () => {
    const printed: Uint8Array[] = [];
    const final = await printer.printPasses(HTML, { timeoutMs: 60_000 }, async (pdf) => {
      if (pdf) printed.push(pdf);
      if (!pdf) return { draft: true, script: draftScript };
      if (printed.length === 1)
        return { draft: false, script: pageNumbersScript(await destinationPages(pdf)) };
      return undefined;
    });
    const [draft] = printed;
    expect(await destinationPages(draft!)).toEqual(new Map([['fiche', 3]]));
    // Nothing of the text is drawn in the draft, nor tagged.
    expect((await textOf(draft!, 'draft.pdf')).trim()).toBe('');
    const tagged = async (pdf: Uint8Array) =>
      (await PDFDocument.load(pdf)).catalog.has(PDFName.of('StructTreeRoot'));
    expect(await tagged(draft!)).toBe(false);

    expect(final).toBe(printed[1]);
    expect(await tagged(final)).toBe(true);
    expect(await destinationPages(final)).toEqual(new Map([['fiche', 3]]));
    const text = await textOf(final, 'final.pdf');
    expect(text).toMatch(/La fiche\s*3/);
    expect(text).toContain('Le texte de la fiche.');
  }, 60_000);

  it('prints the volume again when a page moved after the numbers were written in, then stops', async () => {
    const passes: PrintPass[] = [];
    const printer: PdfPrinter = {
      print: () => Promise.reject(new Error('not used')),
      close: async () => undefined,
      printPasses: async (_html, _limits, next) => {
        let printed: Uint8Array | undefined;
        for (let pass = await next(undefined); pass; pass = await next(printed)) {
          passes.push(pass);
          printed = new Uint8Array([passes.length]);
        }
        return printed!;
      },
    };
    const draft = new Map([['fiche', 3]]);
    const moved = new Map([['fiche', 4]]);
    const finished: number[] = [];
    const volume = await printVolume(
      { html: '<p>Recueil</p>', metadata: {} as PrintMetadata, warnings: ['Big Data : à vérifier'] },
      printer,
      { timeoutMs: 60_000 },
      {
        pagesOf: async () => draft,
        finish: async (pdf) => {
          finished.push(pdf[0]!);
          return { bytes: new Uint8Array([100 + pdf[0]!]), pages: moved };
        },
      },
    );
    expect(passes.map((pass) => pass.draft)).toEqual([true, false, false]);
    expect(passes[1]?.script).toContain('"fiche":3');
    expect(passes[2]?.script).toContain('"fiche":4');
    // The third printing found the pages where the second had: it is the volume.
    expect(finished).toEqual([2, 3]);
    expect([...volume.bytes]).toEqual([103]);
    expect(volume.warnings).toEqual(['Big Data : à vérifier']);
  });
});
