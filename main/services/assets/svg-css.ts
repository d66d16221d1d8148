import * as csstree from 'css-tree';

/**
 * The CSS of an SVG (style attributes, <style> elements, presentation attributes such as
 * fill or filter), parsed by css-tree, checked node by node, and written back from what
 * the parser understood. Nothing is matched by its spelling: `u\72l(…)`, `@\69mport` and
 * `image-set("…")` are a Url, an Atrule and a Function like any other, judged by their
 * decoded names. What the parser could not read (its Raw nodes) is dropped, and since the
 * stored text is generated from the checked tree, a browser reads nothing else.
 *
 * Why css-tree: it tokenizes and parses to the CSS Syntax specification (escapes, url
 * tokens, error recovery), types values down to Url and Function nodes, and is the parser
 * SVGO uses for the same files; postcss leaves values as strings to re-parse by hand.
 */

/** Functions a drawing may call: colours, arithmetic, transforms, filters, gradients. Never url-like ones. */
const FUNCTIONS = new Set([
  'rgb', 'rgba', 'hsl', 'hsla', 'hwb', 'lab', 'lch', 'oklab', 'oklch', 'color', 'color-mix',
  'calc', 'min', 'max', 'clamp',
  'matrix', 'matrix3d', 'translate', 'translatex', 'translatey', 'translatez', 'translate3d',
  'scale', 'scalex', 'scaley', 'scalez', 'scale3d', 'rotate', 'rotatex', 'rotatey', 'rotatez',
  'rotate3d', 'skew', 'skewx', 'skewy', 'perspective',
  'blur', 'brightness', 'contrast', 'drop-shadow', 'grayscale', 'hue-rotate', 'invert',
  'opacity', 'saturate', 'sepia',
  'linear-gradient', 'radial-gradient', 'conic-gradient', 'repeating-linear-gradient',
  'repeating-radial-gradient', 'cubic-bezier', 'steps',
]); // prettier-ignore

/** At-rules that only group rules; @import, @font-face, @namespace… would name other files. */
const AT_RULES = new Set(['media', 'supports', 'keyframes', '-webkit-keyframes']);

const decoded = (name: string): string => csstree.ident.decode(name).toLowerCase();

/** True when nothing under `node` names another file, runs, or escaped the parser. */
function isSafe(node: csstree.CssNode): boolean {
  let safe = true;
  csstree.walk(node, (child) => {
    if (!safe) return;
    switch (child.type) {
      case 'Raw':
        safe = false;
        break;
      case 'Url':
        safe = child.value.trim().startsWith('#');
        break;
      case 'Function':
        safe = FUNCTIONS.has(decoded(child.name));
        break;
      case 'Atrule':
        safe = AT_RULES.has(decoded(child.name));
        break;
      case 'Declaration':
        // A custom property holds raw text that var() would hand to any property.
        safe = !decoded(child.property).startsWith('--');
        break;
      default:
        break;
    }
  });
  return safe;
}

/** Removes every unsafe item of a block's list (rules, at-rules, declarations); answers whether any was. */
function cleanList(list: csstree.List<csstree.CssNode>): boolean {
  let removed = false;
  list.forEach((node, item) => {
    let keep: boolean;
    if (node.type === 'Rule') {
      keep = isSafe(node.prelude);
      if (keep) removed = cleanList(node.block.children) || removed;
    } else if (node.type === 'Atrule') {
      keep = AT_RULES.has(decoded(node.name)) && (!node.prelude || isSafe(node.prelude));
      if (keep && node.block) removed = cleanList(node.block.children) || removed;
    } else if (node.type === 'Declaration') {
      keep = isSafe(node);
    } else {
      keep = false;
    }
    if (!keep) {
      list.remove(item);
      removed = true;
    }
  });
  return removed;
}

export interface CleanCss {
  /** The checked CSS as the parser wrote it back; empty when nothing was left. */
  css: string;
  /** Something was taken out. */
  removed: boolean;
}

/** The parsed tree, or undefined when the parser gave up: such CSS goes as a whole. */
function parse(
  text: string,
  context: 'stylesheet' | 'declarationList' | 'value',
): csstree.CssNode | undefined {
  try {
    // Errors inside a list are not fatal: the parser recovers as browsers do, leaving Raw nodes, dropped below.
    return csstree.parse(text, { context, parseCustomProperty: false, onParseError: () => undefined });
  } catch {
    return undefined;
  }
}

const NOTHING_LEFT: CleanCss = { css: '', removed: true };

/** The content of a <style> element. */
export function cleanStyleSheet(text: string): CleanCss {
  const sheet = parse(text, 'stylesheet') as csstree.StyleSheet | undefined;
  if (!sheet) return NOTHING_LEFT;
  const removed = cleanList(sheet.children);
  return { css: csstree.generate(sheet), removed };
}

/** A style attribute. */
export function cleanDeclarations(text: string): CleanCss {
  const list = parse(text, 'declarationList') as csstree.DeclarationList | undefined;
  if (!list) return NOTHING_LEFT;
  const removed = cleanList(list.children);
  return { css: csstree.generate(list), removed };
}

/** Could `value` be CSS that calls something (a function, url(), an escape)? Plain words and numbers cannot. */
export function mayCallOut(value: string): boolean {
  return /[(\\@]/.test(value);
}

/** A presentation attribute's value, written back, or undefined when any part of it is unsafe. */
export function cleanValue(text: string): string | undefined {
  const value = parse(text, 'value');
  return value && isSafe(value) ? csstree.generate(value) : undefined;
}
