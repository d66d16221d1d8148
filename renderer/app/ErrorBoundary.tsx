import { Component, type ErrorInfo, type ReactNode } from 'react';

interface State {
  error: Error | null;
}

/**
 * A rendering bug must not leave a blank window: say what happened in French and offer a
 * way back. Saved texts are on disk; what was typed since the last save is in the editors
 * that just failed, so the message does not promise more than that.
 */
export class ErrorBoundary extends Component<{ children: ReactNode }, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: Error): State {
    return { error };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error('Fiches\u00a0: erreur d’affichage', error, info.componentStack);
  }

  override render() {
    const { error } = this.state;
    if (!error) return this.props.children;
    return (
      <main className="fatal" data-testid="fatal-error" role="alert">
        <h1>Un problème d’affichage est survenu</h1>
        <p>
          Les textes déjà enregistrés sont intacts. Revenez à l’accueil ou rechargez la page&#8239;; si le
          problème persiste, signalez-le avec ce message&nbsp;: <code>{error.message}</code>
        </p>
        <div className="fatal-actions">
          <button
            type="button"
            className="button"
            onClick={() => {
              window.location.hash = '#/';
              this.setState({ error: null });
            }}
          >
            Revenir à l’accueil
          </button>
          <button type="button" className="button" onClick={() => window.location.reload()}>
            Recharger
          </button>
        </div>
      </main>
    );
  }
}
