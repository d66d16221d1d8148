import { createContext, useContext } from 'react';
import type { SheetView } from '../../../shared/api/contract.js';
import { textOf, wordCount, type DocNode } from '../../../shared/content/doc.js';
import { countNumbered, numberingOrder } from '../../../shared/content/numbering.js';
import type { SheetTemplate } from '../../../shared/model/template.js';
import { ok, type Result } from '../../../shared/result.js';
import { invoke, Serialised } from '../../api/client.js';
import { NumberingRegistry, type PartCounts } from '../../editor/figure/numbering-registry.js';
import { createStore, type Store } from '../../ui/store.js';
import { SheetReview } from '../review/sheet-review.js';
import { Autosaver, type Entry, type SaveOptions } from './autosave.js';
import { WordCounts } from './counts.js';
import { pageJournal, SheetJournal } from './journal.js';
import { partKey, partValueIn, patchesOf, type Owner, type Part, type PartValue } from './parts.js';
import {
  basesOf,
  RemoteParts,
  sameValue,
  type TextPart,
  type ThreadPart,
  type TitleMarksPart,
} from './remote-parts.js';

/**
 * One open sheet: what was loaded, the latest value of each part, its autosave and its
 * word counts. Editors read their starting content here, so one mounted again (switching
 * between the sheet's and the family's micro-scenarios) shows what was last typed.
 */
export class SheetSession {
  readonly autosaver: Autosaver<Part>;
  readonly counts: WordCounts;
  /** Figures and tables are numbered through the sheet, across its editors. */
  readonly numbering: NumberingRegistry;
  /** Whether the sheet shows its family's micro-scenarios. */
  readonly useFamily: Store<boolean>;
  /** The sheet as last read from the host: its conflicts change after a sync or a save. */
  readonly current: Store<SheetView>;
  readonly remote = new RemoteParts();
  /** Comment threads of the sheet's own parts and what those parts anchor (views/review). */
  readonly review: SheetReview;
  /** The same for the family's shared micro-scenarios, reviewed from any sheet showing them. */
  readonly familyReview: SheetReview;
  private readonly latest = new Map<string, unknown>();

  constructor(
    readonly view: SheetView,
    readonly template: SheetTemplate,
    /** A past revision shown in the editor's layout: nothing can be typed, nothing is saved. */
    readonly readOnly = false,
  ) {
    this.useFamily = createStore(view.sheet.microScenarios.useFamily);
    this.current = createStore(view);
    this.counts = new WordCounts(this.initialCounts());
    this.numbering = new NumberingRegistry(this.initialNumbering());
    this.numbering.setOrder(this.numberingKeys(this.useFamily.get()));
    this.useFamily.subscribe(() => this.numbering.setOrder(this.numberingKeys(this.useFamily.get())));
    const journal = readOnly
      ? undefined
      : new SheetJournal(pageJournal(), view.sheet.id, (part) => this.loaded(part));
    this.autosaver = new Autosaver<Part>({
      keyOf: partKey,
      save: (batch, options) => this.save(batch, options),
      onRead: (part, value) => {
        this.latest.set(partKey(part), value);
        this.review.read(part);
        this.familyReview.read(part);
      },
      ...(journal ? { journal } : {}),
    });
    this.review = new SheetReview(this, template, view.sheet.review, 'sheet');
    this.familyReview = new SheetReview(this, template, view.familyShared.review, 'family');
  }

  reviewOf(owner: Owner): SheetReview {
    return owner === 'family' ? this.familyReview : this.review;
  }

  /** Open threads on what the sheet shows: its own, and its family's when it shows their micro-scenarios. */
  openThreadsShown(): { own: number; family: number } {
    return { own: this.review.openCount(), family: this.useFamily.get() ? this.familyReview.openCount() : 0 };
  }

  valueOf<P extends Part>(part: P): PartValue<P> {
    const key = partKey(part);
    return (this.latest.has(key) ? this.latest.get(key) : this.loaded(part)) as PartValue<P>;
  }

