import { readFile } from 'node:fs/promises';
import type { File } from 'docx';
import type { LoadedLayout } from '../layout/load-layout.js';

/**
 * The parts of the .docx that the docx package writes without what we need: the font
 * table without a fallback font (Word then guesses one), the core properties without
 * the language. Both are written here, from what the document already holds.
 */

const fontCache = new Map<string, Promise<Buffer>>();

/** The shipped font files are read once per process: every export embeds the same bytes. */
function fontFile(path: string): Promise<Buffer> {
  let loading = fontCache.get(path);
  if (!loading) {
    loading = readFile(path);
    fontCache.set(path, loading);
    loading.catch(() => fontCache.delete(path));
  }
  return loading;
}

export async function embeddedFonts(loaded: LoadedLayout) {
  if (!loaded.layout.font.word.embed) return [];
  const [data, bold, italic, boldItalic] = await Promise.all([
    fontFile(loaded.fontFiles.regular),
    fontFile(loaded.fontFiles.bold),
    fontFile(loaded.fontFiles.italic),
    fontFile(loaded.fontFiles.boldItalic),
  ]);
  return [{ name: loaded.layout.font.family, data, bold, italic, boldItalic }];
}

const XML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
};

export function xmlEscape(text: string): string {
  // Control characters other than tab and line breaks are not allowed in XML 1.0.
  // eslint-disable-next-line no-control-regex -- removing them is the point
  const allowed = text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '');
  return allowed.replace(/[&<>"']/g, (c) => XML_ESCAPES[c] ?? c);
}

const FACE_ELEMENTS = {
  '00': 'w:embedRegular',
  '10': 'w:embedBold',
  '01': 'w:embedItalic',
  '11': 'w:embedBoldItalic',
} as const;

/** word/fontTable.xml: our font with its fallback (altName) and family, and the embedded faces docx obfuscated. */
export function fontTableXml(file: File, loaded: LoadedLayout): string {
  const { family, word } = loaded.layout.font;
  const faces = file.FontTable.files
    .map((face, index) => ({ face, rId: `rId${index + 1}` }))
    .filter(({ face }) => face.name === family)
    .map(({ face, rId }) => {
      const element = FACE_ELEMENTS[`${face.bold ? 1 : 0}${face.italic ? 1 : 0}`];
      return `<${element} r:id="${rId}" w:fontKey="{${face.fontKey.toUpperCase()}}"/>`;
    })
    .join('');
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    '<w:fonts xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" ' +
    'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">' +
    `<w:font w:name="${xmlEscape(family)}"><w:altName w:val="${xmlEscape(word.fallback)}"/>` +
    '<w:charset w:val="00"/><w:family w:val="swiss"/><w:pitch w:val="variable"/>' +
    `${faces}</w:font>` +
    `<w:font w:name="${xmlEscape(word.fallback)}"><w:charset w:val="00"/><w:family w:val="swiss"/><w:pitch w:val="variable"/></w:font>` +
    '</w:fonts>'
  );
}

export interface CoreProperties {
  title: string;
  subject: string;
  creator: string;
  keywords: string;
  description: string;
  language: string;
  created: string;
  modified: string;
}

/** docProps/core.xml with dc:language, which Word shows among the document's properties. */
export function coreXml(properties: CoreProperties): string {
  const element = (name: string, value: string) => `<${name}>${xmlEscape(value)}</${name}>`;
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" ' +
    'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" ' +
    'xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
    element('dc:title', properties.title) +
    element('dc:subject', properties.subject) +
    element('dc:creator', properties.creator) +
    element('cp:keywords', properties.keywords) +
    element('dc:description', properties.description) +
    element('dc:language', properties.language) +
    element('cp:lastModifiedBy', properties.creator) +
    `<dcterms:created xsi:type="dcterms:W3CDTF">${xmlEscape(properties.created)}</dcterms:created>` +
    `<dcterms:modified xsi:type="dcterms:W3CDTF">${xmlEscape(properties.modified)}</dcterms:modified>` +
    '</cp:coreProperties>'
  );
}
