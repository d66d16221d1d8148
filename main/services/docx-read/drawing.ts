import type { Element } from '@xmldom/xmldom';
import { readBlocks } from './blocks.js';
import type { ReadContext } from './context.js';
import type { DocxImage, Inline } from './model.js';
import { attr, child, childElements, descendant, is, NS, outermost, plainAttr } from './xml.js';

/**
 * Drawings: pictures (DrawingML `pic:pic`, or VML `v:imagedata` in older files and in
 * fallbacks), text boxes (`w:txbxContent`, in a shape or a VML text box), and what has no
 * text form here (charts, SmartArt diagrams, drawn shapes), named so the import can say so.
 */

const GRAPHIC_KINDS: [RegExp, string][] = [
  [/\/chart$|chartex/, 'graphique Word'],
  [/\/diagram$/, 'diagramme SmartArt'],
  [/wordprocessingCanvas/, 'zone de dessin'],
];

function imageFrom(ctx: ReadContext, embedId: string | undefined, linkId: string | undefined): DocxImage {
  const image: DocxImage = {};
  const embedded = ctx.relationship(embedId);
  const linked = ctx.relationship(linkId);
  if (embedded && !embedded.external) image.part = embedded.target;
  else if (embedded?.external) image.link = embedded.target;
  if (!image.part && linked) image.link = linked.target;
  // A relationship id that names nothing: the image is gone, say where it was meant to be.
  if (!image.part && !image.link && (embedId || linkId)) image.link = embedId ?? linkId ?? '';
  return image;
}

function pictureOf(pic: Element, ctx: ReadContext): DocxImage {
  const blip = descendant(pic, NS.a, 'blip');
  const image = imageFrom(ctx, attr(blip, NS.r, 'embed'), attr(blip, NS.r, 'link'));
  const svg = blip ? descendant(blip, NS.asvg, 'svgBlip') : undefined;
  const svgRel = ctx.relationship(attr(svg, NS.r, 'embed'));
  if (svgRel && !svgRel.external) image.svgPart = svgRel.target;
  return image;
}

function textBox(content: Element, ctx: ReadContext): Inline {
  return { kind: 'text-box', blocks: readBlocks(content, ctx.nested()) };
}

/** The pictures and text boxes of a graphic (a group holds several). */
function graphicContent(data: Element, ctx: ReadContext, image: Omit<DocxImage, 'part'>): Inline[] {
  const uri = data.getAttribute('uri') ?? '';
  // A picture inside a text box belongs to the box's own content.
  const found = outermost(data, (element) => is(element, NS.pic, 'pic') || is(element, NS.w, 'txbxContent'));
  if (found.length === 0) {
    const what = GRAPHIC_KINDS.find(([pattern]) => pattern.test(uri))?.[1] ?? 'forme dessinée';
    return [{ kind: 'unsupported', what }];
  }
  return found.map((element): Inline =>
    is(element, NS.pic, 'pic')
      ? { kind: 'image', image: { ...image, ...pictureOf(element, ctx) } }
      : textBox(element, ctx),
  );
}

/** `w:drawing`: an inline or floating (anchored) graphic. */
export function readDrawing(drawing: Element, ctx: ReadContext): Inline[] {
  const inlines: Inline[] = [];
  for (const frame of childElements(drawing)) {
    if (!is(frame, NS.wp, 'inline') && !is(frame, NS.wp, 'anchor')) continue;
    const properties = child(frame, NS.wp, 'docPr');
    const extent = child(frame, NS.wp, 'extent');
    const description = plainAttr(properties, 'descr') ?? plainAttr(properties, 'title');
    const width = Number(plainAttr(extent, 'cx'));
    const height = Number(plainAttr(extent, 'cy'));
    const sized = {
      ...(description ? { description } : {}),
      ...(width > 0 ? { widthEmu: width } : {}),
      ...(height > 0 ? { heightEmu: height } : {}),
    };
    const data = descendant(frame, NS.a, 'graphicData');
    if (data) inlines.push(...graphicContent(data, ctx, sized));
  }
  return inlines;
}

/** `w:pict`: VML, where Word 2003 put pictures and text boxes, and Word still puts its fallbacks. */
export function readVml(pict: Element, ctx: ReadContext): Inline[] {
  const found = outermost(
    pict,
    (element) => is(element, NS.v, 'imagedata') || is(element, NS.w, 'txbxContent'),
  );
  return found.map((element): Inline => {
    if (!is(element, NS.v, 'imagedata')) return textBox(element, ctx);
    const title = attr(element, NS.o, 'title');
    const image = imageFrom(ctx, attr(element, NS.r, 'id') ?? attr(element, NS.o, 'relid'), undefined);
    return { kind: 'image', image: { ...image, ...(title ? { description: title } : {}) } };
  });
}
