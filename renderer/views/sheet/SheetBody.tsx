import { MicroScenarios } from './MicroScenarios.js';
import { SectionPart } from './SectionPart.js';
import { SheetHeader } from './SheetHeader.js';
import { useSheetSession } from './session.js';
import { StandardText } from './StandardText.js';

/**
 * Every part of the sheet in the template's order, as the editor shows it: the open sheet,
 * and a past revision shown read-only by the history, use this same layout.
 */
export function SheetBody() {
  const { view, template } = useSheetSession();
  return (
    <article className="sheet" aria-label={`Fiche ${view.variable.name}`}>
      <SheetHeader />
      <StandardText paragraphs={template.standardTexts.opening} testId="standard-opening" />
      {template.sections.map((section) => (
        <SectionPart key={section.id} section={section} phases={template.phases} />
      ))}
      <MicroScenarios />
    </article>
  );
}
