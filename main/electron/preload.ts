import { contextBridge, ipcRenderer } from 'electron';
import { buildBridge } from './bridge';

// Sandboxed preload: exposes exactly the contract (see bridge.ts), never ipcRenderer itself.
contextBridge.exposeInMainWorld('copydesk', buildBridge(ipcRenderer));
