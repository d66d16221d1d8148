import type { Overview } from '../../../shared/api/contract.js';

export type Scope = 'sheet' | 'all' | 'family' | 'selection';

export interface SheetChoiceValue {
  scope: Scope;
  familyId: string;
  selected: ReadonlySet<string>;
}

interface Props {
  overview: Overview;
  /** The sheet on screen, when there is one: « Cette fiche » is then offered first. */
  currentName?: string | undefined;
  value: SheetChoiceValue;
  onChange: (value: SheetChoiceValue) => void;
}

/** The sheets of the repository that exist (a variable without a sheet has nothing to export). */
export function existingSheets(overview: Overview, familyId?: string): string[] {
  return overview.families
    .filter((family) => familyId === undefined || family.id === familyId)
    .flatMap((family) =>
      family.variables.filter((variable) => variable.sheet).map((variable) => variable.id),
    );
}

export function chosenSheets(overview: Overview, value: SheetChoiceValue, currentId?: string): string[] {
  switch (value.scope) {
    case 'sheet':
      return currentId ? [currentId] : [];
    case 'all':
      return existingSheets(overview);
    case 'family':
      return existingSheets(overview, value.familyId);
    case 'selection':
      return existingSheets(overview).filter((id) => value.selected.has(id));
  }
}

/** This sheet, all of them, a family's, or a hand-picked selection. */
export function SheetChoice({ overview, currentName, value, onChange }: Props) {
  const radio = (scope: Scope, label: string) => (
    <label className="export-choice">
      <input
        type="radio"
        name="export-scope"
        checked={value.scope === scope}
        onChange={() => onChange({ ...value, scope })}
        data-testid={`export-scope-${scope}`}
      />
      {label}
    </label>
  );
  const toggle = (id: string, on: boolean) => {
    const selected = new Set(value.selected);
    if (on) selected.add(id);
    else selected.delete(id);
    onChange({ ...value, scope: 'selection', selected });
  };
  return (
    <fieldset className="export-fieldset">
      <legend>Fiches</legend>
      {currentName !== undefined && radio('sheet', `Cette fiche (${currentName})`)}
      {radio('all', `Toutes les fiches (${existingSheets(overview).length})`)}
      <div className="export-choice-row">
        {radio('family', 'Une famille\u00a0:')}
        <select
          className="input"
          value={value.familyId}
          onChange={(event) => onChange({ ...value, scope: 'family', familyId: event.target.value })}
          data-testid="export-family"
        >
          {overview.families.map((family) => (
            <option key={family.id} value={family.id}>
              {family.number}. {family.name} ({existingSheets(overview, family.id).length})
            </option>
          ))}
        </select>
      </div>
      {radio('selection', 'Une sélection\u00a0:')}
      {value.scope === 'selection' && (
        <div className="export-selection" data-testid="export-selection">
          {overview.families
            .filter((family) => family.variables.some((variable) => variable.sheet))
            .map((family) => (
              <div key={family.id}>
                <p className="export-selection-family">
                  {family.number}. {family.name}
                </p>
                {family.variables
                  .filter((variable) => variable.sheet)
                  .map((variable) => (
                    <label key={variable.id} className="export-choice">
                      <input
                        type="checkbox"
                        checked={value.selected.has(variable.id)}
                        onChange={(event) => toggle(variable.id, event.target.checked)}
                        data-testid={`export-select-${variable.id}`}
                      />
                      {variable.name}
                    </label>
                  ))}
              </div>
            ))}
        </div>
      )}
    </fieldset>
  );
}
