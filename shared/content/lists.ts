import type { DocNode } from './doc.js';

/**
 * How a list is marked at each level, the same in every export: a numbered list takes its
 * own style when it has one (a list pasted from Word keeps « a. » or « I. »), else the
 * layout's style for its level; a bulleted list the layout's bullet for its level. The level
 * counts every list around it, bulleted or numbered (0: outermost), as Word's levels do.
 */

/** The styles of a numbered list, named as CSS names them. */
export const numberStyles = ['decimal', 'lower-alpha', 'upper-alpha', 'lower-roman', 'upper-roman'] as const;
export type NumberStyle = (typeof numberStyles)[number];

/** The layout's markers level by level, repeating past the last. */
export interface ListLevels {
  numbers: readonly NumberStyle[];
  bullets: readonly string[];
}

/**
 * An ordered list's own `type`, as HTML and the editor (Tiptap) spell it. « 1 » is the
 * default, which the editor does not even write out: such a list is numbered by level.
 */
const OWN_STYLES: Readonly<Record<string, NumberStyle>> = {
  a: 'lower-alpha',
  A: 'upper-alpha',
  i: 'lower-roman',
  I: 'upper-roman',
};

function atLevel<T>(values: readonly T[], level: number): T {
  return values[level % values.length] as T;
}

export function numberStyleOf(list: DocNode, level: number, levels: ListLevels): NumberStyle {
  const own = list.attrs?.type;
  return typeof own === 'string' && Object.hasOwn(OWN_STYLES, own)
    ? (OWN_STYLES[own] as NumberStyle)
    : atLevel(levels.numbers, level);
}

export function bulletOf(level: number, levels: ListLevels): string {
  return atLevel(levels.bullets, level);
}
