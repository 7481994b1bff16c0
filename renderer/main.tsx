// The base sheet and the shared controls first: every feature's stylesheet, loaded with its
// components below, builds on them and may override them.
import './styles/base.css';
import './common/controls.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { reportUncaughtErrors } from './api/errorReport';
import { ErrorBoundary } from './recovery/ErrorBoundary';
import { CrashScreen } from './recovery/CrashScreen';
import { ArchiveGate } from './archiveProblem/ArchiveGate';

reportUncaughtErrors();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ErrorBoundary fallback={(startAgain) => <CrashScreen onStartAgain={startAgain} />}>
      <ArchiveGate>
        <App />
      </ArchiveGate>
    </ErrorBoundary>
  </StrictMode>,
);
