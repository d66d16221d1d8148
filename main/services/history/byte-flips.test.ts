import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { parsePartKey } from '../../../shared/model/history.js';
import { AppFailure } from '../../../shared/result.js';
import { RepositoryLayout } from '../repository/layout.js';
import { historyFixture, text, type HistoryFixture } from '../testing/history-fixture.js';
import { SheetHistory } from './sheet-history.js';
import { sheetTarget } from './target.js';

/**
 * One changed byte in a history file damages the one record it lies in, and nothing
 * else: every revision is readable from the records it needs (its own line of
 * revisions.jsonl, the lines of objects.jsonl holding its parts and their blocks), and the
 * damaged record is reported. Checked for a byte of every line, at several offsets, in
 * both files, against a model of which lines each revision needs built from the intact
 * files (not from the code under test).
 */
type LogName = 'objects.jsonl' | 'revisions.jsonl';

let f: HistoryFixture;
const pristine = {} as Record<LogName, Buffer>;
/** For each revision, the lines (0-based) it needs in each file. */
const needs = new Map<number, Record<LogName, Set<number>>>();
/** Every revision's parts as read from the intact files. */
const intact = new Map<number, unknown>();

const file = (name: LogName) => join(f.repo, 'history', 'big-data', name);
const titleOf = (key: string) => key;
const load = () => SheetHistory.load(new RepositoryLayout(f.repo), sheetTarget('big-data'));

const lineStarts = (bytes: Buffer): number[] => {
  const starts = [0];
  for (let i = 0; i < bytes.length - 1; i += 1) if (bytes[i] === 0x0a) starts.push(i + 1);
  return starts;
};
const linesOf = (bytes: Buffer) =>
  bytes
    .toString('utf8')
    .split('\n')
    .filter((line) => line !== '');

/** The model: read the intact files as plain JSON, following the format's documentation. */
function buildModel() {
  const objectLine = new Map<string, number>();
  const objects = new Map<string, unknown>();
  linesOf(pristine['objects.jsonl']).forEach((line, index) => {
    const { h, d } = JSON.parse(line) as { h: string; d: unknown };
    objectLine.set(h, index);
    objects.set(h, d);
  });
  let state: Record<string, string> = {};
  linesOf(pristine['revisions.jsonl']).forEach((line, index) => {
    const record = JSON.parse(line) as {
      seq: number;
      parts?: Record<string, string>;
      changed: Record<string, string | null>;
    };
    const next: Record<string, string> = record.parts ? { ...record.parts } : { ...state };
    if (!record.parts) {
      for (const [key, hash] of Object.entries(record.changed)) {
        if (hash === null) delete next[key];
        else next[key] = hash;
      }
    }
    state = next;
    const objectLines = new Set<number>();
    for (const [key, hash] of Object.entries(state)) {
      objectLines.add(objectLine.get(hash) as number);
      const kind = parsePartKey(key)?.kind;
      if (kind === 'section' || kind === 'angle') {
        for (const block of (objects.get(hash) as { b?: string[] }).b ?? [])
          objectLines.add(objectLine.get(block) as number);
      }
    }
    needs.set(record.seq, { 'revisions.jsonl': new Set([index]), 'objects.jsonl': objectLines });
  });
}

const paragraphs = Array.from({ length: 6 }, (_, i) => `Paragraphe ${i + 1} : le Big Data et l’industrie.`);

beforeAll(async () => {
  f = await historyFixture();
  await f.h['sheets:create']({ variableId: 'big-data' });
  await f.h['sheets:update']({
    id: 'big-data',
    patch: { sections: { trajectoire: text(...paragraphs), passe: text('Le passé.') } },
  });
  for (let v = 1; v <= 4; v += 1) {
    const changed = paragraphs.map((p, i) => (i === v ? `${p} Révision ${v}.` : p));
    await f.h['sheets:update']({ id: 'big-data', patch: { sections: { trajectoire: text(...changed) } } });
    if (v === 3) await f.h['sheets:update']({ id: 'big-data', patch: { status: 'review' } });
    await f.h['history:recordVersion']({ sheetId: 'big-data', name: `Version ${v}` });
  }
  await f.session.close();
  for (const name of ['objects.jsonl', 'revisions.jsonl'] as const)
    pristine[name] = await readFile(file(name));
  buildModel();
  const history = await load();
  for (const seq of needs.keys()) intact.set(seq, await history.partsAt(seq, titleOf));
});
afterAll(async () => {
  await rm(f.dir, { recursive: true, force: true });
});

async function readable(history: SheetHistory, seq: number): Promise<boolean> {
  try {
    expect(await history.partsAt(seq, titleOf)).toEqual(intact.get(seq));
    return true;
  } catch (error) {
    if (error instanceof AppFailure && (error.code === 'damaged' || error.code === 'not-found')) return false;
    throw error;
  }
}

