// The base sheet and the shared controls first: every feature's stylesheet, loaded with its
// components below, builds on them and may override them.
import './styles/base.css';
import './common/controls.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { ArchiveGate } from './archiveProblem/ArchiveGate';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ArchiveGate>
      <App />
    </ArchiveGate>
  </StrictMode>,
);
