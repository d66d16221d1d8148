import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateRawSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppFailure } from '../../../shared/result.js';
import { bundleScript, runScript } from '../testing/child-script.js';
import { tempDir } from '../testing/fixtures.js';
import { libreOfficeConvert } from '../testing/writers.js';
import { readDocx } from './read-docx.js';
import type { DocxProblem } from './refusal.js';
import { oleFile } from './testing/ole-writer.js';
import { p, rawDocx, rawDocxEntries } from './testing/raw-docx.js';
import { writeZip } from './testing/zip-writer.js';

/**
 * What is not a Word document, or would take more than a Word document does, is refused
 * with a French message saying what it is and what to do; never read half-way.
 */

function refusal(bytes: Buffer, name = 'fiche.docx'): { reason: DocxProblem; message: string } {
  try {
    readDocx(bytes, name);
  } catch (error) {
    if (!(error instanceof AppFailure)) throw error;
    expect(error.code).toBe('unsupported');
    return { reason: error.details?.['reason'] as DocxProblem, message: error.message };
  }
  throw new Error('the document was read');
}

const TEN_MB = 10 * 1024 * 1024;

let work: string;
beforeAll(async () => {
  work = await tempDir('fiches-docx-refusals-');
});
afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

describe('files that are not Word documents', () => {
  it('names empty files, PDFs, RTF and anything else that is not a zip', () => {
    expect(refusal(Buffer.alloc(0))).toMatchObject({ reason: 'empty' });
    expect(refusal(Buffer.from('%PDF-1.7\n%âãÏÓ\n1 0 obj'))).toMatchObject({ reason: 'pdf' });
    expect(refusal(Buffer.from('{\\rtf1\\ansi Bonjour}'))).toMatchObject({ reason: 'rtf' });
    const text = refusal(Buffer.from('Ceci est une fiche en texte brut.'), 'notes.docx');
    expect(text).toEqual({
      reason: 'not-zip',
      message:
        'Le fichier «\u00a0notes.docx\u00a0» n’est pas un document Word (.docx)\u00a0: son contenu n’est pas celui d’un fichier .docx. Vérifiez que c’est bien le bon fichier, ou enregistrez-le au format .docx depuis Word.',
    });
  });

  it('asks for a .docx when given Word 97’s .doc, written by LibreOffice', async () => {
    const html = join(work, 'ancienne.html');
    await writeFile(html, '<html><body><h1>Big Data</h1><p>Une ancienne fiche.</p></body></html>');
    const doc = await libreOfficeConvert(html, 'doc');
    const { reason, message } = refusal(await readFile(doc), 'ancienne.doc');
    expect(reason).toBe('word-97');
    expect(message).toContain('Word 97-2003 (.doc)');
    expect(message).toContain('enregistrez-le au format .docx');
  });

  it('says an OpenDocument text, written by LibreOffice, must be saved as .docx', async () => {
    const html = join(work, 'libre.html');
    await writeFile(html, '<html><body><p>Une fiche écrite dans LibreOffice.</p></body></html>');
    const odt = await libreOfficeConvert(html, 'odt');
    expect(refusal(await readFile(odt), 'libre.odt')).toMatchObject({ reason: 'opendocument' });
  });

  it('recognises a password-protected document by the streams of its envelope', () => {
    const { reason, message } = refusal(oleFile(['EncryptionInfo', 'EncryptedPackage']), 'secret.docx');
    expect(reason).toBe('encrypted');
    expect(message).toContain('protégé par un mot de passe');
    expect(refusal(oleFile(['Workbook']))).toMatchObject({ reason: 'not-docx' });
    // Encryption flagged inside the zip itself.
    const entries = rawDocxEntries({ body: p('x') }).map((entry) =>
      entry.name === 'word/document.xml' ? { ...entry, flags: 1 } : entry,
    );
    expect(refusal(writeZip(entries))).toMatchObject({ reason: 'encrypted' });
  });

  it('tells a zip, a spreadsheet or a presentation from a Word document', () => {
    expect(refusal(writeZip([{ name: 'notes.txt', data: Buffer.from('bonjour') }]))).toMatchObject({
      reason: 'not-docx',
    });
    const sheet = refusal(
      rawDocx({
        body: '',
        mainType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml',
      }),
      'chiffres.xlsx',
    );
    expect(sheet).toMatchObject({ reason: 'not-docx' });
    expect(sheet.message).toContain('un classeur Excel');
  });
});

