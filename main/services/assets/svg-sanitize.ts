import { DOMParser, XMLSerializer, type Attr, type Element, type Node } from '@xmldom/xmldom';
import { formatNumber, MAX_SVG_DEPTH, MAX_SVG_ELEMENTS } from '../../../shared/content/assets.js';
import { cleanDeclarations, cleanStyleSheet, cleanValue, mayCallOut } from './svg-css.js';
import { svgSize } from './svg-size.js';

/**
 * An SVG is a document that can carry scripts, event handlers, HTML (foreignObject) and
 * references to other files. Only drawing survives here: an allowlist of SVG elements,
 * no event attribute, links only inside the file, CSS parsed and checked (svg-css.ts). The
 * result is what gets stored, so the editor, the Word export and the PDF export all read
 * the clean file. The work is bounded before it starts: elements are counted in the text
 * before it is parsed, nesting is limited, and the size must make a figure.
 *
 * Why not DOMPurify: in Node it needs a whole browser DOM (jsdom), and it serialises as
 * HTML (`&nbsp;`, dropped namespace declarations), which breaks the file as an image.
 */

const SVG_NS = 'http://www.w3.org/2000/svg';
const XLINK_NS = 'http://www.w3.org/1999/xlink';
const XML_NS = 'http://www.w3.org/XML/1998/namespace';
const XMLNS_NS = 'http://www.w3.org/2000/xmlns/';
const XHTML_NS = 'http://www.w3.org/1999/xhtml';

const DRAWING = [
  'svg', 'g', 'defs', 'symbol', 'use', 'title', 'desc', 'a', 'switch', 'style',
  'path', 'rect', 'circle', 'ellipse', 'line', 'polyline', 'polygon', 'image',
  'text', 'tspan', 'textPath',
  'linearGradient', 'radialGradient', 'stop', 'pattern', 'clipPath', 'mask', 'marker',
  'filter', 'feBlend', 'feColorMatrix', 'feComponentTransfer', 'feComposite', 'feConvolveMatrix',
  'feDiffuseLighting', 'feDisplacementMap', 'feDistantLight', 'feDropShadow', 'feFlood', 'feFuncA',
  'feFuncB', 'feFuncG', 'feFuncR', 'feGaussianBlur', 'feImage', 'feMerge', 'feMergeNode',
  'feMorphology', 'feOffset', 'fePointLight', 'feSpecularLighting', 'feSpotLight', 'feTile',
  'feTurbulence',
]; // prettier-ignore
const ALLOWED_ELEMENTS = new Set(DRAWING);

/** Editor bookkeeping (Inkscape, Illustrator…): dropped without a word, it never runs. */
const SILENT_ELEMENTS = new Set(['metadata']);

/** An embedded raster image is fine; anything else a `data:` URL can hold is not. */
const RASTER_DATA_URL = /^data:image\/(?:png|jpeg|gif);base64,[a-z0-9+/=\s]*$/i;

/** Why an SVG is refused: broken XML, not an SVG, a size that makes no figure, too much to draw. */
export type SvgRefusal = 'damaged' | 'size' | 'too-complex';

export class SvgRefused extends Error {
  constructor(
    message: string,
    readonly reason: SvgRefusal = 'damaged',
  ) {
    super(message);
  }
}

export interface SanitizedSvg {
  svg: string;
  /** What was taken out that could have run or fetched something: « <script> », « onload »… */
  removed: string[];
  width?: number;
  height?: number;
}

function isSafeHref(element: Element, value: string): boolean {
  const trimmed = value.trim();
  if (trimmed.startsWith('#')) return true;
  return element.localName === 'image' && RASTER_DATA_URL.test(trimmed);
}

/**
 * The attributes a browser reads as CSS: SVG 2's presentation attributes, geometry
 * included. Their values are parsed, checked and written back; any other attribute (id,
 * class, aria-label, data-name…) is never read as CSS and keeps its text. href and src are
 * checked apart.
 */
