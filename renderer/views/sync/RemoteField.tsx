/** The address of a git remote, as the share and join dialogs ask for it. */
export function RemoteField({
  label,
  value,
  onChange,
  testId,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  testId: string;
}) {
  return (
    <label className="field">
      <span className="field-label">{label}</span>
      <input
        className="input"
        type="url"
        value={value}
        onChange={(event) => onChange(event.target.value)}
        placeholder="https://git.agence.fr/prospective/industrie.git"
        required
        autoFocus
        data-testid={testId}
      />
    </label>
  );
}
