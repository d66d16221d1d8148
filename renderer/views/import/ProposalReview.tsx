import type { Overview } from '../../../shared/api/contract.js';
import type { ImportChoices, ImportProposal } from '../../../shared/api/import-contract.js';
import type { SheetTemplate } from '../../../shared/model/template.js';
import { TypographicInput } from '../../ui/TypographicInput.js';
import { targetKey, targetOfKey, targetOptions } from './run-import.js';

/** What the user decides for one file, as the form holds it. */
export interface ReviewValue {
  /** The chosen variable's id; '' for a new variable. */
  variable: string;
  newName: string;
  newFamily: string;
  /** Confirmed: the variable's existing sheet gets a new revision. */
  replace: boolean;
  /** Part id → target key (run-import.ts), for every part. */
  targets: Record<string, string>;
  unplacedSection: string;
}

export function initialReview(proposal: ImportProposal, overview: Overview): ReviewValue {
  return {
    variable: proposal.variableId ?? '',
    newName: proposal.title,
    newFamily: proposal.suggestedFamilyId ?? overview.families[0]?.id ?? '',
    replace: false,
    targets: Object.fromEntries(proposal.parts.map((part) => [part.id, targetKey(part.proposed)])),
    unplacedSection: proposal.unplacedSection,
  };
}

function sheetExists(overview: Overview, variableId: string): boolean {
  return overview.families.some((family) =>
    family.variables.some((variable) => variable.id === variableId && variable.sheet !== null),
  );
}

/** Why « Importer » cannot run yet, in French; undefined when it can. */
export function reviewProblem(value: ReviewValue, overview: Overview): string | undefined {
  if (value.variable === '' && value.newName.trim() === '') return 'Donnez un nom à la nouvelle variable.';
  if (value.variable !== '' && sheetExists(overview, value.variable) && !value.replace) {
    return 'Cette variable a déjà une fiche\u00a0: cochez la case pour en faire une nouvelle version.';
  }
  return undefined;
}

export function choicesOf(value: ReviewValue, proposal: ImportProposal): ImportChoices {
  return {
    fingerprint: proposal.fingerprint,
    variable:
      value.variable === ''
        ? { kind: 'new', familyId: value.newFamily, name: value.newName.trim() }
        : { kind: 'existing', variableId: value.variable },
    replaceExisting: value.replace,
    targets: Object.fromEntries(Object.entries(value.targets).map(([id, key]) => [id, targetOfKey(key)])),
    unplacedSection: value.unplacedSection,
  };
}

interface Props {
  proposal: ImportProposal;
  overview: Overview;
  template: SheetTemplate;
  value: ReviewValue;
  onChange: (value: ReviewValue) => void;
  disabled: boolean;
}

const counts = (part: ImportProposal['parts'][number]) =>
  [
    part.nature === 'title' ? 'titre' : `${part.words}\u00a0mots`,
    part.figures ? `${part.figures}\u00a0figure${part.figures > 1 ? 's' : ''}` : '',
    part.tables ? `${part.tables}\u00a0tableau${part.tables > 1 ? 'x' : ''}` : '',
  ]
    .filter(Boolean)
    .join(', ');

