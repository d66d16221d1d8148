import { useMemo } from 'react';
import type { TemplateSection } from '../../../shared/model/template.js';
import { sectionKey } from '../../../shared/model/history.js';
import { usePartActions } from './part-actions.js';
import { PartEditor } from './PartEditor.js';
import type { Part } from './parts.js';
import { PhaseBreadcrumb } from './PhaseBreadcrumb.js';

interface Props {
  section: TemplateSection;
  phases: readonly { id: string; label: string }[];
}

/** A template section: its phase, its guiding question (or title), its editor. */
export function SectionPart({ section, phases }: Props) {
  const part = useMemo<Part>(() => ({ kind: 'section', section: section.id }), [section.id]);
  const partActions = usePartActions();
  const heading = section.question ?? section.title;
  return (
    <section className="sheet-section" id={`part-${section.id}`} aria-label={section.title}>
      {section.phase && <PhaseBreadcrumb phases={phases} current={section.phase} />}
      <h2 className={section.question ? 'section-question' : 'display-title'}>{heading}</h2>
      {partActions?.([sectionKey(section.id)], section.title, 'sheet')}
      <PartEditor part={part} placeholder={section.help} label={heading} testId={`section-${section.id}`} />
    </section>
  );
}
