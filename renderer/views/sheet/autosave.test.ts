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

  it('turns a save that throws into an error state, not an unhandled rejection', async () => {
    const { saver } = autosaver(() => Promise.reject(new Error('réseau coupé')));
    saver.markDirty('intro', () => 'texte');
    expect(await saver.flush()).toBe(false);
    expect(saver.getState()).toMatchObject({ kind: 'error', error: { message: 'réseau coupé' } });
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
});
