import { describe, expect, it } from 'vitest';
import { docOfParagraphs } from '../../../shared/content/doc.js';
import { commentThread } from '../../../shared/review/builders.js';
import type { Part } from './parts.js';
import { requestBody, Serialised } from '../../api/client.js';
import { basesOf, RemoteParts } from './remote-parts.js';

/** What a save sends beside its parts: the value each started from, for the host to merge a sync's change. */
describe('the bases of a save', () => {
  const thread = commentThread({ id: 'c-1', part: 'section/passe', quote: 'Premier.' });
  const passe: Part = { kind: 'section', section: 'passe' };

  it('names each thread as the host was known to hold it, null for one it did not hold', () => {
    const known = new Map<string, unknown>([
      ['section/passe', docOfParagraphs(['Premier.'])],
      ['thread/c-1', thread],
      ['thread/c-new', null],
    ]);
    const remote = new RemoteParts();
    const bases = basesOf(
      [
        passe,
        { kind: 'thread', owner: 'sheet', id: 'c-1' },
        { kind: 'thread', owner: 'sheet', id: 'c-new' },
        { kind: 'status' },
      ],
      (part) =>
        remote.knownValue(part, () =>
          known.get(part.kind === 'thread' ? `thread/${part.id}` : 'section/passe'),
        ),
    );
    expect(bases).toEqual({
      sheet: {
        sections: { passe: docOfParagraphs(['Premier.']) },
        threads: { 'c-1': thread, 'c-new': null },
      },
    });
  });

  it('takes the thread the host acknowledged last (a save, or a sync the sheet took in)', () => {
    const remote = new RemoteParts();
    const answered = { ...thread, replies: [{ id: 'r-1', author: 'Bruno', at: thread.at, text: 'Oui.' }] };
    remote.acknowledge({ kind: 'thread', owner: 'sheet', id: 'c-1' }, answered);
    const bases = basesOf([{ kind: 'thread', owner: 'sheet', id: 'c-1' }], (part) =>
      remote.knownValue(part, () => thread),
    );
    expect(bases.sheet?.threads).toEqual({ 'c-1': answered });
  });

  it('sends a thread of the family’s shared micro-scenarios with the family’s patch', () => {
    const shared = commentThread({ id: 'c-2', part: 'scenario/basse/angle/social', quote: 'Social.' });
    const bases = basesOf(
      [
        { kind: 'thread', owner: 'family', id: 'c-2' },
        { kind: 'thread', owner: 'sheet', id: 'c-1' },
      ],
      (part) => (part.kind === 'thread' && part.id === 'c-2' ? shared : thread),
    );
    expect(bases).toEqual({ sheet: { threads: { 'c-1': thread } }, family: { threads: { 'c-2': shared } } });
  });
  it('names the marks of each title as the host was known to hold them, for the patch they go with', () => {
    const mark = { type: 'comment' as const, attrs: { thread: 'c-1' }, from: 0, to: 5 };
    const remote = new RemoteParts();
    remote.acknowledge({ kind: 'title-marks', owner: 'family', hypothesis: 'haute' }, [mark]);
    const bases = basesOf(
      [
        { kind: 'title-marks', owner: 'sheet', hypothesis: 'basse' },
        { kind: 'title-marks', owner: 'family', hypothesis: 'haute' },
      ],
      (part) => remote.knownValue(part, () => []),
    );
    expect(bases).toEqual({
      sheet: { titleMarks: { basse: [] } },
      family: { titleMarks: { haute: [mark] } },
    });
  });

  it('sends a value it saved as its base with the text that save wrote, not serialised again', () => {
    const remote = new RemoteParts();
    const saved = docOfParagraphs(['Premier.', 'Second.']);
    remote.acknowledge(passe, saved, JSON.stringify(saved));
    const bases = basesOf([passe], (part) => remote.knownBase(part, () => undefined));
    const base = bases.sheet?.sections?.['passe'];
    expect(base).toBeInstanceOf(Serialised);
    expect(JSON.parse(requestBody({ patch: { base: bases.sheet } }))).toEqual({
      patch: { base: { sections: { passe: saved } } },
    });
  });

  it('forgets that text once the host holds another value (a sync the editor took in)', () => {
    const remote = new RemoteParts();
    const saved = docOfParagraphs(['Premier.']);
    remote.acknowledge(passe, saved, JSON.stringify(saved));
    const synced = docOfParagraphs(['Premier, puis corrigé.']);
    remote.listen(passe, () => true);
    expect(remote.offer({ kind: 'section', section: 'passe' }, synced)).toBe(true);
    const bases = basesOf([passe], (part) => remote.knownBase(part, () => undefined));
    expect(bases.sheet?.sections?.['passe']).toEqual(synced);
    expect(bases.sheet?.sections?.['passe']).not.toBeInstanceOf(Serialised);
  });
});
