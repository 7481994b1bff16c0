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
import { PartFailed } from './recovery/PartFailed';
import { ArchiveGate } from './archiveProblem/ArchiveGate';
import { PrompterOutput } from './prompter/PrompterOutput';

reportUncaughtErrors();

// The same build serves the prompter's talent output, in a window of its own. It holds no story
// to rescue and opens no archive: when it fails it offers to draw again, nothing more.
const output = location.hash.startsWith('#/prompter/output');

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    {output ? (
      <ErrorBoundary
        fallback={(retry) => <PartFailed what="The prompter output" onRetry={retry} />}
      >
        <PrompterOutput />
      </ErrorBoundary>
    ) : (
      <ErrorBoundary fallback={(startAgain) => <CrashScreen onStartAgain={startAgain} />}>
        <ArchiveGate>
          <App />
        </ArchiveGate>
      </ErrorBoundary>
    )}
  </StrictMode>,
);