  /** An editor changed: save it later, count it later, read nothing now. `json`: its value as JSON text. */
  edited(part: Part, read: () => unknown, words?: () => number, json?: () => string): void {
    this.autosaver.markDirty(part, read, json);
    if (words) this.counts.recountLater(partKey(part), words);
  }

  /** A field whose value is known now (status, authors, a title). */
  changed<P extends Part>(part: P, value: PartValue<P>): void {
    this.latest.set(partKey(part), value);
    this.autosaver.markDirty(part, () => value);
    if (part.kind === 'scenario-title') this.counts.set(partKey(part), wordCount(value as string));
  }

  private loaded(part: Part): unknown {
    return partValueIn(this.view, part);
  }

  /**
   * A sync changed the sheet on disk: parts not being edited take the new text now, a part
   * being edited when it is saved (its save merges, the host names it in `merged`); the
   * Relecture panel shows the threads and titles' marks as the host holds them (a
   * colleague's reply or comment), but for those changed here and not saved yet, whose
   * save merges too.
   */
  async refreshFromHost(): Promise<void> {
    const result = await invoke('sheets:get', { id: this.view.sheet.id });
    if (!result.ok) return;
    this.current.set(result.value);
    for (const part of this.textParts()) {
      const value = partValueIn(result.value, part);
      if (!this.takesHostValue(part, value)) continue;
      if (this.remote.offer(part, value)) {
        this.latest.set(partKey(part), value);
        // What the new text anchors: a colleague's thread finds its words.
        this.review.read(part, false);
        this.familyReview.read(part, false);
      }
    }
    this.refreshReview(result.value);
  }

  /**
   * Whether a part takes the host's value now: it changed there since this page last knew it,
   * and it is not typed here and unsaved (that save will merge with the host's new value).
   */
  private takesHostValue(part: TextPart | ThreadPart, value: unknown): boolean {
    if (
      sameValue(
        value,
        this.remote.knownValue(part, () => this.loaded(part)),
      )
    )
      return false;
    return !this.autosaver.isDirty(partKey(part));
  }

  /** The threads and title marks of both reviews, the sheet's and its family's, as the host holds them. */
  private refreshReview(view: SheetView): void {
    for (const owner of ['sheet', 'family'] as const) {
      const review = this.reviewOf(owner);
      const hosted = (owner === 'family' ? view.familyShared : view.sheet).review;
      for (const id of new Set([...Object.keys(hosted.threads), ...Object.keys(review.threads.get())])) {
        const part: ThreadPart = { kind: 'thread', owner, id };
        const value = hosted.threads[id] ?? null;
        if (!this.takesHostValue(part, value)) continue;
        this.remote.acknowledge(part, value);
        review.receive(id, value);
      }
      for (const hypothesis of this.template.microScenarios.hypotheses) {
        const part: TitleMarksPart = { kind: 'title-marks', owner, hypothesis: hypothesis.id };
        const value = partValueIn(view, part);
        // Changed here and not saved yet: the save merges with the host's marks.
        if (this.autosaver.isDirty(partKey(part))) continue;
        this.remote.acknowledge(part, value);
        if (sameValue(value, this.valueOf(part))) continue;
        this.latest.set(partKey(part), value);
        review.read(part, false);
      }
    }
  }

  private textParts(): TextPart[] {
    const titles = (['sheet', 'family'] as const).flatMap((owner) =>
      this.template.microScenarios.hypotheses.map((hypothesis): TextPart => ({
        kind: 'scenario-title',
        owner,
        hypothesis: hypothesis.id,
      })),
    );
    return [...(this.docParts() as TextPart[]), ...titles];
  }

