import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { ArchiveGate } from './archiveProblem/ArchiveGate';
import './styles/app.css';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ArchiveGate>
      <App />
    </ArchiveGate>
  </StrictMode>,
);
