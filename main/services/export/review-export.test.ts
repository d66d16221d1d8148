import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { doc } from '../../../shared/content/builders.js';
import {
  commentedText,
  commentThread,
  richParagraph,
  suggestedText,
} from '../../../shared/review/builders.js';
import { pdfText } from '../testing/poppler.js';
import { plainText, readDocx } from './testing/docx-parts.js';
import { openSample, type SampleRepository } from './testing/sample.js';

/**
 * A sheet under review exports as it stands: commented text as plain text, each pending
 * suggestion left undone (inserted words absent, deleted words present), nothing of the
 * review's marks or threads in the file.
 */
let sample: SampleRepository;
const anne = { id: 's-1', author: 'Anne Martin', date: '2025-03-12T10:00:00Z' };

beforeAll(async () => {
  sample = await openSample();
  const h = sample.session.handlers;
  await h['sheets:create']({ variableId: 'cobotique' });
  await h['sheets:update']({
    id: 'cobotique',
    patch: {
      sections: {
        trajectoire: doc(
          richParagraph(
            'La cobotique ',
            suggestedText('insertion', 'collaborative ', anne),
            'associe ',
            commentedText('robots et opérateurs', 'c-1'),
            suggestedText('deletion', ' depuis longtemps', { ...anne, id: 's-2' }),
            '.',
          ),
          richParagraph(
            suggestedText('insertion', 'Un paragraphe proposé en entier.', { ...anne, id: 's-3' }),
          ),
        ),
      },
      useFamilyMicroScenarios: false,
      scenarios: { basse: { title: 'UN ESSOR TRÈS LENT' } },
      titleMarks: {
        basse: [{ type: 'insertion', attrs: { id: 's-4', author: 'Anne', date: null }, from: 9, to: 14 }],
      },
      threads: {
        'c-1': commentThread({ id: 'c-1', part: 'section/trajectoire', quote: 'robots et opérateurs' }),
      },
    },
  });
});
afterAll(async () => {
  await sample.dispose();
});

const render = (format: 'docx' | 'pdf') =>
  sample.session.handlers['export:render']({ sheetId: 'cobotique', format });

describe('a sheet under review, exported', () => {
  it('in Word: the text before its suggestions, commented text plain, no comment part', async () => {
    const docx = readDocx(Buffer.from((await render('docx')).base64, 'base64'));
    const text = plainText(docx.text('word/document.xml'));
    expect(text).toContain('La cobotique associe robots et opérateurs depuis longtemps.');
    expect(text).not.toContain('collaborative');
    expect(text).not.toContain('proposé en entier');
    expect(text).toContain('UN ESSOR LENT');
    expect(text).not.toContain('TRÈS');
    expect(docx.names).not.toContain('word/comments.xml');
    expect(docx.text('word/document.xml')).not.toMatch(/<w:(ins|del)\b/);
  });

  it('in PDF: the same text', async () => {
    const file = join(sample.dir, 'cobotique.pdf');
    await writeFile(file, Buffer.from((await render('pdf')).base64, 'base64'));
    const text = (await pdfText(file)).replace(/\s+/g, ' ');
    expect(text).toContain('La cobotique associe robots et opérateurs depuis');
    expect(text).not.toContain('collaborative');
    expect(text).not.toContain('proposé en entier');
    expect(text).toContain('UN ESSOR LENT');
  });
});
