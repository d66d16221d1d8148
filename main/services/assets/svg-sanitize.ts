import { DOMParser, XMLSerializer, type Attr, type Element, type Node } from '@xmldom/xmldom';

/**
 * An SVG is a document that can carry scripts, event handlers, HTML (foreignObject) and
 * references to other files. Only drawing survives here: an allowlist of SVG elements,
 * no event attribute, links only inside the file. The result is what gets stored, so the
 * editor, the Word export and the PDF export all read the clean file.
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

export class SvgRefused extends Error {}

export interface SanitizedSvg {
  svg: string;
  /** What was taken out that could have run or fetched something: « <script> », « onload »… */
  removed: string[];
  width?: number;
  height?: number;
}

/** Every url(…) of a value points inside the file, and nothing reads as script. */
function isSafeValue(value: string): boolean {
  // eslint-disable-next-line no-control-regex -- browsers ignore these inside a URL scheme
  const compact = value.replace(/[\u0000-\u0020\u007f-\u009f]/g, '').toLowerCase();
  if (/javascript:|vbscript:|expression\(|@import|behavior:|-moz-binding/.test(compact)) return false;
  const urls = compact.match(/url\(([^)]*)\)/g) ?? [];
  return urls.every((url) => /^url\((['"]?)#[^'"]*\1\)$/.test(url));
}

function isSafeHref(element: Element, value: string): boolean {
  const trimmed = value.trim();
  if (trimmed.startsWith('#')) return true;
  return element.localName === 'image' && RASTER_DATA_URL.test(trimmed);
}

class Sanitizer {
  readonly removed = new Set<string>();

  cleanElement(element: Element): void {
    this.cleanAttributes(element);
    for (const child of Array.from(element.childNodes)) this.cleanChild(element, child);
  }

  private cleanChild(parent: Element, child: Node): void {
    switch (child.nodeType) {
      case child.ELEMENT_NODE: {
        const element = child as Element;
        const inSvg = element.namespaceURI === SVG_NS;
        if (inSvg && ALLOWED_ELEMENTS.has(element.localName ?? '')) {
          if (element.localName === 'style' && !isSafeValue(element.textContent ?? '')) {
            this.remove(parent, child, '<style> (référence externe)');
          } else {
            this.cleanElement(element);
          }
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
      if (namespace !== null && namespace !== XLINK_NS && namespace !== XML_NS) {
        element.removeAttributeNode(attribute);
        continue;
      }
      const isHref = attribute.localName === 'href' || attribute.localName === 'src';
      if (isHref ? !isSafeHref(element, attribute.value) : !isSafeValue(attribute.value)) {
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

function lengthOf(value: string | null): number | undefined {
  const match = value ? /^\s*([0-9]*\.?[0-9]+)\s*(px)?\s*$/.exec(value) : null;
  const number = match ? Number(match[1]) : NaN;
  return number > 0 ? number : undefined;
}

/** Pixel size from width/height, or from the viewBox when they are relative or missing. */
function sizeOf(root: Element): { width?: number; height?: number } {
  const width = lengthOf(root.getAttribute('width'));
  const height = lengthOf(root.getAttribute('height'));
  if (width && height) return { width, height };
  const box = (root.getAttribute('viewBox') ?? '')
    .trim()
    .split(/[\s,]+/)
    .map(Number);
  const [, , boxWidth = NaN, boxHeight = NaN] = box;
  return box.length === 4 && boxWidth > 0 && boxHeight > 0 ? { width: boxWidth, height: boxHeight } : {};
}

export function sanitizeSvg(source: string): SanitizedSvg {
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
  const sanitizer = new Sanitizer();
  sanitizer.cleanElement(root);
  if (!root.getAttribute('xmlns')) root.setAttribute('xmlns', SVG_NS);
  const svg = new XMLSerializer().serializeToString(root);
  return { svg, removed: [...sanitizer.removed], ...sizeOf(root) };
}
