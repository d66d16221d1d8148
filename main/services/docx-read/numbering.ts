import type { Document, Element } from '@xmldom/xmldom';
import { attr, child, children, NS, wVal } from './xml.js';

/**
 * Lists: numbering.xml describes, for each numbering instance (`w:num`), its levels'
 * formats through an abstract definition (`w:abstractNum`), which an instance may
 * override level by level. A list item is a paragraph naming an instance and a level.
 */

interface Level {
  format: string;
}

export class Numbering {
  private readonly abstracts = new Map<string, Map<number, Level>>();
  /** An abstract definition that only points at a list style (`w:numStyleLink`). */
  private readonly styleLinks = new Map<string, string>();
  private readonly styleToAbstract = new Map<string, string>();
  private readonly instances = new Map<string, { abstractId: string; overrides: Map<number, Level> }>();

  constructor(
    document: Document | undefined,
    private readonly styleNumbering: (styleId: string) => { numId: string } | undefined,
  ) {
    const root = document?.documentElement;
    if (!root) return;
    for (const abstract of children(root, NS.w, 'abstractNum')) {
      const id = attr(abstract, NS.w, 'abstractNumId');
      if (id === undefined) continue;
      this.abstracts.set(id, levelsOf(abstract));
      const link = wVal(abstract, 'numStyleLink');
      if (link) this.styleLinks.set(id, link);
      const defines = wVal(abstract, 'styleLink');
      if (defines) this.styleToAbstract.set(defines, id);
    }
    for (const num of children(root, NS.w, 'num')) {
      const id = attr(num, NS.w, 'numId');
      const abstractId = wVal(num, 'abstractNumId');
      if (id === undefined || abstractId === undefined) continue;
      const overrides = new Map<number, Level>();
      for (const override of children(num, NS.w, 'lvlOverride')) {
        const level = child(override, NS.w, 'lvl');
        const index = Number(attr(override, NS.w, 'ilvl') ?? NaN);
        const format = wVal(level, 'numFmt');
        if (level && format && Number.isInteger(index)) overrides.set(index, { format });
      }
      this.instances.set(id, { abstractId, overrides });
    }
  }

  /** Whether the instance exists: `w:numId="0"` and dangling ids mean « no list ». */
  has(numId: string): boolean {
    return this.instances.has(numId);
  }

  /** Numbers (decimal, letters, roman…) rather than bullets at this level of the instance. */
  isOrdered(numId: string, level: number): boolean {
    const format = this.format(numId, level);
    return format !== undefined && format !== 'bullet' && format !== 'none';
  }

  private format(numId: string, level: number): string | undefined {
    const instance = this.instances.get(numId);
    if (!instance) return undefined;
    const overridden = instance.overrides.get(level);
    if (overridden) return overridden.format;
    return this.abstractLevels(instance.abstractId)?.get(level)?.format;
  }

  /** Follows a `numStyleLink` to the list style's own definition (one hop is all Word writes). */
  private abstractLevels(abstractId: string): Map<number, Level> | undefined {
    const link = this.styleLinks.get(abstractId);
    if (link) {
      const target = this.styleToAbstract.get(link);
      const viaStyle = this.styleNumbering(link);
      const linkedAbstract =
        target ?? (viaStyle ? this.instances.get(viaStyle.numId)?.abstractId : undefined);
      if (linkedAbstract && linkedAbstract !== abstractId) return this.abstracts.get(linkedAbstract);
    }
    return this.abstracts.get(abstractId);
  }
}

function levelsOf(abstract: Element): Map<number, Level> {
  const levels = new Map<number, Level>();
  for (const level of children(abstract, NS.w, 'lvl')) {
    const index = Number(attr(level, NS.w, 'ilvl') ?? NaN);
    if (Number.isInteger(index)) levels.set(index, { format: wVal(level, 'numFmt') ?? 'decimal' });
  }
  return levels;
}