const PRESENTATION = new Set([
  'alignment-baseline', 'baseline-shift', 'clip', 'clip-path', 'clip-rule', 'color',
  'color-interpolation', 'color-interpolation-filters', 'color-profile', 'color-rendering',
  'cursor', 'cx', 'cy', 'd', 'direction', 'display', 'dominant-baseline', 'enable-background',
  'fill', 'fill-opacity', 'fill-rule', 'filter', 'flood-color', 'flood-opacity', 'font',
  'font-family', 'font-size', 'font-size-adjust', 'font-stretch', 'font-style', 'font-variant',
  'font-weight', 'glyph-orientation-horizontal', 'glyph-orientation-vertical', 'height',
  'image-rendering', 'kerning', 'letter-spacing', 'lighting-color', 'marker', 'marker-end',
  'marker-mid', 'marker-start', 'mask', 'mask-type', 'opacity', 'overflow', 'paint-order',
  'pointer-events', 'r', 'rx', 'ry', 'shape-rendering', 'stop-color', 'stop-opacity', 'stroke',
  'stroke-dasharray', 'stroke-dashoffset', 'stroke-linecap', 'stroke-linejoin',
  'stroke-miterlimit', 'stroke-opacity', 'stroke-width', 'text-anchor', 'text-decoration',
  'text-overflow', 'text-rendering', 'transform', 'transform-origin', 'unicode-bidi',
  'vector-effect', 'visibility', 'white-space', 'width', 'word-spacing', 'writing-mode', 'x', 'y',
]); // prettier-ignore

/** Attributes of the xml: namespace that change nothing outside the file (xml:base would). */
const XML_ATTRIBUTES = new Set(['space', 'lang']);

const tooComplex = () =>
  new SvgRefused(
    `elle compte plus de ${formatNumber(MAX_SVG_ELEMENTS)}\u00a0éléments de dessin, la limite pour une figure`,
    'too-complex',
  );

/**
 * Counts what looks like an element's start in the text, before any parsing: a file of
 * 560,000 shapes is refused in milliseconds instead of being parsed for seconds.
 */
function countElementStarts(source: string): number {
  let count = 0;
  for (let at = source.indexOf('<'); at >= 0; at = source.indexOf('<', at + 1)) {
    if (/[A-Za-z_:]/.test(source.charAt(at + 1))) count += 1;
  }
  return count;
}

class Sanitizer {
  readonly removed = new Set<string>();
  #elements = 0;

