import { Document, HeadingLevel, Packer, Paragraph, TextRun, type ISectionOptions } from 'docx';

/**
 * Word documents as a user writes them (with the docx library: Word's own styles and
 * structures), for the import's tests: headings, plain paragraphs, the title.
 */

type Child = ISectionOptions['children'][number];

export const title = (text: string) =>
  new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(text)] });
export const h1 = (text: string) =>
  new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun(text)] });
export const h2 = (text: string) =>
  new Paragraph({ heading: HeadingLevel.HEADING_2, children: [new TextRun(text)] });
export const h3 = (text: string) =>
  new Paragraph({ heading: HeadingLevel.HEADING_3, children: [new TextRun(text)] });
export const para = (text: string) => new Paragraph({ children: [new TextRun(text)] });
export const boldPara = (text: string) => new Paragraph({ children: [new TextRun({ text, bold: true })] });

export async function wordFile(
  children: Child[],
  properties: { title?: string; creator?: string } = {},
): Promise<Buffer> {
  return Packer.toBuffer(new Document({ ...properties, sections: [{ children }] }));
}
