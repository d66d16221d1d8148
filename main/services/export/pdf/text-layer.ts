import { promisify } from 'node:util';
import { deflate as deflateCallback, inflate as inflateCallback } from 'node:zlib';
import { PDFArray, PDFDict, PDFName, PDFRawStream, PDFRef, type PDFDocument, type PDFObject } from 'pdf-lib';

/**
 * The soft hyphens of the print document are break opportunities, not text: the PDF's text
 * layer must not carry them, or copying « signifie » gives « si­gni­fie » and a search for
 * the word fails. Chromium (Skia's PDF backend) draws each soft hyphen as an invisible,
 * zero-width glyph wrapped in a marked-content span whose /ActualText is U+00AD, and a
 * ligature over a break point (« f­f ») as one span whose /ActualText holds it. Readers that
 * honour /ActualText (poppler, Acrobat) put those U+00AD in the text; pdf.js ignores them.
 *
 * Here, in every content stream: a span whose text was only soft hyphens loses its
 * invisible glyphs and its marks, and any other /ActualText loses its soft hyphens. The
 * visible hyphen Chromium draws at a line end is a glyph of its own, outside those spans,
 * so it stays on the page and in the text.
 */

const SOFT_HYPHEN = '\u00ad';

/**
 * A marked-content span whose /ActualText hex string may hold a soft hyphen (« 00ad »
 * somewhere: the callback checks), up to its EMC (Skia writes no nested marks in one).
 * Matching only those keeps the pass fast: a long sheet has a hundred thousand spans.
 */
const ACTUAL_TEXT_SPAN =
  /\/Span\s*<<\s*\/ActualText\s*<([0-9A-Fa-f\s]*?00[aA][dD][0-9A-Fa-f\s]*)>\s*>>\s*BDC\b([\s\S]*?)\bEMC\b/g;

/** What a span drawing only its glyphs holds: positioning and showing glyphs by hex code. */
const GLYPHS_ONLY = /^(?:\s+|[-+]?[\d.]+\s+[-+]?[\d.]+\s+Td\b|<[0-9A-Fa-f\s]*>\s*Tj\b)*$/;
const SHOW_GLYPHS = /<[0-9A-Fa-f\s]*>\s*Tj\b/g;

/** A PDF text string written as hex: UTF-16BE after a byte-order mark, else PDFDocEncoding (Latin-1 for our purpose). */
function decodeHexString(hex: string): string {
  // Nearly every span is one soft hyphen alone: no need to decode it.
  if (hex.length === 8 && hex.toLowerCase() === 'feff00ad') return SOFT_HYPHEN;
  const bytes = Buffer.from(hex.replace(/\s+/g, ''), 'hex');
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return bytes.subarray(2).swap16().toString('utf16le');
  return bytes.toString('latin1');
}

function encodeHexString(text: string): string {
  return `feff${Buffer.from(text, 'utf16le').swap16().toString('hex')}`;
}

/**
 * One content stream's operators (as Latin-1 text, one character a byte) without soft
 * hyphens in its text; unchanged when it has none.
 */
export function withoutSoftHyphenText(content: string): string {
  if (!content.includes('ActualText')) return content;
  return content.replace(ACTUAL_TEXT_SPAN, (span, hex: string, body: string) => {
    const text = decodeHexString(hex);
    if (!text.includes(SOFT_HYPHEN)) return span;
    const kept = text.replaceAll(SOFT_HYPHEN, '');
    // Only invisible glyphs inside: keep the positioning (the next glyph is placed from it), drop the rest.
    if (kept === '' && GLYPHS_ONLY.test(body)) return body.replace(SHOW_GLYPHS, '');
    return `/Span<</ActualText <${encodeHexString(kept)}> >> BDC${body}EMC`;
  });
}

/** The content streams that draw the pages: their /Contents and the form XObjects they use. */
function contentStreamRefs(document: PDFDocument): PDFRef[] {
  const refs = new Set<PDFRef>();
  const visitedResources = new Set<PDFDict>();
  const addContents = (contents: PDFObject | undefined) => {
    if (contents instanceof PDFRef) refs.add(contents);
    else if (contents instanceof PDFArray) {
      for (const item of contents.asArray()) if (item instanceof PDFRef) refs.add(item);
    }
  };
  const visitResources = (resources: PDFDict | undefined) => {
    if (!resources || visitedResources.has(resources)) return;
    visitedResources.add(resources);
    const xObjects = resources.lookupMaybe(PDFName.of('XObject'), PDFDict);
    for (const [, value] of xObjects?.entries() ?? []) {
      if (!(value instanceof PDFRef) || refs.has(value)) continue;
      const stream = document.context.lookup(value);
      if (!(stream instanceof PDFRawStream)) continue;
      if (stream.dict.lookup(PDFName.of('Subtype')) !== PDFName.of('Form')) continue;
      refs.add(value);
      visitResources(stream.dict.lookupMaybe(PDFName.of('Resources'), PDFDict));
    }
  };
  for (const page of document.getPages()) {
    addContents(page.node.get(PDFName.of('Contents')));
    visitResources(page.node.Resources());
  }
  return [...refs];
}

const FLATE = PDFName.of('FlateDecode');
const inflate = promisify(inflateCallback);
const deflate = promisify(deflateCallback);

/**
 * Rewrites, in place, the content streams of a PDF printed by Chromium so its text has no
 * soft hyphen. Streams are inflated and deflated off the event loop (zlib's thread pool),
 * a hundred pages' worth of them at once.
 */
export async function removeSoftHyphens(document: PDFDocument): Promise<void> {
  await Promise.all(
    contentStreamRefs(document).map(async (ref) => {
      const stream = document.context.lookup(ref);
      if (!(stream instanceof PDFRawStream)) return;
      const filter = stream.dict.lookup(PDFName.of('Filter'));
      // Chromium deflates every content stream, without parameters; anything else is left as it is.
      const deflated = filter === FLATE;
      if ((!deflated && filter !== undefined) || stream.dict.has(PDFName.of('DecodeParms'))) return;
      const content = (deflated ? await inflate(stream.contents) : Buffer.from(stream.contents)).toString(
        'latin1',
      );
      const rewritten = withoutSoftHyphenText(content);
      if (rewritten === content) return;
      const bytes = Buffer.from(rewritten, 'latin1');
      document.context.assign(ref, PDFRawStream.of(stream.dict, deflated ? await deflate(bytes) : bytes));
    }),
  );
}
