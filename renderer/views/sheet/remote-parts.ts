import type { PatchBase } from '../../../shared/api/contract.js';
import { Serialised } from '../../api/client.js';
import { canonicalJson } from '../../../shared/history/canonical.js';
import { partKey, type Part } from './parts.js';

/**
 * What a shared repository adds to an open sheet: for each part holding text, each comment
 * thread and each title's marks, the value the host is known to hold (what was loaded,
 * saved, or received from a sync). Saves send it as their base, so the host merges instead
 * of replacing a part, a thread or a title's marks a sync changed meanwhile (a colleague's
 * reply or comment stays); a sync's changes to parts
 * not being edited are put into their editors at once, those to a part being edited when it
 * is saved (and the host answers which parts it merged).
 */
export type TextPart = Extract<
  Part,
  { kind: 'section' | 'scenario-title' | 'scenario-angle' | 'family-note' }
>;
export type ThreadPart = Extract<Part, { kind: 'thread' }>;
export type TitleMarksPart = Extract<Part, { kind: 'title-marks' }>;
/** What a save sends with its base. */
export type BasedPart = TextPart | ThreadPart | TitleMarksPart;

export const isTextPart = (part: Part): part is TextPart =>
  part.kind === 'section' ||
  part.kind === 'scenario-title' ||
  part.kind === 'scenario-angle' ||
  part.kind === 'family-note';

const isBasedPart = (part: Part): part is BasedPart =>
  isTextPart(part) || part.kind === 'thread' || part.kind === 'title-marks';

export const sameValue = (a: unknown, b: unknown) => canonicalJson(a) === canonicalJson(b);

/** The bases of a batch's text parts, threads and titles' marks, shaped as the patches they go with. */
export function basesOf(
  parts: readonly Part[],
  known: (part: BasedPart) => unknown,
): { sheet?: PatchBase; family?: PatchBase } {
  const bases = { sheet: {} as PatchBase, family: {} as PatchBase };
  for (const part of parts) {
    if (!isBasedPart(part)) continue;
    const value = known(part);
    if (value === undefined) continue;
    const owner = part.kind === 'section' ? 'sheet' : part.kind === 'family-note' ? 'family' : part.owner;
    const base = bases[owner];
    if (part.kind === 'thread') base.threads = { ...base.threads, [part.id]: value as never };
    else if (part.kind === 'title-marks')
      base.titleMarks = { ...base.titleMarks, [part.hypothesis]: value as never };
    else if (part.kind === 'section') base.sections = { ...base.sections, [part.section]: value as never };
    else if (part.kind === 'family-note') base.note = value as never;
    else {
      base.scenarios ??= {};
      const scenario = (base.scenarios[part.hypothesis] ??= {});
      if (part.kind === 'scenario-title') scenario.title = value as string;
      else scenario.angles = { ...scenario.angles, [part.angle]: value as never };
    }
  }
  return {
    ...(Object.keys(bases.sheet).length > 0 ? { sheet: bases.sheet } : {}),
    ...(Object.keys(bases.family).length > 0 ? { family: bases.family } : {}),
  };
}

type Listener = (value: unknown) => boolean;

/** Editors listen for their part's new value; one that is being edited declines it for now. */
export class RemoteParts {
  private readonly known = new Map<string, unknown>();
  /**
   * The JSON text of a known value, where the save that sent it had written it already: the
   * next save sends it as its base without serialising a long section again.
   */
  private readonly knownJson = new Map<string, string>();
  private readonly listeners = new Map<string, Set<Listener>>();
  /** Values an editor declined (it had the focus): given again when it lets go. */
  private readonly pending = new Map<string, unknown>();

  knownValue(part: BasedPart, fallback: () => unknown): unknown {
    const key = partKey(part);
    return this.known.has(key) ? this.known.get(key) : fallback();
  }

  /** The known value as a save sends it for its base: with its JSON text when it has it. */
  knownBase(part: BasedPart, fallback: () => unknown): unknown {
    const json = this.knownJson.get(partKey(part));
    const value = this.knownValue(part, fallback);
    return json === undefined ? value : new Serialised(value, json);
  }

  /** The host holds `value` for the part now (it was saved, or accepted from a sync); `json`: its text, if written. */
  acknowledge(part: Part, value: unknown, json?: string): void {
    if (!isBasedPart(part)) return;
    const key = partKey(part);
    this.known.set(key, value);
    if (json === undefined) this.knownJson.delete(key);
    else this.knownJson.set(key, json);
  }

  listen(part: Part, listener: Listener): () => void {
    const key = partKey(part);
    let set = this.listeners.get(key);
    if (!set) this.listeners.set(key, (set = new Set()));
    set.add(listener);
    return () => set.delete(listener);
  }

  /** Offers the part's new value to its editor; answers whether it took it. */
  offer(part: TextPart, value: unknown): boolean {
    const key = partKey(part);
    const listeners = [...(this.listeners.get(key) ?? [])];
    // No editor shows it (a title, a hidden part): its next save merges with the host's value.
    const taken = listeners.length > 0 && listeners.every((listener) => listener(value));
    if (taken) {
      this.pending.delete(key);
      this.acknowledge(part, value);
    } else this.pending.set(key, value);
    return taken;
  }

  /** The editor of `part` lets go of it: a value it declined meanwhile, if any. */
  takePending(part: Part): unknown {
    const key = partKey(part);
    const value = this.pending.get(key);
    this.pending.delete(key);
    return value;
  }
}
