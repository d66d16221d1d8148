import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fail, ok, type Result } from '../../../shared/result.js';
import { Autosaver, type Entry, type SaveOptions } from './autosave.js';

interface Call {
  batch: Entry<string>[];
  options: SaveOptions;
  finish: (result: Result<unknown>) => void;
}

/** A host whose answers the test releases one by one, to observe what is in flight. */
function controlledHost() {
  const calls: Call[] = [];
  let inFlight = 0;
  let maxInFlight = 0;
  const save = (batch: Entry<string>[], options: SaveOptions) => {
    inFlight += 1;
    maxInFlight = Math.max(maxInFlight, inFlight);
    return new Promise<Result<unknown>>((resolve) => {
      calls.push({
        batch,
        options,
        finish: (result) => {
          inFlight -= 1;
          resolve(result);
        },
      });
    });
  };
  return { calls, save, maxInFlight: () => maxInFlight };
}

function autosaver(save: (batch: Entry<string>[], options: SaveOptions) => Promise<Result<unknown>>) {
  const reads: string[] = [];
  const saver = new Autosaver<string>({
    keyOf: (part) => part,
    save,
    onRead: (part) => reads.push(part),
    delayMs: 1000,
  });
  return { saver, reads };
}

const values = (batch: Entry<string>[]) =>
  Object.fromEntries(batch.map((entry) => [entry.part, entry.value]));