describe('damaged documents', () => {
  it('refuses a truncated zip, an altered part and broken XML', () => {
    const good = rawDocx({ body: p('Un paragraphe.') });
    expect(refusal(good.subarray(0, Math.floor(good.length / 2)))).toMatchObject({ reason: 'damaged' });
    const altered = rawDocxEntries({ body: p('Un paragraphe.') });
    const document = altered.find((entry) => entry.name === 'word/document.xml');
    if (document) document.data = Buffer.from(document.data.toString('utf8').replace('<w:body>', '<w:body'));
    const broken = refusal(writeZip(altered));
    expect(broken.reason).toBe('damaged');
    expect(broken.message).toContain('word/document.xml est illisible');
  });

  it('refuses XML with a DTD: entity expansion is how XML bombs work', () => {
    const laughs =
      '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]>' +
      '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>&lol2;</w:t></w:r></w:p></w:body></w:document>';
    const entries = rawDocxEntries({ body: '' }).map((entry) =>
      entry.name === 'word/document.xml' ? { ...entry, data: Buffer.from(laughs) } : entry,
    );
    expect(refusal(writeZip(entries))).toMatchObject({ reason: 'damaged' });
  });

  it('refuses tables nested deeper than any sheet needs', () => {
    let body = p('au fond');
    for (let depth = 0; depth < 40; depth += 1) body = `<w:tbl><w:tr><w:tc>${body}</w:tc></w:tr></w:tbl>`;
    expect(refusal(rawDocx({ body }))).toMatchObject({ reason: 'too-deep' });
  });
});

describe('zip bombs: refused in bounded memory and time', () => {
  it('refuses 10 KB of entries sharing one compressed block that would expand to gigabytes', () => {
    const zeros = Buffer.alloc(TEN_MB);
    const images = Array.from({ length: 300 }, (_, i) => `word/media/image${i + 2}.png`);
    const bomb = rawDocx({
      body: p('Une fiche piégée.'),
      parts: { 'word/media/image1.png': zeros },
      zip: { aliases: { of: 'word/media/image1.png', names: images } },
    });
    // 300 entries of 10 MB each: 3 GB announced, from a file of a few dozen kilobytes.
    expect(bomb.length).toBeLessThan(64 * 1024);
    expect(deflateRawSync(zeros).length).toBeLessThan(16 * 1024);
    const { reason, message } = refusal(bomb, 'piege.docx');
    expect(reason).toBe('zip-bomb');
    expect(message).toContain('partagent les mêmes données compressées');
  });

  it('stops an entry that expands beyond the size it announces', () => {
    const entries = rawDocxEntries({ body: p('x') }).map((entry) =>
      entry.name === 'word/document.xml'
        ? {
            ...entry,
            data: Buffer.concat([entry.data, Buffer.alloc(TEN_MB, 0x20)]),
            declaredSize: entry.data.length,
          }
        : entry,
    );
    const { reason, message } = refusal(writeZip(entries));
    expect(reason).toBe('zip-bomb');
    expect(message).toContain('au-delà de la taille qu’elle annonce');
  });

  it('refuses an entry announcing gigabytes without inflating it, and archives of too many entries', () => {
    const entries = rawDocxEntries({ body: p('x') }).map((entry) =>
      entry.name === 'word/document.xml' ? { ...entry, declaredSize: 0xf0000000 } : entry,
    );
    expect(refusal(writeZip(entries))).toMatchObject({ reason: 'zip-bomb' });
    const crowd = Array.from({ length: 10_001 }, (_, i) => ({
      name: `x/${i}`,
      data: Buffer.alloc(0),
      method: 0 as const,
    }));
    expect(refusal(writeZip([...rawDocxEntries({ body: p('x') }), ...crowd]))).toMatchObject({
      reason: 'zip-bomb',
    });
  });
});