  cleanElement(element: Element, depth = 0): void {
    if (depth > MAX_SVG_DEPTH) {
      throw new SvgRefused(
        `ses éléments sont imbriqués sur plus de ${MAX_SVG_DEPTH} niveaux, ce qui n’est pas un dessin`,
        'too-complex',
      );
    }
    this.#elements += 1;
    if (this.#elements > MAX_SVG_ELEMENTS) throw tooComplex();
    this.cleanAttributes(element);
    for (const child of Array.from(element.childNodes)) this.cleanChild(element, child, depth + 1);
  }

  private cleanChild(parent: Element, child: Node, depth: number): void {
    switch (child.nodeType) {
      case child.ELEMENT_NODE: {
        const element = child as Element;
        const inSvg = element.namespaceURI === SVG_NS;
        if (inSvg && ALLOWED_ELEMENTS.has(element.localName ?? '')) {
          if (element.localName === 'style') this.cleanStyleElement(element);
          else this.cleanElement(element, depth);
        } else if (
          (inSvg && !SILENT_ELEMENTS.has(element.localName ?? '')) ||
          element.namespaceURI === XHTML_NS
        ) {
          this.remove(parent, child, `<${element.localName}>`);
        } else {
          parent.removeChild(child);
        }
        return;
      }
      case child.TEXT_NODE:
      case child.CDATA_SECTION_NODE:
        return;
      default:
        // Comments and processing instructions (<?xml-stylesheet?> fetches a file).
        parent.removeChild(child);
    }
  }

  /** A <style> keeps its safe rules, written back as one text (comments and CDATA gone). */
  private cleanStyleElement(element: Element): void {
    this.#elements += 1;
    const { css, removed } = cleanStyleSheet(element.textContent ?? '');
    if (removed) this.removed.add('<style> (référence externe ou script)');
    while (element.firstChild) element.removeChild(element.firstChild);
    for (const attribute of Array.from(element.attributes)) {
      if (attribute.localName !== 'media' && attribute.localName !== 'type') {
        element.removeAttributeNode(attribute);
      }
    }
    const document = element.ownerDocument;
    if (css === '' || !document) element.parentNode?.removeChild(element);
    else element.appendChild(document.createTextNode(css));
  }

  /** A style attribute keeps its safe declarations; a presentation attribute is kept whole or dropped. */
  private cleanCss(element: Element, attribute: Attr): void {
    const label = `${attribute.name} (référence externe ou script)`;
    if (attribute.namespaceURI !== null) return;
    if (attribute.localName === 'style') {
      const { css, removed } = cleanDeclarations(attribute.value);
      if (removed) this.removed.add(label);
      if (css === '') element.removeAttributeNode(attribute);
      else attribute.value = css;
      return;
    }
    if (!PRESENTATION.has(attribute.localName ?? '') || !mayCallOut(attribute.value)) return;
    const value = cleanValue(attribute.value);
    if (value === undefined) this.drop(element, attribute, label);
    else attribute.value = value;
  }

  private cleanAttributes(element: Element): void {
    for (const attribute of Array.from(element.attributes)) {
      const name = attribute.name;
      const namespace = attribute.namespaceURI;
      if (/^on/i.test(attribute.localName ?? name)) {
        this.drop(element, attribute, name);
        continue;
      }
      if (namespace === XMLNS_NS) {
        if (attribute.value !== SVG_NS && attribute.value !== XLINK_NS)
          element.removeAttributeNode(attribute);
        continue;
      }
      const xmlAttribute = namespace === XML_NS;
      if (
        (namespace !== null && namespace !== XLINK_NS && !xmlAttribute) ||
        (xmlAttribute && !XML_ATTRIBUTES.has(attribute.localName ?? ''))
      ) {
        element.removeAttributeNode(attribute);
        continue;
      }
      const isHref = attribute.localName === 'href' || attribute.localName === 'src';
      if (!isHref) this.cleanCss(element, attribute);
      else if (!isSafeHref(element, attribute.value)) {
        this.drop(element, attribute, `${name} (référence externe ou script)`);
      }
    }
  }

  private remove(parent: Element, child: Node, label: string): void {
    parent.removeChild(child);
    this.removed.add(label);
  }

  private drop(element: Element, attribute: Attr, label: string): void {
    element.removeAttributeNode(attribute);
    this.removed.add(label);
  }
}

export function sanitizeSvg(source: string): SanitizedSvg {
  if (countElementStarts(source) > MAX_SVG_ELEMENTS) throw tooComplex();
  let root: Element | null;
  try {
    const parsed = new DOMParser({
      locator: false,
      onError: (level, message) => {
        if (level !== 'warning') throw new SvgRefused(message);
      },
    }).parseFromString(source, 'image/svg+xml');
    root = parsed.documentElement;
  } catch (error) {
    throw new SvgRefused(`XML illisible (${(error as Error).message.split('\n')[0]})`);
  }
  if (!root || root.namespaceURI !== SVG_NS || root.localName !== 'svg') {
    throw new SvgRefused('le document n’est pas une image SVG');
  }
  const size = svgSize(root);
  if (size === 'invalid') {
    throw new SvgRefused('sa taille (width, height ou viewBox) est nulle, négative ou illisible', 'size');
  }
  const sanitizer = new Sanitizer();
  sanitizer.cleanElement(root);
  if (!root.getAttribute('xmlns')) root.setAttribute('xmlns', SVG_NS);
  const svg = new XMLSerializer().serializeToString(root);
  return { svg, removed: [...sanitizer.removed], ...size };
}

/** What the worker answers (an exception's class does not cross processes): the clean file, or why not. */
export type SanitizeOutcome = SanitizedSvg | { refused: { reason: SvgRefusal; message: string } };

export function sanitizeOrRefuse(source: Uint8Array): SanitizeOutcome {
  try {
    return sanitizeSvg(Buffer.from(source.buffer, source.byteOffset, source.byteLength).toString('utf8'));
  } catch (error) {
    if (!(error instanceof SvgRefused)) throw error;
    return { refused: { reason: error.reason, message: error.message } };
  }
}
