import { randomUUID } from 'node:crypto';
import { basename, isAbsolute, resolve } from 'node:path';
import type { ShellRequest } from '../../shared/ipc/api';
import { HANDOFF_EXTENSION } from '../../shared/exchange/handoff';
const MAX_HANDOFFS_PER_LAUNCH = 20;

/**
 * The .copydesk files named on a command line (a double-click on Windows and Linux, or a second
 * launch): the arguments that end in .copydesk and are not switches, made absolute against the
 * folder the launch came from.
 */
export function handoffPathsIn(argv: readonly string[], cwd: string): string[] {
  const paths = argv
    .slice(1)
    .filter((arg) => !arg.startsWith('-') && arg.toLowerCase().endsWith(HANDOFF_EXTENSION))
    .map((arg) => (isAbsolute(arg) ? arg : resolve(cwd, arg)));
  return [...new Set(paths)].slice(0, MAX_HANDOFFS_PER_LAUNCH);
}

export type HandoffRequests = {
  /** A .copydesk file the OS handed us; sent to the renderer now, or once it is ready. */
  open(path: string): void;
  /** The renderer has loaded and listens: send what waited. */
  ready(): void;
  /** The window is gone: hold new requests until the next ready(). */
  notReady(): void;
  /** The path behind a request id, for main to import; each id answers once. */
  take(requestId: string): string | undefined;
};

/**
 * Hands .copydesk hand-offs to the renderer as 'open-handoff' requests. The renderer learns the
 * file name and an id; the path stays in main, which alone reads the file.
 */
export function createHandoffRequests(
  send: (request: ShellRequest) => void,
  newId: () => string = randomUUID,
): HandoffRequests {
  const waiting: string[] = [];
  const byId = new Map<string, string>();
  let isReady = false;
  const dispatch = (path: string) => {
    const requestId = newId();
    byId.set(requestId, path);
    send({ type: 'open-handoff', requestId, fileName: basename(path).slice(0, 255) });
  };
  return {
    open(path) {
      if (isReady) dispatch(path);
      else if (!waiting.includes(path)) waiting.push(path);
    },
    ready() {
      isReady = true;
      waiting.splice(0).forEach(dispatch);
    },
    notReady() {
      isReady = false;
    },
    take(requestId) {
      const path = byId.get(requestId);
      byId.delete(requestId);
      return path;
    },
  };
}