describe('Autosaver', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('reads a part only when saving, one second after the last change', async () => {
    const host = controlledHost();
    const { saver, reads } = autosaver(host.save);
    let text = '';
    for (const letter of 'bonjour') {
      text += letter;
      saver.markDirty('intro', () => text);
      await vi.advanceTimersByTimeAsync(300);
    }
    expect(saver.getState().kind).toBe('dirty');
    expect(reads).toEqual([]);
    expect(host.calls).toHaveLength(0);

    await vi.advanceTimersByTimeAsync(1000);
    expect(reads).toEqual(['intro']);
    expect(host.calls).toHaveLength(1);
    expect(values(host.calls[0]!.batch)).toEqual({ intro: 'bonjour' });
    expect(saver.getState().kind).toBe('saving');

    host.calls[0]!.finish(ok(null));
    await vi.advanceTimersByTimeAsync(0);
    expect(saver.getState().kind).toBe('saved');
    expect(saver.hasUnsaved()).toBe(false);
  });

  it('never has two saves in flight and saves again a part edited during a save', async () => {
    const host = controlledHost();
    const { saver } = autosaver(host.save);
    let intro = 'v1';
    saver.markDirty('intro', () => intro);
    saver.markDirty('passe', () => 'p1');
    const first = saver.flush();
    await vi.advanceTimersByTimeAsync(0);
    expect(values(host.calls[0]!.batch)).toEqual({ intro: 'v1', passe: 'p1' });

    intro = 'v2';
    saver.markDirty('intro', () => intro);
    const second = saver.flush();
    await vi.advanceTimersByTimeAsync(5000);
    expect(host.calls).toHaveLength(1);
    expect(saver.hasUnsaved()).toBe(true);

    host.calls[0]!.finish(ok(null));
    expect(await first).toBe(true);
    await vi.advanceTimersByTimeAsync(0);
    expect(host.calls).toHaveLength(2);
    expect(values(host.calls[1]!.batch)).toEqual({ intro: 'v2' });
    host.calls[1]!.finish(ok(null));
    expect(await second).toBe(true);
    expect(host.maxInFlight()).toBe(1);
    expect(saver.getState().kind).toBe('saved');
  });

  it('keeps the parts of a failed save and sends them again on retry', async () => {
    const host = controlledHost();
    const { saver } = autosaver(host.save);
    saver.markDirty('intro', () => 'texte');
    const attempt = saver.flush();
    await vi.advanceTimersByTimeAsync(0);
    host.calls[0]!.finish(fail('io', 'Disque plein.'));
    expect(await attempt).toBe(false);
    expect(saver.getState()).toEqual({ kind: 'error', error: { code: 'io', message: 'Disque plein.' } });
    expect(saver.hasUnsaved()).toBe(true);

    const retry = saver.flush();
    await vi.advanceTimersByTimeAsync(0);
    expect(values(host.calls[1]!.batch)).toEqual({ intro: 'texte' });
    host.calls[1]!.finish(ok(null));
    expect(await retry).toBe(true);
    expect(saver.getState().kind).toBe('saved');
  });

  it('after a failure, a newer edit of the same part wins over the failed value', async () => {
    const host = controlledHost();
    const { saver } = autosaver(host.save);
    saver.markDirty('intro', () => 'ancien');
    const attempt = saver.flush();
    await vi.advanceTimersByTimeAsync(0);
    saver.markDirty('intro', () => 'nouveau');
    host.calls[0]!.finish(fail('io', 'Disque plein.'));
    await attempt;
    expect(saver.getState().kind).toBe('error');

    void saver.flush();
    await vi.advanceTimersByTimeAsync(0);
    expect(values(host.calls[1]!.batch)).toEqual({ intro: 'nouveau' });
  });

  it('turns a save that throws into an error state in French, not an unhandled rejection', async () => {
    const quiet = vi.spyOn(console, 'error').mockImplementation(() => {});
    const { saver } = autosaver(() => Promise.reject(new Error('Network down')));
    saver.markDirty('intro', () => 'texte');
    expect(await saver.flush()).toBe(false);
    expect(saver.getState()).toMatchObject({
      kind: 'error',
      error: { code: 'internal', message: 'Erreur inattendue de la page pendant l’enregistrement' },
    });
    quiet.mockRestore();
  });

  it('tries a failed save again by itself, less and less often, until the host answers', async () => {
    const host = controlledHost();
    const { saver } = autosaver(host.save);
    saver.markDirty('intro', () => 'tapé pendant l’arrêt');
    await vi.advanceTimersByTimeAsync(1000);
    host.calls[0]!.finish(fail('unreachable', 'Fiches ne répond pas.'));
    await vi.advanceTimersByTimeAsync(1999);
    expect(host.calls).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(host.calls).toHaveLength(2);
    host.calls[1]!.finish(fail('unreachable', 'Fiches ne répond pas.'));
    // The next wait is twice as long.
    await vi.advanceTimersByTimeAsync(3999);
    expect(host.calls).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(1);
    expect(host.calls).toHaveLength(3);
    expect(values(host.calls[2]!.batch)).toEqual({ intro: 'tapé pendant l’arrêt' });
    host.calls[2]!.finish(ok(null));
    await vi.advanceTimersByTimeAsync(0);
    expect(saver.getState().kind).toBe('saved');
    await vi.advanceTimersByTimeAsync(60_000);
    expect(host.calls).toHaveLength(3);
  });

  it('does not retry what the host would refuse again, nor once the sheet was left', async () => {
    const host = controlledHost();
    const { saver } = autosaver(host.save);
    saver.markDirty('intro', () => 'x');
    void saver.flush();
    await vi.advanceTimersByTimeAsync(0);
    host.calls[0]!.finish(fail('invalid-content', 'Contenu refusé.'));
    await vi.advanceTimersByTimeAsync(60_000);
    expect(host.calls).toHaveLength(1);

    const left = autosaver(host.save).saver;
    left.markDirty('intro', () => 'y');
    const leaving = left.leave();
    await vi.advanceTimersByTimeAsync(0);
    host.calls[1]!.finish(fail('unreachable', 'Fiches ne répond pas.'));
    expect(await leaving).toBe(false);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(host.calls).toHaveLength(2);
  });

  it('journals each batch before sending it, and acknowledges it only once the host saved it', async () => {
    const host = controlledHost();
    const journal: string[] = [];
    let attempts = 0;
    const saver = new Autosaver<string>({
      keyOf: (part) => part,
      save: host.save,
      journal: {
        keep: (batch) => {
          attempts += 1;
          journal.push(`keep ${attempts} ${JSON.stringify(values(batch))}`);
          return attempts;
        },
        acknowledged: (attempt, batch) => journal.push(`ack ${attempt} ${JSON.stringify(values(batch))}`),
      },
    });
    saver.markDirty('intro', () => 'a');
    void saver.flush();
    await vi.advanceTimersByTimeAsync(0);
    expect(journal).toEqual(['keep 1 {"intro":"a"}']);
    host.calls[0]!.finish(fail('unreachable', 'Fiches ne répond pas.'));
    await vi.advanceTimersByTimeAsync(2000);
    expect(journal).toEqual(['keep 1 {"intro":"a"}', 'keep 2 {"intro":"a"}']);
    host.calls[1]!.finish(ok(null));
    await vi.advanceTimersByTimeAsync(0);
    expect(journal.at(-1)).toBe('ack 2 {"intro":"a"}');

    // On exit, the keepalive send is journalled too, and a failure keeps the parts dirty.
    saver.markDirty('passe', () => 'p');
    saver.flushOnExit();
    await vi.advanceTimersByTimeAsync(0);
    expect(journal.at(-1)).toBe('keep 3 {"passe":"p"}');
    host.calls[2]!.finish(fail('unreachable', 'Fiches ne répond pas.'));
    await vi.advanceTimersByTimeAsync(0);
    expect(saver.hasUnsaved()).toBe(true);
  });

  it('freezes the value of a part whose editor goes away', async () => {
    const host = controlledHost();
    const { saver } = autosaver(host.save);
    let alive = true;
    saver.markDirty('angle', () => {
      if (!alive) throw new Error('éditeur détruit');
      return 'dernier mot';
    });
    saver.freeze('angle');
    alive = false;
    void saver.leave();
    await vi.advanceTimersByTimeAsync(0);
    expect(values(host.calls[0]!.batch)).toEqual({ angle: 'dernier mot' });
  });

  it('on exit, sends the dirty parts with keepalive even while a save is in flight', async () => {
    const host = controlledHost();
    const { saver } = autosaver(host.save);
    saver.markDirty('intro', () => 'v1');
    void saver.flush();
    await vi.advanceTimersByTimeAsync(0);
    saver.markDirty('passe', () => 'p1');
    saver.flushOnExit();
    expect(host.calls).toHaveLength(2);
    expect(host.calls[1]!.options).toEqual({ keepalive: true });
    expect(values(host.calls[1]!.batch)).toEqual({ passe: 'p1' });
  });

  it('on exit with nothing in flight, saves through the queue with keepalive', async () => {
    const host = controlledHost();
    const { saver } = autosaver(host.save);
    saver.markDirty('intro', () => 'v1');
    saver.flushOnExit();
    await vi.advanceTimersByTimeAsync(0);
    expect(host.calls).toHaveLength(1);
    expect(host.calls[0]!.options).toEqual({ keepalive: true });
  });

  it('discards pending parts of a deleted sheet', async () => {
    const host = controlledHost();
    const { saver } = autosaver(host.save);
    saver.markDirty('intro', () => 'v1');
    saver.discard();
    await vi.advanceTimersByTimeAsync(5000);
    expect(host.calls).toHaveLength(0);
    expect(saver.getState().kind).toBe('saved');
  });

  it('notifies subscribers on state changes only', async () => {
    const { saver } = autosaver(() => Promise.resolve(ok(null)));
    const listener = vi.fn();
    saver.subscribe(listener);
    saver.markDirty('intro', () => 'a');
    saver.markDirty('intro', () => 'ab');
    saver.markDirty('intro', () => 'abc');
    expect(listener).toHaveBeenCalledTimes(1);
    await saver.flush();
    expect(listener).toHaveBeenCalledTimes(3);
  });

  it('takes a part’s JSON text from its editor when it gives one, and keeps it for a retry', async () => {
    const host = controlledHost();
    const { saver } = autosaver(host.save);
    const doc = { type: 'doc', content: [{ type: 'paragraph' }] };
    const written = vi.fn(() => '{"type":"doc","content":[{"type":"paragraph"}]}');
    saver.markDirty('intro', () => doc, written);
    saver.markDirty('statut', () => 'Brouillon');
    const saving = saver.flush();
    await vi.advanceTimersByTimeAsync(0);
    expect(host.calls[0]!.batch).toEqual([
      { part: 'intro', value: doc, json: '{"type":"doc","content":[{"type":"paragraph"}]}' },
      { part: 'statut', value: 'Brouillon', json: '"Brouillon"' },
    ]);
    host.calls[0]!.finish(fail('unreachable', 'injoignable'));
    await saving;
    // The retry sends the same text, without asking the editor again.
    const retry = saver.flush();
    await vi.advanceTimersByTimeAsync(0);
    expect(host.calls[1]!.batch[0]).toEqual({
      part: 'intro',
      value: doc,
      json: written.mock.results[0]!.value,
    });
    expect(written).toHaveBeenCalledOnce();
    host.calls[1]!.finish(ok(null));
    expect(await retry).toBe(true);
  });
});