/** Byte offsets to flip in a line of `length` bytes (its newline is at `length`). */
function offsetsIn(name: LogName, length: number): number[] {
  const spots = [0, 3, 8, 30, 40, 48, Math.floor(length / 2), length - 12, length - 1, length];
  return [...new Set(spots.filter((offset) => offset >= 0 && offset <= length))];
}

describe('one changed byte in a history file', () => {
  for (const name of ['revisions.jsonl', 'objects.jsonl'] as const) {
    it(`in ${name}, at any place of any line, damages only the revisions that need that line`, async () => {
      const bytes = pristine[name];
      const starts = lineStarts(bytes);
      let cases = 0;
      onTestFinished(() => writeFile(file(name), bytes));
      for (const [line, start] of starts.entries()) {
        const length = (starts[line + 1] ?? bytes.length) - start - 1;
        for (const offset of offsetsIn(name, length)) {
          const flipped = Buffer.from(bytes);
          flipped[start + offset] = (flipped[start + offset] as number) ^ 0x01;
          await writeFile(file(name), flipped);
          const history = await load();
          // A flipped line break joins two intact records: neither is lost.
          const damagedLine = offset === length ? undefined : line;
          const where = `${name}, line ${line + 1}, offset ${offset}`;
          for (const [seq, need] of needs) {
            const expected = damagedLine === undefined || !need[name].has(damagedLine);
            expect(await readable(history, seq), `${where}: revision ${seq}`).toBe(expected);
          }
          const { revisions, problems } = await history.list(titleOf);
          if (damagedLine === undefined) {
            expect(problems, where).toEqual([]);
          } else {
            expect(problems, where).toHaveLength(1);
            expect(problems[0], where).toContain(`ligne ${line + 1} de history/big-data/${name}`);
            const hit = [...needs].filter(([, need]) => need[name].has(line)).map(([seq]) => seq);
            // The damaged revision, or every revision that needs the damaged object, by number.
            const named = /n°\u00a0((?:\d+(?:, | et )?)+)/.exec(problems[0] ?? '')?.[1]?.match(/\d+/g) ?? [];
            expect(named.map(Number), where).toEqual(hit);
            for (const summary of revisions) {
              expect(Boolean(summary.damaged), `${where}: listing of ${summary.seq}`).toBe(
                hit.includes(summary.seq),
              );
            }
          }
          // The file is read, never repaired by rewriting: the damaged bytes stay where they are.
          expect(await readFile(file(name)), where).toEqual(flipped);
          cases += 1;
        }
      }
      expect(cases).toBeGreaterThan(40);
    }, 120_000);
  }
});

describe('the torn tail of a history file', () => {
  afterEach(async () => {
    for (const name of ['objects.jsonl', 'revisions.jsonl'] as const)
      await writeFile(file(name), pristine[name]);
    await rm(join(f.repo, 'damaged'), { recursive: true, force: true });
  });

  it('is cut when it holds no whole record, and kept in damaged/', async () => {
    const torn = Buffer.concat([pristine['revisions.jsonl'], Buffer.from('{"seq":6,"at":"2025-03-12T09:')]);
    await writeFile(file('revisions.jsonl'), torn);
    const history = await load();
    for (const seq of needs.keys()) expect(await readable(history, seq)).toBe(true);
    expect((await history.list(titleOf)).problems).toEqual([]);
    expect(await readFile(file('revisions.jsonl'))).toEqual(pristine['revisions.jsonl']);
    const kept = join(f.repo, 'damaged', 'history', 'big-data');
    const [cut] = await readdir(kept);
    expect(cut).toMatch(/^revisions\.jsonl\.\d{8}t\d{9}z\.tail$/);
    expect(await readFile(join(kept, cut ?? ''), 'utf8')).toBe('{"seq":6,"at":"2025-03-12T09:');
  });

  it('is left alone when it is a whole record whose line break was lost', async () => {
    const bytes = pristine['objects.jsonl'];
    const unterminated = Buffer.concat([bytes.subarray(0, -1), Buffer.from('x')]);
    await writeFile(file('objects.jsonl'), unterminated);
    const history = await load();
    for (const seq of needs.keys()) expect(await readable(history, seq)).toBe(true);
    expect(await readFile(file('objects.jsonl'))).toEqual(unterminated);
  });

  it('is cut after a damaged middle without touching it', async () => {
    const bytes = Buffer.from(pristine['revisions.jsonl']);
    const [, second] = lineStarts(bytes);
    bytes[(second ?? 0) + 10] = (bytes[(second ?? 0) + 10] as number) ^ 0x01;
    await writeFile(file('revisions.jsonl'), Buffer.concat([bytes, Buffer.from('{"seq":6,')]));
    const history = await load();
    expect(await readable(history, 2)).toBe(false);
    for (const seq of [1, 3, 4, 5]) expect(await readable(history, seq)).toBe(true);
    expect(await readFile(file('revisions.jsonl'))).toEqual(bytes);
  });
});
