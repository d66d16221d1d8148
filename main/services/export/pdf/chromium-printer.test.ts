import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppFailure } from '../../../../shared/result.js';
import { pdfText } from '../../testing/poppler.js';
import { ChromiumPrinter } from './chromium-printer.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'fiches-chromium-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

async function fakeChromium(name: string, script: string): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, `#!/bin/sh\n${script}\n`);
  await chmod(path, 0o755);
  return path;
}

async function failure(printer: ChromiumPrinter, timeoutMs = 30_000): Promise<AppFailure> {
  try {
    await printer.print('<p>Bonjour</p>', timeoutMs);
  } catch (error) {
    if (error instanceof AppFailure) return error;
    throw error;
  } finally {
    await printer.close();
  }
  throw new Error('the print succeeded');
}

describe('a Chromium that cannot print', () => {
  it('says what to install when FICHES_CHROMIUM names nothing', async () => {
    const error = await failure(new ChromiumPrinter({ env: { FICHES_CHROMIUM: '/nonexistent/chromium' } }));
    expect(error.code).toBe('unsupported');
    expect(error.message).toContain('«\u00a0/nonexistent/chromium\u00a0»');
    expect(error.message).toContain('apt-get install chromium');
    expect(error.message).toContain('FICHES_CHROMIUM');
  });

  it('refuses a file that is not a program', async () => {
    const path = join(dir, 'not-a-program');
    await writeFile(path, 'rien');
    const error = await failure(new ChromiumPrinter({ env: { FICHES_CHROMIUM: path } }));
    expect(error.message).toMatch(/n’est pas un programme exécutable/);
  });

  it('reports a Chromium that exits at once', async () => {
    const path = await fakeChromium('exits', 'echo "chromium: cassé" >&2; exit 1');
    const error = await failure(new ChromiumPrinter({ env: { FICHES_CHROMIUM: path } }));
    expect(error.code).toBe('unsupported');
    expect(error.message).toMatch(/^Impossible d’exporter en PDF\u00a0: Chromium \(/);
    expect(error.message).toContain('n’a pas pu démarrer');
    expect(error.message).toContain('apt-get install chromium');
  });

  it('gives up on a Chromium that never answers, without hanging', async () => {
    const path = await fakeChromium('hangs', 'sleep 60');
    const error = await failure(
      new ChromiumPrinter({ env: { FICHES_CHROMIUM: path }, launchTimeoutMs: 1_000 }),
    );
    expect(error.message).toContain('il n’a pas répondu en 1\u00a0s');
  });
});

describe('the print deadline', () => {
  it('abandons a print past its deadline, and the next print starts afresh', async () => {
    const printer = new ChromiumPrinter();
    try {
      const late = await printer.print('<p>Bonjour</p>', 1).catch((error: unknown) => error);
      expect(late).toBeInstanceOf(AppFailure);
      expect((late as AppFailure).message).toMatch(/^L’impression du PDF a été abandonnée après 0\u00a0s/);
      const pdf = await printer.print('<p>Bonjour</p>', 60_000);
      expect(Buffer.from(pdf.subarray(0, 5)).toString('latin1')).toBe('%PDF-');
    } finally {
      await printer.close();
    }
  });

  it('prints one loading of a document pass after pass, each after its own script', async () => {
    const printer = new ChromiumPrinter();
    try {
      const passes = [
        { draft: true, script: `document.querySelector('p').textContent = 'un'` },
        { draft: false, script: `document.querySelector('p').textContent += ' deux'` },
      ];
      let printings = 0;
      const pdf = await printer.printPasses('<p>zéro</p>', { timeoutMs: 60_000 }, async (printed) => {
        if (printed) printings += 1;
        return passes.shift();
      });
      expect(printings).toBe(2);
      // The second script found the first one's text: the document was not loaded again.
      const file = join(dir, 'passes.pdf');
      await writeFile(file, pdf);
      expect((await pdfText(file)).trim()).toBe('un deux');
    } finally {
      await printer.close();
    }
  });

  it('abandons a print its caller stops, and the next print starts afresh', async () => {
    const printer = new ChromiumPrinter();
    try {
      const controller = new AbortController();
      const stopped = printer
        .printPasses('<p>Bonjour</p>', { timeoutMs: 60_000, signal: controller.signal }, async () => {
          controller.abort();
          return { draft: false };
        })
        .catch((error: unknown) => error);
      expect(await stopped).toMatchObject({ details: { reason: 'cancelled' } });
      const pdf = await printer.print('<p>Bonjour</p>', 60_000);
      expect(Buffer.from(pdf.subarray(0, 5)).toString('latin1')).toBe('%PDF-');
    } finally {
      await printer.close();
    }
  });

  it('prints one document at a time, in order', async () => {
    const printer = new ChromiumPrinter();
    try {
      const pdfs = await Promise.all(
        ['un', 'deux', 'trois'].map((word) => printer.print(`<p>${word}</p>`, 60_000)),
      );
      expect(pdfs.every((pdf) => pdf.byteLength > 500)).toBe(true);
    } finally {
      await printer.close();
    }
  });
});
