import { useSyncExternalStore } from 'react';
import type { PartState } from '../../../shared/model/completeness.js';
import { formatWords } from '../../ui/format.js';
import { useStore } from '../../ui/store.js';
import { partKey } from './parts.js';
import { useSheetSession, type SheetSession } from './session.js';

const stateLabels: Record<PartState, string> = {
  empty: 'vide',
  'in-progress': 'en cours',
  complete: 'complète',
};

interface OutlineEntry {
  id: string;
  anchor: string;
  title: string;
  words: number;
  min: number;
  max: number;
  state: PartState;
  /** Figures and tables still without their source. */
  missingSources: number;
}

function stateOf(words: number, min: number): PartState {
  if (words === 0) return 'empty';
  return words >= min ? 'complete' : 'in-progress';
}

/** A figure or a table without its source keeps its part from being complete. */
function withSources(state: PartState, missingSources: number): PartState {
  return state === 'complete' && missingSources > 0 ? 'in-progress' : state;
}

/**
 * The same rules as the shared completeness: a part is complete at its minimum, a title
 * once written, and once every figure and table in it has its source.
 */
function entriesOf(session: SheetSession, useFamily: boolean): OutlineEntry[] {
  const { template, counts, numbering } = session;
  const sections = template.sections.map((section): OutlineEntry => {
    const key = partKey({ kind: 'section', section: section.id });
    const words = counts.get(key);
    const missingSources = numbering.missingSources(key);
    const { min, max } = section.targetWords;
    return {
      id: section.id,
      anchor: `part-${section.id}`,
      title: section.title,
      words,
      min,
      max,
      state: withSources(stateOf(words, min), missingSources),
      missingSources,
    };
  });
  const owner = useFamily ? 'family' : 'sheet';
  const { angles, hypotheses, targetWords } = template.microScenarios;
  const scenarios = hypotheses.map((hypothesis): OutlineEntry => {
    const angleKeys = angles.map((angle) =>
      partKey({ kind: 'scenario-angle', owner, hypothesis: hypothesis.id, angle: angle.id }),
    );
    const angleWords = angleKeys.map((key) => counts.get(key));
    const missingSources = angleKeys.reduce((sum, key) => sum + numbering.missingSources(key), 0);
    const titleWords = counts.get(partKey({ kind: 'scenario-title', owner, hypothesis: hypothesis.id }));
    const states = [
      titleWords > 0 ? 'complete' : 'empty',
      ...angleWords.map((w) => stateOf(w, targetWords.min)),
    ];
    const state: PartState = states.every((s) => s === 'empty')
      ? 'empty'
      : states.every((s) => s === 'complete')
        ? 'complete'
        : 'in-progress';
    return {
      id: `scenario-${hypothesis.id}`,
      anchor: `part-scenario-${hypothesis.id}`,
      title: hypothesis.label,
      words: angleWords.reduce((sum, w) => sum + w, 0),
      min: targetWords.min * angles.length,
      max: targetWords.max * angles.length,
      state: withSources(state, missingSources),
      missingSources,
    };
  });
  return [...sections, ...scenarios];
}

/** Frames to wait for blocks coming into view to take their real height (content-visibility). */
const SETTLE_FRAMES = 10;

/**
 * Text blocks out of sight have an estimated height until they are drawn
 * (editor.css, content-visibility): a jump lands short when those above the target grow
 * on the way. So the jump is instant and repeated, frame after frame, until the target
 * stays put at the top.
 */
function scrollTo(anchor: string): void {
  const target = document.getElementById(anchor);
  if (!target) return;
  let frames = 0;
  let lastTop = Number.NaN;
  const settle = () => {
    const top = target.getBoundingClientRect().top;
    if (Math.abs(top - lastTop) < 1 || frames >= SETTLE_FRAMES) return;
    lastTop = top;
    frames += 1;
    target.scrollIntoView({ block: 'start' });
    lastTop = target.getBoundingClientRect().top;
    requestAnimationFrame(settle);
  };
  settle();
}

/** The parts of the sheet, how far each is, and a way to jump to it. Counts refresh when typing pauses. */
export function Outline() {
  const session = useSheetSession();
  useSyncExternalStore(session.counts.subscribe, session.counts.getVersion);
  useSyncExternalStore(session.numbering.subscribe, session.numbering.getVersion);
  const useFamily = useStore(session.useFamily);
  const entries = entriesOf(session, useFamily);
  const sectionCount = session.template.sections.length;

  return (
    <nav className="outline" aria-label="Plan de la fiche" data-testid="outline">
      <h2 className="outline-title">Plan</h2>
      <ol>
        {entries.map((entry, index) => (
          <li key={entry.id} className={index === sectionCount ? 'outline-group-start' : undefined}>
            {index === sectionCount && (
              <span className="outline-group">{session.template.microScenarios.title}</span>
            )}
            <button
              type="button"
              className={`outline-item outline-${entry.state}`}
              onClick={() => scrollTo(entry.anchor)}
              data-testid={`outline-item-${entry.id}`}
              data-state={entry.state}
            >
              <span className="outline-item-title">{entry.title}</span>
              <span className="outline-item-meta">
                <span className={`part-state part-state-${entry.state}`}>{stateLabels[entry.state]}</span>
                {entry.missingSources > 0 && (
                  <span className="outline-missing-sources" data-testid={`outline-missing-${entry.id}`}>
                    {entry.missingSources === 1
                      ? 'source manquante'
                      : `${entry.missingSources}\u00a0sources manquantes`}
                  </span>
                )}
                <span className="outline-words" data-testid={`outline-words-${entry.id}`}>
                  {formatWords(entry.words, entry.min, entry.max)}
                </span>
              </span>
            </button>
          </li>
        ))}
      </ol>
    </nav>
  );
}
