import { afterEach, describe, expect, it } from 'vitest';
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
import { CommentMarksPlugin } from './CommentMarksPlugin';

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

describe('comment threads in script order', () => {
  // Each keystroke reported a new (equal) array, and the app re-rendered its whole window.
  it('reports the order when it changes, not on every edit', () => {
    const orders: string[][] = [];
    let editor: LexicalEditor | null = null;
    root = createRoot(document.createElement('div'));
    act(() =>
      root!.render(
        <LexicalComposer
          initialConfig={{
            namespace: 'marks-test',
            nodes: [...SCRIPT_NODES],
            editorState: () => {
              const mark = $createMarkNode(['thread-a']).append($createTextNode('forty days'));
              $getRoot().append(
                $createParagraphNode().append($createTextNode('Closed for '), mark),
                $createParagraphNode().append($createTextNode('Divers inspect it.')),
              );
            },
            onError: (error) => {
              throw error;
            },
          }}
        >
          <CommentMarksPlugin
            resolvedThreads={new Set()}
            onStartThread={() => {}}
            onThreadOrder={(order) => orders.push(order)}
          />
          <Capture onEditor={(e) => (editor = e)} />
        </LexicalComposer>,
      ),
    );
    const type = (text: string) =>
      editor!.update(
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

    editor!.update(
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
