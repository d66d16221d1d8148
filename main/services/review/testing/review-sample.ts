import { join } from 'node:path';
import { Transform } from '@tiptap/pm/transform';
import { afterEach, beforeEach } from 'vitest';
import type { ReviewImportResult } from '../../../../shared/api/review-contract.js';
import { textOf, type DocNode } from '../../../../shared/content/doc.js';
import { contentSchema } from '../../../../shared/content/schema.js';
import { decideSuggestions } from '../../../../shared/review/suggestions.js';
import { openSample, type SampleRepository } from '../../export/testing/sample.js';

/** The text once every suggestion is accepted (or rejected): what Word shows after « Accepter tout ». */
export function decided(doc: DocNode, decision: 'accept' | 'reject'): string {
  const tr = new Transform(contentSchema().nodeFromJSON(doc));
  decideSuggestions(tr, () => decision);
  return textOf(tr.doc.toJSON() as DocNode);
}

/** The reviewer who edits the exported copy in Word, and when. */
export const CLAIRE = { author: 'Claire Dubois', date: '2025-04-02T10:00:00Z' };

export interface ReviewSample {
  readonly sample: SampleRepository;
  h(): SampleRepository['session']['handlers'];
  /** Big Data as saved, and the family's shared micro-scenarios it shows. */
  sheet(): Promise<SheetOf>;
  shared(): Promise<SharedOf>;
  sheetFile(): string;
  /** Big Data's Word export (« avec les commentaires » when `comments`). */
  exported(comments?: boolean): Promise<Buffer>;
  /** « Importer une relecture Word… » of `bytes`, named relecture.docx. */
  importReview(
    bytes: Buffer,
    apply: 'none' | 'comments' | 'all',
    sheetId?: string,
  ): Promise<ReviewImportResult>;
}

type View = Awaited<ReturnType<SampleRepository['session']['handlers']['sheets:get']>>;
type SheetOf = View['sheet'];
type SharedOf = View['familyShared'];

/** Gives every test of the calling file the sample repository, opened anew, and the review's calls on Big Data. */
export function reviewSamplePerTest(): ReviewSample {
  let current: SampleRepository | undefined;
  beforeEach(async () => {
    current = await openSample();
  });
  afterEach(async () => {
    await current?.dispose();
  });
  const sample = () => current as SampleRepository;
  const h = () => sample().session.handlers;
  return {
    get sample() {
      return sample();
    },
    h,
    sheet: async () => (await h()['sheets:get']({ id: 'big-data' })).sheet,
    shared: async () => (await h()['sheets:get']({ id: 'big-data' })).familyShared,
    sheetFile: () => join(sample().repo, 'sheets', 'big-data.json'),
    async exported(comments = false) {
      const rendered = await h()['export:render']({ sheetId: 'big-data', format: 'docx', comments });
      return Buffer.from(rendered.base64, 'base64');
    },
    importReview: (bytes, apply, sheetId = 'big-data') =>
      h()['review:import']({ sheetId, name: 'relecture.docx', base64: bytes.toString('base64'), apply }),
  };
}
