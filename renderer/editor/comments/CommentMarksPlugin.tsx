import { useEffect, useRef } from 'react';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { $isMarkNode, $unwrapMarkNode, $wrapSelectionInMarkNode, MarkNode } from '@lexical/mark';
import {
  $addUpdateTag,
  $getNodeByKey,
  $getRoot,
  $getSelection,
  $isElementNode,
  $isRangeSelection,
  COMMAND_PRIORITY_HIGH,
  COMMAND_PRIORITY_LOW,
  createCommand,
  KEY_DOWN_COMMAND,
  mergeRegister,
  SKIP_DOM_SELECTION_TAG,
  type LexicalNode,
} from 'lexical';
import { isCtrlAlt } from '../shortcuts/ctrlAlt';
import { MAX_THREADS_PER_RUN } from '../../../shared/story/model';
import './comments.css';

export const ADD_COMMENT_COMMAND = createCommand<void>('ADD_COMMENT_COMMAND');
export const REMOVE_THREAD_COMMAND = createCommand<string>('REMOVE_THREAD_COMMAND');
export const REVEAL_THREAD_COMMAND = createCommand<string>('REVEAL_THREAD_COMMAND');
/** Puts the caret back in the script, just after the thread's words, and the keyboard with it. */
export const RETURN_TO_THREAD_COMMAND = createCommand<string>('RETURN_TO_THREAD_COMMAND');
export const COMMENT_SHORTCUT = { shortcut: 'Ctrl+Alt+M', key: 'm' };

type Props = {
  resolvedThreads: ReadonlySet<string>;
  onStartThread: (thread: { threadId: string; quote: string }) => void;
  onThreadOrder: (threadIds: string[]) => void;
  /** Says why no thread was opened on the selection. */
  onThreadRefused?: (message: string) => void;
};

/** How many threads the words of `node` already carry (its marks and the marks around it). */
function $threadsOn(node: LexicalNode): number {
  const ids = new Set<string>();
  for (let at: LexicalNode | null = node; at; at = at.getParent())
    if ($isMarkNode(at)) for (const id of at.getIDs()) ids.add(id);
  return ids.size;
}

export const CROWDED_WORDS =
  `These words already carry ${MAX_THREADS_PER_RUN} comment threads, the most one stretch of ` +
  'words can hold: reply in one of them instead.';

function $marks(node: LexicalNode = $getRoot(), out: MarkNode[] = []): MarkNode[] {
  if ($isMarkNode(node)) out.push(node);
  if ($isElementNode(node)) for (const child of node.getChildren()) $marks(child, out);
  return out;
}

/**
 * Comment anchors: a comment is opened on the selected words, which get a mark carrying the
 * thread's id. Marks travel with their words through later edits, saves and reloads (they are in
 * the story model as the runs' `comments`). Resolved threads' marks fade.
 */
export function CommentMarksPlugin({
  resolvedThreads,
  onStartThread,
  onThreadOrder,
  onThreadRefused,
}: Props) {
  const [editor] = useLexicalComposerContext();
  const callbacks = useRef({ onStartThread, onThreadOrder, onThreadRefused });
  useEffect(() => {
    callbacks.current = { onStartThread, onThreadOrder, onThreadRefused };
  }, [onStartThread, onThreadOrder, onThreadRefused]);

  useEffect(() => {
    let lastOrder: string | null = null;
    const reportOrder = () => {
      const order = editor
        .getEditorState()
        .read(() => [...new Set($marks().flatMap((m) => m.getIDs()))]);
      if (order.join('\n') === lastOrder) return;
      lastOrder = order.join('\n');
      callbacks.current.onThreadOrder(order);
    };
    if (!editor.getEditorState().isEmpty()) reportOrder();
    // Command handlers already run inside an editor update, so this edits directly.
    const $start = () => {
      const selection = $getSelection();
      if (!$isRangeSelection(selection) || selection.isCollapsed()) return true;
      const quote = selection.getTextContent().trim();
      if (!quote) return true;
      // One more would make the story one that cannot be saved.
      if (selection.getNodes().some((node) => $threadsOn(node) >= MAX_THREADS_PER_RUN)) {
        callbacks.current.onThreadRefused?.(CROWDED_WORDS);
        return true;
      }
      const threadId = crypto.randomUUID();
      $wrapSelectionInMarkNode(selection, selection.isBackward(), threadId);
      // The keyboard goes to the comment box: the script must not pull the caret back after
      // this update, or the note would be typed into the read copy.
      $addUpdateTag(SKIP_DOM_SELECTION_TAG);
      callbacks.current.onStartThread({ threadId, quote: quote.slice(0, 500) });
      return true;
    };
    return mergeRegister(
      editor.registerCommand(ADD_COMMENT_COMMAND, $start, COMMAND_PRIORITY_LOW),
      editor.registerCommand(
        KEY_DOWN_COMMAND,
        (event: KeyboardEvent) => {
          if (isCtrlAlt(event, 'm')) {
            event.preventDefault();
            return $start();
          }
          return false;
        },
        COMMAND_PRIORITY_HIGH,
      ),
      editor.registerCommand(
        REMOVE_THREAD_COMMAND,
        (threadId) => {
          for (const mark of $marks()) {
            if (!mark.hasID(threadId)) continue;
            mark.deleteID(threadId);
            if (mark.getIDs().length === 0) $unwrapMarkNode(mark);
          }
          return true;
        },
        COMMAND_PRIORITY_LOW,
      ),
      editor.registerCommand(
        RETURN_TO_THREAD_COMMAND,
        (threadId) => {
          const marks = $marks().filter((m) => m.hasID(threadId));
          marks.at(-1)?.selectEnd();
          return true;
        },
        COMMAND_PRIORITY_LOW,
      ),
      editor.registerCommand(
        REVEAL_THREAD_COMMAND,
        (threadId) => {
          const key = editor.getEditorState().read(() =>
            $marks()
              .find((m) => m.hasID(threadId))
              ?.getKey(),
          );
          const element = key ? editor.getElementByKey(key) : null;
          if (element) {
            element.scrollIntoView({ block: 'center', behavior: 'smooth' });
            element.classList.add('cd-mark-flash');
            setTimeout(() => element.classList.remove('cd-mark-flash'), 1200);
          }
          return true;
        },
        COMMAND_PRIORITY_LOW,
      ),
      // The order of threads changes only when a mark comes, goes or changes: typing elsewhere
      // never walks the story for them. Only a changed order is news (a new array re-renders
      // the window).
      editor.registerUpdateListener(({ editorState, prevEditorState, dirtyElements }) => {
        const touchesMark = (state: typeof editorState) =>
          state.read(() =>
            [...dirtyElements.keys()].some((key) => $isMarkNode($getNodeByKey(key))),
          );
        if (prevEditorState.isEmpty() || touchesMark(editorState) || touchesMark(prevEditorState))
          reportOrder();
      }),
    );
  }, [editor]);

  // Fade the marks of resolved threads.
  useEffect(() => {
    const paint = () =>
      editor.getEditorState().read(() => {
        for (const mark of $marks()) {
          const element = editor.getElementByKey(mark.getKey());
          element?.classList.toggle(
            'cd-mark-resolved',
            mark.getIDs().every((id) => resolvedThreads.has(id)),
          );
        }
      });
    paint();
    return editor.registerMutationListener(MarkNode, paint);
  }, [editor, resolvedThreads]);
  return null;
}
