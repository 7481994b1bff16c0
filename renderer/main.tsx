// The base sheet and the shared controls first: every feature's stylesheet, loaded with its
// components below, builds on them and may override them.
import './styles/base.css';
import './common/controls.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { PrompterOutput } from './prompter/PrompterOutput';

// The same build serves the prompter's talent output, in a window of its own.
const output = location.hash.startsWith('#/prompter/output');

createRoot(document.getElementById('root')!).render(
  <StrictMode>{output ? <PrompterOutput /> : <App />}</StrictMode>,
);
