import { readFile } from 'node:fs/promises';
import { Document, ExternalHyperlink, Packer, Paragraph, TextRun } from 'docx';
import { describe, expect, it } from 'vitest';
import { pngImage } from '../testing/images.js';
import { mammothDocx } from '../testing/shared-testdata.js';
import { openSample } from '../export/testing/sample.js';
import { inlineText } from './inline-text.js';
import { DEFAULT_DOCX_LIMITS } from './limits.js';
import { readDocx } from './read-docx.js';
import { paragraphs, texts } from './testing/outline.js';
import { rawDocx } from './testing/raw-docx.js';

/** The reader's images and text boxes, and the flavours and properties of documents of several writers. */

const read = (bytes: Buffer, name = 'test.docx') => readDocx(bytes, name);
const mammoth = async (name: string) => readDocx(await readFile(mammothDocx(name)), `${name}.docx`);

describe('images and text boxes', () => {
  const picture = (blip: string, descr = 'Un graphique') =>
    `<w:p><w:r><w:drawing><wp:inline><wp:extent cx="914400" cy="457200"/><wp:docPr id="1" name="x" descr="${descr}"/>` +
    '<a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:pic>' +
    `<pic:blipFill>${blip}</pic:blipFill></pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r></w:p>`;

  it('reads embedded, SVG, linked and missing images; media is read on demand, within its limit', () => {
    const png = pngImage(4, 2);
    const svg = '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>';
    const doc = readDocx(
      rawDocx({
        relationships: [
          { id: 'rIdPng', type: 'image', target: 'media/image1.png' },
          { id: 'rIdSvg', type: 'image', target: 'media/image1.svg' },
          { id: 'rIdLinked', type: 'image', target: 'file:///C:/Images/carte.png', external: true },
          { id: 'rIdGone', type: 'image', target: 'media/absente.png' },
          { id: 'rIdBig', type: 'image', target: 'media/big.png' },
        ],
        parts: {
          'word/media/image1.png': png,
          'word/media/image1.svg': svg,
          'word/media/big.png': Buffer.alloc(4096),
        },
        body:
          picture(
            '<a:blip r:embed="rIdPng"><a:extLst><a:ext uri="{96DAC541-7B7A-43D3-8B79-37D633B846F1}"><asvg:svgBlip xmlns:asvg="http://schemas.microsoft.com/office/drawing/2016/SVG/main" r:embed="rIdSvg"/></a:ext></a:extLst></a:blip>',
          ) +
          picture('<a:blip r:link="rIdLinked"/>', 'Carte liée') +
          picture('<a:blip r:embed="rIdGone"/>', 'Absente') +
          picture('<a:blip r:embed="rIdBig"/>', 'Trop grande'),
      }),
      'images.docx',
      { ...DEFAULT_DOCX_LIMITS, maxMediaBytes: 1024 },
    );
    const images = paragraphs(doc.body).flatMap((block) =>
      block.content.flatMap((inline) => (inline.kind === 'image' ? [inline.image] : [])),
    );
    expect(images).toEqual([
      {
        part: 'word/media/image1.png',
        svgPart: 'word/media/image1.svg',
        description: 'Un graphique',
        widthEmu: 914400,
        heightEmu: 457200,
      },
      { link: 'file:///C:/Images/carte.png', description: 'Carte liée', widthEmu: 914400, heightEmu: 457200 },
      { part: 'word/media/absente.png', description: 'Absente', widthEmu: 914400, heightEmu: 457200 },
      { part: 'word/media/big.png', description: 'Trop grande', widthEmu: 914400, heightEmu: 457200 },
    ]);
    expect(doc.media('word/media/image1.png')).toEqual({ bytes: png });
    expect(doc.media('word/media/absente.png')).toEqual({ missing: true });
    expect(doc.media('word/media/big.png')).toEqual({ tooLarge: 4096 });
  });

  it('reads Word’s pictures, embedded (with a target relative to the package) and linked', async () => {
    for (const name of ['tiny-picture', 'tiny-picture-target-base-relative']) {
      const doc = await mammoth(name);
      const image = paragraphs(doc.body)
        .flatMap((block) => block.content)
        .find((inline) => inline.kind === 'image');
      expect(image?.kind === 'image' && image.image.part).toBe('word/media/image1.png');
      expect(doc.media('word/media/image1.png')).toHaveProperty('bytes');
    }
    const linked = await mammoth('external-picture');
    const image = paragraphs(linked.body)[0]?.content[0];
    expect(image?.kind === 'image' && image.image).toEqual({
      link: 'tiny-picture.png',
      widthEmu: 95250,
      heightEmu: 95250,
    });
  });

  it('reads a text box once, from the branch of mc:AlternateContent it understands', async () => {
    const doc = await mammoth('text-box');
    const boxes = paragraphs(doc.body).flatMap((block) =>
      block.content.filter((inline) => inline.kind === 'text-box'),
    );
    expect(boxes).toHaveLength(1);
    expect(boxes[0]?.kind === 'text-box' && texts(boxes[0].blocks)).toEqual(['Datum plane']);
  });

  it('names what it cannot read: charts and equations', () => {
    const doc = read(
      rawDocx({
        body:
          '<w:p><w:r><w:drawing><wp:inline><wp:extent cx="1" cy="1"/><wp:docPr id="1" name="c"/><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart"/></a:graphic></wp:inline></w:drawing></w:r></w:p>' +
          '<w:p><m:oMath><m:r><m:t>x</m:t></m:r></m:oMath></w:p>',
      }),
    );
    expect(paragraphs(doc.body).map((block) => block.content)).toEqual([
      [{ kind: 'unsupported', what: 'graphique Word' }],
      [{ kind: 'unsupported', what: 'équation' }],
    ]);
  });
});

