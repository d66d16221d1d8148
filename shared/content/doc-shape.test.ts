import { describe, expect, it } from 'vitest';
import { requestShapeProblem } from '../api/request-shape.js';
import { docSchema, MAX_ATTRS_DEPTH, MAX_DOC_DEPTH, type DocNode } from './doc.js';
import { incomingDocSchema } from './links.js';

/** A doc whose deepest node is at `depth` (the doc itself is level 1). */
function docOfDepth(depth: number): DocNode {
  let node: DocNode = { type: 'paragraph' };
  for (let level = depth - 1; level > 1; level -= 1) node = { type: 'blockquote', content: [node] };
  return { type: 'doc', content: [node] };
}

function nested(levels: number): unknown {
  let value: unknown = 1;
  for (let i = 0; i < levels; i += 1) value = [value];
  return value;
}

const messages = (result: { success: boolean; error?: { issues: { message: string }[] } }) =>
  result.error?.issues.map((issue) => issue.message) ?? [];

describe('the bounds of a document', () => {
  it(`accepts ${MAX_DOC_DEPTH} levels and refuses one more, in French`, () => {
    expect(docSchema.safeParse(docOfDepth(MAX_DOC_DEPTH)).success).toBe(true);
    const refused = docSchema.safeParse(docOfDepth(MAX_DOC_DEPTH + 1));
    expect(messages(refused)).toEqual([
      `Contenu trop imbriqué\u00a0: ${MAX_DOC_DEPTH} niveaux au plus dans une section.`,
    ]);
  });

  it('refuses 100,000 levels without overflowing the stack', () => {
    expect(() => docSchema.safeParse(docOfDepth(100_000))).not.toThrow();
    expect(docSchema.safeParse(docOfDepth(100_000)).success).toBe(false);
  });

  it('accepts the attributes the editor writes, and refuses deeper ones on nodes and marks', () => {
    const cell = { type: 'tableCell', attrs: { colspan: 1, rowspan: 1, colwidth: [120, null] } };
    const link = { type: 'link', attrs: { href: 'https://a.fr', target: null, rel: 'noopener' } };
    const fine: DocNode = {
      type: 'doc',
      content: [cell, { type: 'paragraph', content: [{ type: 'text', text: 'x', marks: [link] }] }],
    };
    expect(docSchema.safeParse(fine).success).toBe(true);
    for (const attrs of [{ style: nested(MAX_ATTRS_DEPTH) }, { style: nested(3_000) }]) {
      const onNode = docSchema.safeParse({ type: 'doc', content: [{ type: 'paragraph', attrs }] });
      expect(messages(onNode)[0]).toMatch(/^Attributs trop imbriqués sur «\u00a0paragraph\u00a0»/);
      const onMark = docSchema.safeParse({
        type: 'doc',
        content: [{ type: 'text', text: 'x', marks: [{ type: 'bold', attrs }] }],
      });
      expect(messages(onMark)[0]).toMatch(/«\u00a0bold\u00a0»/);
    }
  });

  it('refuses attribute values that are not JSON', () => {
    const withFunction = { type: 'doc', attrs: { onclick: () => 1 } };
    expect(docSchema.safeParse(withFunction).success).toBe(false);
  });

  it('ends on a document that contains itself', () => {
    const doc: { type: string; content?: unknown[] } = { type: 'doc' };
    doc.content = [doc];
    expect(docSchema.safeParse(doc).success).toBe(false);
  });
});

describe('links in incoming documents', () => {
  it('refuses an unsafe target, naming it', () => {
    const doc = {
      type: 'doc',
      content: [
        {
          type: 'paragraph',
          content: [
            { type: 'text', text: 'x', marks: [{ type: 'link', attrs: { href: 'file:///etc/passwd' } }] },
          ],
        },
      ],
    };
    expect(messages(incomingDocSchema.safeParse(doc))).toEqual([
      'Lien refusé «\u00a0file:///etc/passwd\u00a0»\u00a0: seuls les liens http, https et mailto sont acceptés.',
    ]);
    // A file already saved with one is still read: the editor and the exports drop the target.
    expect(docSchema.safeParse(doc).success).toBe(true);
  });
});

describe('the shape of a request', () => {
  it('accepts a tree sharing an object (IPC keeps shared references) and measures it as a tree', () => {
    const shared = { type: 'doc', content: [] };
    expect(requestShapeProblem({ a: shared, b: shared })).toBeUndefined();
    // Each level doubles the tree a parser would walk: refused long before it is walked.
    let wide: unknown = 'x';
    for (let i = 0; i < 40; i += 1) wide = [wide, wide];
    expect(requestShapeProblem(wide)).toMatch(/^Requête trop volumineuse/);
  });

  it('refuses depth and cycles', () => {
    expect(requestShapeProblem(nested(300))).toMatch(/^Requête trop imbriquée\u00a0: 256 niveaux au plus/);
    expect(requestShapeProblem(nested(250))).toBeUndefined();
    const cycle: unknown[] = [];
    cycle.push({ again: cycle });
    expect(requestShapeProblem(cycle)).toBe('Requête trop imbriquée\u00a0: elle se contient elle-même.');
  });
});
