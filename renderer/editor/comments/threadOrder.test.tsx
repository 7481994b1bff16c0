import { afterEach, describe, expect, it, vi } from 'vitest';
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { LexicalComposer } from '@lexical/react/LexicalComposer';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { $createMarkNode } from '@lexical/mark';
import {
  $createParagraphNode,
  $createTextNode,
  $getRoot,
  $isElementNode,
  $isTextNode,
  type LexicalEditor,
} from 'lexical';
import { SCRIPT_NODES } from '../nodes';
import { ADD_COMMENT_COMMAND, CommentMarksPlugin, CROWDED_WORDS } from './CommentMarksPlugin';
import { MAX_THREADS_PER_RUN } from '../../../shared/story/model';

declare global {
  var IS_REACT_ACT_ENVIRONMENT: boolean | undefined;
}
globalThis.IS_REACT_ACT_ENVIRONMENT = true;

let root: Root | null = null;
afterEach(() => {
  act(() => root?.unmount());
  root = null;
});

function Capture({ onEditor }: { onEditor: (editor: LexicalEditor) => void }) {
  const [editor] = useLexicalComposerContext();
  onEditor(editor);
  return null;
}

/**
 * The marks plugin in a script whose first line is "Closed for forty days", the words "forty days"
 * under the threads `ids`, and any further lines; returns the editor.
 */
function scriptWithMarks(
  ids: string[],
  plugin: Omit<Parameters<typeof CommentMarksPlugin>[0], 'resolvedThreads'>,
  moreLines: string[] = [],
): LexicalEditor {
  let editor: LexicalEditor | null = null;
  root = createRoot(document.createElement('div'));
  act(() =>
    root!.render(
      <LexicalComposer
        initialConfig={{
          namespace: 'marks-test',
          nodes: [...SCRIPT_NODES],
          editorState: () => {
            const mark = $createMarkNode(ids).append($createTextNode('forty days'));
            $getRoot().append(
              $createParagraphNode().append($createTextNode('Closed for '), mark),
              ...moreLines.map((line) => $createParagraphNode().append($createTextNode(line))),
            );
          },
          onError: (error) => {
            throw error;
          },
        }}
      >
        <CommentMarksPlugin resolvedThreads={new Set()} {...plugin} />
        <Capture onEditor={(e) => (editor = e)} />
      </LexicalComposer>,
    ),
  );
  return editor!;
}

describe('comment threads in script order', () => {
  // Each keystroke reported a new (equal) array, and the app re-rendered its whole window.
  it('reports the order when it changes, not on every edit', () => {
    const orders: string[][] = [];
    const editor = scriptWithMarks(
      ['thread-a'],
      { onStartThread: () => {}, onThreadOrder: (order) => orders.push(order) },
      ['Divers inspect it.'],
    );
    const type = (text: string) =>
      editor.update(
        () => {
          const paragraph = $getRoot().getLastChild();
          const node = $isElementNode(paragraph) ? paragraph.getFirstChild() : null;
          if ($isTextNode(node)) node.setTextContent(node.getTextContent() + text);
        },
        { discrete: true },
      );
    type(' At');
    type(' dawn');
    expect(orders).toEqual([['thread-a']]);

    editor.update(
      () => {
        const mark = $createMarkNode(['thread-b']).append($createTextNode(' again'));
        const paragraph = $getRoot().getLastChild();
        if ($isElementNode(paragraph)) paragraph.append(mark);
      },
      { discrete: true },
    );
    expect(orders).toEqual([['thread-a'], ['thread-a', 'thread-b']]);
  });
});

describe('a new comment thread', () => {
  /** "forty days" under `threads` threads already; returns what opening one more does. */
  function openOneMore(threads: number) {
    const started = vi.fn();
    const refused = vi.fn();
    const ids = Array.from({ length: threads }, (_, i) => `thread-${i}`);
    const editor = scriptWithMarks(ids, {
      onStartThread: started,
      onThreadOrder: () => {},
      onThreadRefused: refused,
    });
    act(() => {
      editor.update(
        () => {
          const paragraph = $getRoot().getFirstChild();
          const mark = $isElementNode(paragraph) ? paragraph.getLastChild() : null;
          const words = $isElementNode(mark) ? mark.getFirstChild() : null;
          if ($isTextNode(words)) words.select(0, 5);
        },
        { discrete: true },
      );
      editor.dispatchCommand(ADD_COMMENT_COMMAND, undefined);
    });
    return { started, refused };
  }

  it('opens on words that carry fewer threads than the most they can hold', () => {
    const { started, refused } = openOneMore(MAX_THREADS_PER_RUN - 1);
    expect(started).toHaveBeenCalledWith(expect.objectContaining({ quote: 'forty' }));
    expect(refused).not.toHaveBeenCalled();
  });

  it('is refused, in words, on words that carry the most: one more and the story could not be saved', () => {
    const { started, refused } = openOneMore(MAX_THREADS_PER_RUN);
    expect(started).not.toHaveBeenCalled();
    expect(refused).toHaveBeenCalledWith(CROWDED_WORDS);
  });
});