  /** Saves with the value each text part started from, so the host merges what a sync changed meanwhile. */
  private async save(batch: Entry<Part>[], options: SaveOptions): Promise<Result<unknown>> {
    const bases = basesOf(
      batch.map((entry) => entry.part),
      (part) => this.remote.knownBase(part, () => this.loaded(part)),
    );
    const result = await savePatches(this.view, batch, options, bases);
    if (!result.ok) return result;
    for (const { part, value, json } of batch) this.remote.acknowledge(part, value, json);
    // The host merged a colleague's change into what was sent: show the result.
    if (result.value.merged) void this.refreshFromHost();
    return ok(null);
  }

  /** The parts in numbering order (content/numbering.ts), the micro-scenarios being the ones shown. */
  private numberingKeys(useFamily: boolean): string[] {
    const owner: Owner = useFamily ? 'family' : 'sheet';
    return numberingOrder(this.template).map((part) =>
      partKey(part.kind === 'scenario-angle' ? { ...part, owner } : part),
    );
  }

  private initialNumbering(): [string, PartCounts][] {
    return this.docParts().map((part) => [partKey(part), countNumbered(this.loaded(part) as DocNode)]);
  }

  /** Every part holding a document, the family's micro-scenarios and the sheet's alike. */
  private docParts(): Part[] {
    const { sections, microScenarios } = this.template;
    return [
      ...sections.map((section): Part => ({ kind: 'section', section: section.id })),
      { kind: 'family-note' },
      ...(['sheet', 'family'] as const).flatMap((owner) =>
        microScenarios.hypotheses.flatMap((hypothesis) =>
          microScenarios.angles.map((angle): Part => ({
            kind: 'scenario-angle',
            owner,
            hypothesis: hypothesis.id,
            angle: angle.id,
          })),
        ),
      ),
    ];
  }

  private initialCounts(): [string, number][] {
    const docWords = (part: Part): [string, number] => [
      partKey(part),
      wordCount(textOf(this.loaded(part) as DocNode)),
    ];
    const { sections, microScenarios } = this.template;
    return [
      ...sections.map((section) => docWords({ kind: 'section', section: section.id })),
      ...(['sheet', 'family'] as const).flatMap((owner) =>
        microScenarios.hypotheses.flatMap((hypothesis) => {
          const title: Part = { kind: 'scenario-title', owner, hypothesis: hypothesis.id };
          return [
            [partKey(title), wordCount(this.loaded(title) as string)] as [string, number],
            ...microScenarios.angles.map((angle) =>
              docWords({ kind: 'scenario-angle', owner, hypothesis: hypothesis.id, angle: angle.id }),
            ),
          ];
        }),
      ),
    ];
  }
}

/**
 * Sends parts of a sheet (and of its family's shared content) to the host: one request for
 * each, with the values the editor started from when given (remote-parts.ts). Answers
 * whether the host merged any of them with a change a sync brought.
 */
export async function savePatches(
  view: SheetView,
  batch: readonly Entry<Part>[],
  options: SaveOptions = {},
  bases: ReturnType<typeof basesOf> = {},
): Promise<Result<{ merged: boolean }>> {
  // Values the autosave serialised already go as their text (api/client.ts).
  const { sheet, family } = patchesOf(
    batch.map(({ part, value, json }) => ({
      part,
      value: json === undefined ? value : new Serialised(value, json),
    })),
  );
  let merged = false;
  if (sheet) {
    const patch = bases.sheet ? { ...sheet, base: bases.sheet } : sheet;
    const result = await invoke('sheets:update', { id: view.sheet.id, patch }, options);
    if (!result.ok) return result;
    merged ||= (result.value.merged?.length ?? 0) > 0;
  }
  if (family) {
    const patch = bases.family ? { ...family, base: bases.family } : family;
    const result = await invoke('families:update', { familyId: view.family.id, patch }, options);
    if (!result.ok) return result;
    merged ||= (result.value.merged?.length ?? 0) > 0;
  }
  return ok({ merged });
}

export const SheetSessionContext = createContext<SheetSession | null>(null);

export function useSheetSession(): SheetSession {
  const session = useContext(SheetSessionContext);
  if (!session) throw new Error('useSheetSession outside of an open sheet');
  return session;
}
