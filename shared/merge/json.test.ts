import { describe, expect, it } from 'vitest';
import { mergeJson } from './json.js';

const repo = (families: unknown[]) => ({ schemaVersion: 1, name: 'Dépôt', families });
const family = (id: string, variables: string[], name = id) => ({
  id,
  number: 1,
  name,
  variables: variables.map((v) => ({ id: v, name: v.toUpperCase() })),
});

describe('mergeJson', () => {
  it('keeps the variables added on both sides, in place', () => {
    const base = repo([family('tech', ['big-data', 'cobotique'])]);
    const ours = repo([family('tech', ['big-data', 'ia', 'cobotique'])]);
    const theirs = repo([family('tech', ['big-data', 'cobotique', 'robots'])]);
    expect(mergeJson(base, ours, theirs)).toEqual({
      value: repo([family('tech', ['big-data', 'ia', 'cobotique', 'robots'])]),
      conflicts: [],
    });
    // Both added at the same place: both kept, ours first.
    const both = mergeJson(base, repo([family('tech', ['big-data', 'cobotique', 'ia'])]), theirs);
    expect(both.value).toEqual(repo([family('tech', ['big-data', 'cobotique', 'ia', 'robots'])]));
  });

  it('keeps families added on both sides and merges a family field by field', () => {
    const base = repo([family('tech', ['a'])]);
    const ours = repo([family('tech', ['a'], 'Technologies'), family('eco', ['b'])]);
    const theirs = repo([family('tech', ['a', 'c']), family('soc', ['d'])]);
    expect(mergeJson(base, ours, theirs).value).toEqual(
      repo([family('tech', ['a', 'c'], 'Technologies'), family('eco', ['b']), family('soc', ['d'])]),
    );
  });

  it('keeps our value of a field changed on both sides, and reports the other', () => {
    const base = { page: { margin: 20, size: 'A4' }, fonts: ['Source Sans 3'] };
    const merged = mergeJson(
      base,
      { ...base, page: { margin: 25, size: 'A4' } },
      { ...base, page: { margin: 15, size: 'A5' } },
    );
    expect(merged.value).toEqual({ page: { margin: 25, size: 'A5' }, fonts: ['Source Sans 3'] });
    expect(merged.conflicts).toEqual([{ path: 'page.margin', ours: 25, theirs: 15 }]);
    const lists = mergeJson(base, { ...base, fonts: ['Arial'] }, { ...base, fonts: ['Inter'] });
    expect(lists.conflicts).toEqual([{ path: 'fonts', ours: ['Arial'], theirs: ['Inter'] }]);
  });

  it('lets an edit win over a removal', () => {
    const base = repo([family('tech', ['a', 'b'])]);
    const removed = repo([family('tech', ['a'])]);
    const edited = repo([
      {
        ...family('tech', ['a']),
        variables: [
          { id: 'a', name: 'A' },
          { id: 'b', name: 'B revu' },
        ],
      },
    ]);
    expect(mergeJson(base, removed, edited).value).toEqual(edited);
    expect(mergeJson(base, edited, removed).value).toEqual(edited);
    expect(mergeJson({ a: 1, b: 2 }, { a: 1 }, { a: 1, b: 3 }).value).toEqual({ a: 1, b: 3 });
    // Removed on one side, left alone on the other: gone.
    expect(mergeJson(base, removed, base).value).toEqual(removed);
  });
});
