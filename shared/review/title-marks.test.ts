import { describe, expect, it } from 'vitest';
import type { TitleMark } from '../model/review.js';
import { anchorsOfTitle } from './anchors.js';
import { commentThread } from './builders.js';
import { anchoredTitleMarks, titleDocOf, titleOfDoc, titleWithoutSuggestions } from './title-marks.js';

const title = 'LA DIFFICILE MISE EN RÉSEAU';
const comment = (thread: string, from: number, to: number): TitleMark => ({
  type: 'comment',
  attrs: { thread },
  from,
  to,
});

describe('title marks', () => {
  it('round-trip through the title editor’s document, overlapping comments included', () => {
    const marks = [comment('c-1', 3, 12), comment('c-2', 8, 20)];
    const content = titleDocOf(title, marks);
    expect(content.content?.[0]?.content?.map((node) => node.text)).toEqual([
      'LA ',
      'DIFFI',
      'CILE',
      ' MISE EN',
      ' RÉSEAU',
    ]);
    const back = titleOfDoc(content);
    expect(back.text).toBe(title);
    expect(back.marks).toEqual(marks);
    expect(titleOfDoc(titleDocOf('', []))).toEqual({ text: '', marks: [] });
  });

  it('follow their quote when the title changed elsewhere, and drop it once the words are gone', () => {
    const threads = {
      'c-1': commentThread({ id: 'c-1', part: 'scenario/basse/title', quote: 'DIFFICILE' }),
    };
    const marks = [comment('c-1', 3, 12)];
    expect(anchoredTitleMarks(title, marks, threads)).toEqual(marks);
    expect(anchoredTitleMarks('UNE TRÈS DIFFICILE MISE', marks, threads)).toEqual([comment('c-1', 9, 18)]);
    expect(anchoredTitleMarks('LA MISE EN RÉSEAU', marks, threads)).toEqual([]);
    expect(anchoredTitleMarks('LA', [{ ...comment('c-9', 0, 9) }], {})).toEqual([]);
  });

  it('leave pending insertions out of the printed title, and say what each mark holds', () => {
    const insertion: TitleMark = {
      type: 'insertion',
      attrs: { id: 's-1', author: 'Anne', date: null },
      from: 3,
      to: 13,
    };
    expect(titleWithoutSuggestions(title, [insertion])).toBe('LA MISE EN RÉSEAU');
    expect(anchorsOfTitle(title, [insertion, comment('c-1', 13, 17)])).toEqual({
      comments: new Map([['c-1', 'MISE']]),
      suggestions: [{ id: 's-1', kind: 'insertion', author: 'Anne', date: null, text: 'DIFFICILE ' }],
    });
  });
});
