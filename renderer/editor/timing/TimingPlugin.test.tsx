import { afterEach, describe, expect, it, vi } from 'vitest';
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { LexicalComposer } from '@lexical/react/LexicalComposer';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { $getRoot, $isElementNode, $isTextNode, type LexicalEditor } from 'lexical';
import { DEFAULT_TIMING } from '../../../shared/story/timing';
import type { Block } from '../../../shared/story/model';
import { SCRIPT_NODES } from '../nodes';
import { $storyBodyToLexical } from '../model/storyBody';
import { TimingPlugin, type LiveTiming } from './TimingPlugin';

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

/** A real editor with the timing plugin, and the timings it reports. */
function mount(body: Block[]) {
  const timings: LiveTiming[] = [];
  let editor: LexicalEditor | null = null;
  root = createRoot(document.createElement('div'));
  act(() =>
    root!.render(
      <LexicalComposer
        initialConfig={{
          namespace: 'timing-test',
          nodes: [...SCRIPT_NODES],
          editorState: () => $storyBodyToLexical(body),
          onError: (error) => {
            throw error;
          },
        }}
      >
        <TimingPlugin settings={DEFAULT_TIMING} presenter="" onTiming={(t) => timings.push(t)} />
        <Capture onEditor={(e) => (editor = e)} />
      </LexicalComposer>,
    ),
  );
  return { timings, editor: () => editor! };
}

/** The plugin reports after the next frame; waits until the last report says `words`. */
const wordsReported = (timings: LiveTiming[], words: number) =>
  vi.waitFor(() => expect(timings.at(-1)?.read.words).toBe(words));

describe('live timing', () => {
  it('counts words typed into a paragraph that was already counted', async () => {
    const { timings, editor } = mount([
      { type: 'paragraph', runs: [{ text: 'Good evening.' }] },
      { type: 'paragraph', runs: [{ text: 'The harbor bridge closes tonight.' }] },
    ]);
    await wordsReported(timings, 7);

    // Typing edits the text node; Lexical clones it but keeps the paragraph node object.
    editor().update(
      () => {
        const paragraph = $getRoot().getLastChild();
        const text = $isElementNode(paragraph) ? paragraph.getFirstChild() : null;
        if ($isTextNode(text)) text.setTextContent('The harbor bridge closes tonight for repairs.');
      },
      { discrete: true },
    );
    await wordsReported(timings, 9);
  });

  it('does not read a presenter cue aloud', async () => {
    const { timings } = mount([
      { type: 'presenter', name: 'Marcus Webb' },
      { type: 'paragraph', runs: [{ text: 'Sports now.' }] },
    ]);
    await wordsReported(timings, 2);
  });
});