/** The review of one file: its variable, each part and where it goes (changeable), what was recognised, the warnings. */
export function ProposalReview({ proposal, overview, template, value, onChange, disabled }: Props) {
  const existing = value.variable !== '' && sheetExists(overview, value.variable);
  const variableName = overview.families
    .flatMap((family) => family.variables)
    .find((variable) => variable.id === value.variable)?.name;
  return (
    <fieldset className="import-review" disabled={disabled} data-testid="import-review">
      <p className="import-title">
        Titre trouvé&nbsp;: <strong data-testid="import-found-title">{proposal.title || '(aucun)'}</strong>
      </p>
      <div className="import-row">
        <label htmlFor="import-variable">Variable</label>
        <select
          id="import-variable"
          className="input"
          value={value.variable}
          onChange={(event) => onChange({ ...value, variable: event.target.value, replace: false })}
          data-testid="import-variable"
        >
          {overview.families.map((family) => (
            <optgroup key={family.id} label={`${family.number}. ${family.name}`}>
              {family.variables.map((variable) => (
                <option key={variable.id} value={variable.id}>
                  {variable.name}
                  {variable.sheet ? ' (fiche existante)' : ''}
                </option>
              ))}
            </optgroup>
          ))}
          <option value="">Nouvelle variable…</option>
        </select>
      </div>
      {value.variable === '' && (
        <div className="import-row">
          <label htmlFor="import-new-name">Nom</label>
          <TypographicInput
            id="import-new-name"
            className="input"
            value={value.newName}
            onValueChange={(newName) => onChange({ ...value, newName })}
            data-testid="import-new-name"
          />
          <label htmlFor="import-new-family">dans la famille</label>
          <select
            id="import-new-family"
            className="input"
            value={value.newFamily}
            onChange={(event) => onChange({ ...value, newFamily: event.target.value })}
            data-testid="import-new-family"
          >
            {overview.families.map((family) => (
              <option key={family.id} value={family.id}>
                {family.number}. {family.name}
              </option>
            ))}
          </select>
        </div>
      )}
      {existing && (
        <label className="import-confirm">
          <input
            type="checkbox"
            checked={value.replace}
            onChange={(event) => onChange({ ...value, replace: event.target.checked })}
            data-testid="import-replace"
          />
          La fiche «&nbsp;{variableName}&nbsp;» existe déjà&nbsp;: en faire une nouvelle version (son état
          actuel reste dans l’historique, «&nbsp;Avant import&nbsp;»).
        </label>
      )}
      <table className="import-parts">
        <thead>
          <tr>
            <th scope="col">Dans le document Word</th>
            <th scope="col">Va dans</th>
          </tr>
        </thead>
        <tbody>
          {proposal.parts.map((part) => (
            <tr key={part.id} data-testid={`import-part-${part.id}`}>
              <td>
                <span className="import-part-origin">{part.origin}</span>
                <span className="import-part-excerpt muted">{part.excerpt}</span>
                <span className="import-part-meta muted">
                  {counts(part)} · {part.reason}
                </span>
              </td>
              <td>
                <select
                  className="input"
                  aria-label={`Destination de «\u00a0${part.origin}\u00a0»`}
                  value={value.targets[part.id] ?? 'unplaced'}
                  onChange={(event) =>
                    onChange({ ...value, targets: { ...value.targets, [part.id]: event.target.value } })
                  }
                  data-testid={`import-target-${part.id}`}
                >
                  {targetOptions(template, part.nature).map((group) => (
                    <optgroup key={group.group} label={group.group}>
                      {group.options.map((option) => (
                        <option key={option.key} value={option.key}>
                          {option.label}
                        </option>
                      ))}
                    </optgroup>
                  ))}
                </select>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="import-row">
        <label htmlFor="import-unplaced">Le contenu non placé va dans</label>
        <select
          id="import-unplaced"
          className="input"
          value={value.unplacedSection}
          onChange={(event) => onChange({ ...value, unplacedSection: event.target.value })}
          data-testid="import-unplaced"
        >
          {template.sections.map((section) => (
            <option key={section.id} value={section.id}>
              {section.title}
            </option>
          ))}
        </select>
      </div>
      {proposal.recognised.length > 0 && (
        <p className="import-recognised muted" data-testid="import-recognised">
          Reconnu et non importé (déjà dans le modèle de fiche)&nbsp;: {proposal.recognised.join(', ')}.
        </p>
      )}
      {proposal.warnings.length > 0 && (
        <ul className="import-warnings" data-testid="import-warnings">
          {proposal.warnings.map((warning) => (
            <li key={warning}>{warning}</li>
          ))}
        </ul>
      )}
    </fieldset>
  );
}
