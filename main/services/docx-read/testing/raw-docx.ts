import { writeZip, type ZipEntry, type ZipOptions } from './zip-writer.js';

/**
 * Minimal .docx packages written from WordprocessingML by hand, for what the readers under
 * test must meet and a library would not write: French style ids, complex fields, VML,
 * tracked changes, strict namespaces, broken relationships.
 */

export const W_NS = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const R_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const REL_BASE = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

const NAMESPACES = [
  `xmlns:w="${W_NS}"`,
  `xmlns:r="${R_NS}"`,
  'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"',
  'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"',
  'xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture"',
  'xmlns:v="urn:schemas-microsoft-com:vml"',
  'xmlns:o="urn:schemas-microsoft-com:office:office"',
  'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"',
  'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"',
  'xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml"',
  'xmlns:m="http://schemas.openxmlformats.org/officeDocument/2006/math"',
].join(' ');

export interface RawRelationship {
  id: string;
  /** The type's last segment: « image », « hyperlink », « styles »… */
  type: string;
  target: string;
  external?: boolean;
}

export interface RawDocx {
  /** The children of w:body. */
  body: string;
  /** The children of w:styles. */
  styles?: string;
  /** The children of w:numbering. */
  numbering?: string;
  /** Relationships of word/document.xml besides styles and numbering. */
  relationships?: RawRelationship[];
  /** Any other part, by name (media, footnotes…). */
  parts?: Record<string, string | Buffer>;
  /** Content type overrides for parts given in `parts`. */
  contentTypes?: Record<string, string>;
  /** The main part's content type; Word's document by default. */
  mainType?: string;
  title?: string;
  zip?: ZipOptions;
}

const xml = (text: string) => `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n${text}`;

function relationshipsXml(relationships: RawRelationship[]): string {
  const items = relationships
    .map(
      (rel) =>
        `<Relationship Id="${rel.id}" Type="${rel.type.startsWith('http') ? rel.type : `${REL_BASE}/${rel.type}`}" Target="${rel.target}"${rel.external ? ' TargetMode="External"' : ''}/>`,
    )
    .join('');
  return xml(
    `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${items}</Relationships>`,
  );
}

export function rawDocxEntries(doc: RawDocx): ZipEntry[] {
  const overrides: Record<string, string> = {
    'word/document.xml':
      doc.mainType ?? 'application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml',
    'word/styles.xml': 'application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml',
    'word/numbering.xml': 'application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml',
    'docProps/core.xml': 'application/vnd.openxmlformats-package.core-properties+xml',
    ...doc.contentTypes,
  };
  const contentTypes = xml(
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
      '<Default Extension="xml" ContentType="application/xml"/>' +
      '<Default Extension="png" ContentType="image/png"/>' +
      Object.entries(overrides)
        .map(([part, type]) => `<Override PartName="/${part}" ContentType="${type}"/>`)
        .join('') +
      '</Types>',
  );
  const packageRels = relationshipsXml([
    { id: 'rId1', type: 'officeDocument', target: 'word/document.xml' },
    {
      id: 'rId2',
      type: 'http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties',
      target: 'docProps/core.xml',
    },
  ]);
  const core = xml(
    '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/">' +
      (doc.title ? `<dc:title>${doc.title}</dc:title>` : '') +
      '</cp:coreProperties>',
  );
  const documentRels = relationshipsXml([
    { id: 'rIdStyles', type: 'styles', target: 'styles.xml' },
    { id: 'rIdNumbering', type: 'numbering', target: 'numbering.xml' },
    ...(doc.relationships ?? []),
  ]);
  const text = (name: string, value: string): ZipEntry => ({ name, data: Buffer.from(value, 'utf8') });
  return [
    text('[Content_Types].xml', contentTypes),
    text('_rels/.rels', packageRels),
    text('docProps/core.xml', core),
    text('word/_rels/document.xml.rels', documentRels),
    text('word/document.xml', xml(`<w:document ${NAMESPACES}><w:body>${doc.body}</w:body></w:document>`)),
    text('word/styles.xml', xml(`<w:styles ${NAMESPACES}>${doc.styles ?? ''}</w:styles>`)),
    text('word/numbering.xml', xml(`<w:numbering ${NAMESPACES}>${doc.numbering ?? ''}</w:numbering>`)),
    ...Object.entries(doc.parts ?? {}).map(([name, value]) =>
      typeof value === 'string' ? text(name, value) : { name, data: value },
    ),
  ];
}

export function rawDocx(doc: RawDocx): Buffer {
  return writeZip(rawDocxEntries(doc), doc.zip);
}

/** A paragraph of text, with a style id and run properties when given. */
export function p(text: string, options: { style?: string; rPr?: string; pPr?: string } = {}): string {
  const pPr = `${options.style ? `<w:pStyle w:val="${options.style}"/>` : ''}${options.pPr ?? ''}`;
  return `<w:p>${pPr ? `<w:pPr>${pPr}</w:pPr>` : ''}<w:r>${options.rPr ? `<w:rPr>${options.rPr}</w:rPr>` : ''}<w:t xml:space="preserve">${text}</w:t></w:r></w:p>`;
}

/** A paragraph style of styles.xml. */
export function paragraphStyle(id: string, name: string, extra = ''): string {
  return `<w:style w:type="paragraph" w:styleId="${id}"><w:name w:val="${name}"/>${extra}</w:style>`;
}
