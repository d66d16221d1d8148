import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type * as JsonStore from '../storage/json-store.js';
import { openSample, type SampleRepository } from '../export/testing/sample.js';
import { failure } from '../testing/failure.js';
import { WordEdit } from './testing/word-edit.js';

/**
 * A reviewer's copy that lands on the sheet and on its family's shared micro-scenarios
 * is written to both, one after the other: when the second write fails (a full disk, a
 * file taken), the first is taken back, so the import is all or nothing.
 */

/** The family file's next write fails when set. */
const failing = { familyWrite: false };
vi.mock('../storage/json-store.js', async (importOriginal) => {
  const real = await importOriginal<typeof JsonStore>();
  return {
    ...real,
    saveJson: async (...args: Parameters<typeof real.saveJson>) => {
      if (failing.familyWrite && args[0].includes('/families/')) {
        const { ioFailure } = await import('../storage/io-errors.js');
        const full = Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
        throw ioFailure(full, 'enregistrer', args[1]);
      }
      return real.saveJson(...args);
    },
  };
});

const CLAIRE = { author: 'Claire Dubois', date: '2025-04-02T10:00:00Z' };

let sample: SampleRepository;
beforeEach(async () => {
  sample = await openSample();
});
afterEach(async () => {
  failing.familyWrite = false;
  await sample.dispose();
});

const h = () => sample.session.handlers;

describe('a review landing on the sheet and on the family', () => {
  it('writes neither when the family cannot be written', async () => {
    const rendered = await h()['export:render']({ sheetId: 'big-data', format: 'docx' });
    const bytes = new WordEdit(Buffer.from(rendered.base64, 'base64'))
      .comment('une histoire récente', { ...CLAIRE, text: 'Depuis quand ?' })
      .comment('les salariés peu formés', { ...CLAIRE, text: 'Quelle source ?' })
      .save();
    const sheetFile = join(sample.repo, 'sheets', 'big-data.json');
    const before = JSON.parse(await readFile(sheetFile, 'utf8')) as { review?: unknown };
    failing.familyWrite = true;
    const error = await failure(
      h()['review:import']({
        sheetId: 'big-data',
        name: 'relecture.docx',
        base64: bytes.toString('base64'),
        apply: 'all',
      }),
    );
    expect(error.message).toMatch(/le disque est plein/);
    const after = JSON.parse(await readFile(sheetFile, 'utf8')) as { review?: unknown };
    expect(after.review).toEqual(before.review);
    expect((await h()['sheets:get']({ id: 'big-data' })).sheet.review.threads).toEqual({});
  });
});
