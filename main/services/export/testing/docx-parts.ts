import { strFromU8, unzipSync } from 'fflate';

/** The parts of a .docx (a zip), read as text where they are XML, for the tests to inspect. */
export interface DocxParts {
  names: string[];
  text(name: string): string;
  bytes(name: string): Uint8Array;
}

export function readDocx(bytes: Uint8Array): DocxParts {
  const files = unzipSync(bytes);
  const get = (name: string) => {
    const file = files[name];
    if (!file) throw new Error(`${name} absent du .docx (parties : ${Object.keys(files).join(', ')})`);
    return file;
  };
  return { names: Object.keys(files), text: (name) => strFromU8(get(name)), bytes: get };
}

/** Every value of one attribute of one element, in document order. */
export function attributeValues(xml: string, element: string, attribute: string): string[] {
  const pattern = new RegExp(`<${element}\\b[^>]*\\b${attribute}="([^"]*)"`, 'g');
  return [...xml.matchAll(pattern)].map((match) => match[1] ?? '');
}

const ENTITIES: Record<string, string> = {
  '&amp;': '&',
  '&lt;': '<',
  '&gt;': '>',
  '&quot;': '"',
  '&apos;': "'",
};

/** The visible text of a WordprocessingML part: its w:t runs, one line a paragraph. */
export function plainText(xml: string): string {
  return xml
    .split('</w:p>')
    .map((paragraph) =>
      [...paragraph.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)]
        .map((match) =>
          (match[1] ?? '').replace(/&(?:amp|lt|gt|quot|apos);/g, (entity) => ENTITIES[entity] ?? entity),
        )
        .join(''),
    )
    .join('\n');
}