describe.runIf(process.platform === 'linux')('zip bombs, measured in a process of their own', () => {
  /** Reads the file as the import does (the document, then every image) and says how it ended and its peak memory. */
  const childSource = (module: string) => `
import { readFileSync } from 'node:fs';
import { readDocx } from ${JSON.stringify(module)};
let reason = 'read';
try {
  const doc = readDocx(readFileSync(process.argv[2]), 'piege.docx');
  for (let i = 1; i <= Number(process.argv[3]); i += 1) doc.media('word/media/image' + i + '.png');
} catch (error) {
  reason = error.details?.reason ?? String(error);
}
// VmHWM is this process's own peak; getrusage's maxRSS would carry the parent's across exec.
const peak = Number(/VmHWM:\\s+(\\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'))?.[1]);
process.stdout.write(JSON.stringify({ reason, maxRssMiB: peak / 1024 }));`;

  const images = (count: number) =>
    Array.from(
      { length: count },
      (_, i) =>
        `<w:p><w:r><w:drawing><wp:inline><wp:extent cx="1" cy="1"/><wp:docPr id="${i + 1}" name="i"/><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:pic><pic:blipFill><a:blip r:embed="rIdImage${i + 1}"/></pic:blipFill></pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r></w:p>`,
    ).join('');
  const relationships = (count: number) =>
    Array.from({ length: count }, (_, i) => ({
      id: `rIdImage${i + 1}`,
      type: 'image',
      target: `media/image${i + 1}.png`,
    }));

  async function measure(bomb: Buffer, imageCount: number) {
    const file = join(work, `bombe-${imageCount}.docx`);
    await writeFile(file, bomb);
    const script = await bundleScript(
      childSource(fileURLToPath(new URL('./read-docx.ts', import.meta.url))),
      work,
      `bombe-${imageCount}.mjs`,
    );
    const outcome = await runScript(script, [file, String(imageCount)]);
    expect(outcome.stderr).toBe('');
    return JSON.parse(outcome.stdout) as { reason: string; maxRssMiB: number };
  }

  it('refuses 1,000 entries sharing one block (10 GB announced) before inflating any', async () => {
    const count = 1000;
    const bomb = rawDocx({
      body: images(count),
      relationships: relationships(count),
      parts: { 'word/media/image1.png': Buffer.alloc(TEN_MB) },
      zip: {
        aliases: {
          of: 'word/media/image1.png',
          names: Array.from({ length: count - 1 }, (_, i) => `word/media/image${i + 2}.png`),
        },
      },
    });
    expect(bomb.length).toBeLessThan(200 * 1024);
    const { reason, maxRssMiB } = await measure(bomb, count);
    expect(reason).toBe('zip-bomb');
    expect(maxRssMiB).toBeLessThan(200);
  });

  it('stops reading distinct images once the whole would pass the total budget', async () => {
    const count = 60;
    const parts = Object.fromEntries(
      Array.from({ length: count }, (_, i) => [`word/media/image${i + 1}.png`, Buffer.alloc(TEN_MB, i)]),
    );
    const bomb = rawDocx({ body: images(count), relationships: relationships(count), parts });
    // 600 MB once inflated, from well under a megabyte.
    expect(bomb.length).toBeLessThan(1024 * 1024);
    const { reason, maxRssMiB } = await measure(bomb, count);
    expect(reason).toBe('zip-bomb');
    expect(maxRssMiB).toBeLessThan(450);
  });
});