describe('flavours and properties', () => {
  it('reads « Strict Open XML » as any other document (mammoth’s strict-format.docx)', async () => {
    const doc = await mammoth('strict-format');
    expect(doc.strict).toBe(true);
    expect(texts(doc.body)).toEqual(['Test']);
  });

  it('reads Word’s small documents: empty, one paragraph, a byte-order mark, underline, strikethrough', async () => {
    expect(texts((await mammoth('empty')).body)).toEqual(['']);
    expect(texts((await mammoth('single-paragraph')).body)).toEqual(['Walking on imported air']);
    expect(texts((await mammoth('utf8-bom')).body)).toEqual(['This XML has a byte order mark.']);
    expect(texts((await mammoth('underline')).body)).toEqual(['The Sunset Tree']);
    expect(texts((await mammoth('strikethrough')).body)).toEqual(["Today's Special: Salmon Sold out"]);
  });

  it('reads the core and custom properties', async () => {
    const bytes = await Packer.toBuffer(
      new Document({
        title: 'Big Data',
        creator: 'Agence',
        customProperties: [{ name: 'FichesSheet', value: 'big-data' }],
        sections: [
          {
            children: [
              new Paragraph({
                children: [
                  new ExternalHyperlink({ link: 'https://exemple.fr', children: [new TextRun('lien')] }),
                ],
              }),
            ],
          },
        ],
      }),
    );
    const doc = read(bytes);
    expect(doc.properties).toMatchObject({
      title: 'Big Data',
      creator: 'Agence',
      custom: { FichesSheet: 'big-data' },
    });
  });

  it('reads the sections’ columns of a Fiches export: questions across the page, text in two columns', async () => {
    const sample = await openSample();
    try {
      const rendered = await sample.session.handlers['export:render']({
        sheetId: 'big-data',
        format: 'docx',
      });
      const doc = read(Buffer.from(rendered.base64, 'base64'), rendered.fileName);
      const question = paragraphs(doc.body).find((block) =>
        inlineText(block.content).startsWith('Quelle a été'),
      );
      expect(question).toMatchObject({ headingLevel: 2, columns: 1, style: { builtIn: 'heading' } });
      const body = paragraphs(doc.body).find((block) =>
        inlineText(block.content).startsWith('Le Big Data a une histoire'),
      );
      expect(body).toMatchObject({ columns: 2, style: { name: 'Fiche – Corps de texte' } });
      const caption = paragraphs(doc.body).find((block) => block.style?.builtIn === 'caption');
      expect(inlineText(caption?.content ?? [])).toBe(
        'Figure\u00a01\u00a0: Les 4 principaux freins à la transformation digitale',
      );
    } finally {
      await sample.dispose();
    }
  });
});
