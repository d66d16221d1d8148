/** User name and password (or access token), as every sync dialog asks for them. */
export interface CredentialsValue {
  username: string;
  password: string;
}

export function CredentialsFields({
  value,
  onChange,
  required,
}: {
  value: CredentialsValue;
  onChange: (value: CredentialsValue) => void;
  required?: boolean;
}) {
  return (
    <>
      <label className="field">
        <span className="field-label">Nom d’utilisateur</span>
        <input
          className="input"
          value={value.username}
          onChange={(event) => onChange({ ...value, username: event.target.value })}
          autoComplete="username"
          required={required}
          maxLength={200}
          data-testid="sync-username"
        />
      </label>
      <label className="field">
        <span className="field-label">Mot de passe ou jeton d’accès</span>
        <input
          className="input"
          type="password"
          value={value.password}
          onChange={(event) => onChange({ ...value, password: event.target.value })}
          autoComplete="current-password"
          required={required}
          maxLength={2000}
          data-testid="sync-password"
        />
      </label>
      <p className="muted sync-credentials-note">
        Vos identifiants sont gardés par l’application (le trousseau du système dans l’application de bureau),
        jamais dans le dépôt.
      </p>
    </>
  );
}

export const credentialsOf = ({ username, password }: CredentialsValue) =>
  username.trim() && password ? { username: username.trim(), password } : {};
