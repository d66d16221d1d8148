import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { captureSessionToken } from './api/token.js';
import { App } from './app/App.js';
import { ErrorBoundary } from './app/ErrorBoundary.js';
import { installFrenchValidityMessages } from './ui/french-validity.js';
import './styles/base.css';
import './styles/home.css';
import './styles/sheet.css';
import './styles/editor.css';

captureSessionToken();
installFrenchValidityMessages();

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <ErrorBoundary>
        <App />
      </ErrorBoundary>
    </StrictMode>,
  );
}
