// The history panel's word diff, run off the window's main thread: a long story rewritten
// between two versions can take longer than a frame to compare.
import { wordDiff } from '../../shared/diff/wordDiff';
import type { DiffRequest, DiffResponse } from './diffMessages';

// The renderer's types are the window's; a worker's global scope needs only these two.
const scope = self as unknown as {
  onmessage: ((event: MessageEvent<DiffRequest>) => void) | null;
  postMessage(message: DiffResponse): void;
};

scope.onmessage = ({ data }) => {
  scope.postMessage({ id: data.id, diff: wordDiff(data.before, data.after) });
};
