import { afterEach, describe, expect, it, vi } from 'vitest';
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { LexicalComposer } from '@lexical/react/LexicalComposer';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { $getRoot, $isElementNode, $isTextNode, type LexicalEditor } from 'lexical';
import { DEFAULT_TIMING, type TimingSettings } from '../../../shared/story/timing';
import type { Block } from '../../../shared/story/model';
import { SCRIPT_NODES } from '../nodes';
import { $isPresenterNode } from '../presenter/PresenterNode';
import { $blockToNode, $lexicalToStoryBody, $storyBodyToLexical } from '../model/storyBody';
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
function mount(body: Block[], settings: TimingSettings = DEFAULT_TIMING) {
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
        <TimingPlugin settings={settings} presenter="" onTiming={(t) => timings.push(t)} />
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

  it('keeps the same numbers as counting the story afresh, whatever edits come', async () => {
    // Kept per line and summed as lines change: after every edit the running sums must equal a
    // fresh count of the same story (typing, lines added and removed, presenter cues that switch
    // the rates of the lines below them, media).
    let seed = 7;
    const random = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    const WORDS = ['the', 'harbor', 'bridge', '정부는', 'council', 'tonight', '閣議', 'vote'];
    const sentence = () =>
      Array.from({ length: 10 + random(30) }, () => WORDS[random(WORDS.length)]).join(' ');
    const NAMES = ['Ana Ruiz', 'Marcus Webb', 'Kim Min-jun'];
    const settings: TimingSettings = {
      defaults: DEFAULT_TIMING.defaults,
      presenters: {
        'Ana Ruiz': {
          wordsPerMinute: 140,
          hangulSyllablesPerMinute: 250,
          cjkCharactersPerMinute: 220,
        },
        'Marcus Webb': {
          wordsPerMinute: 210,
          hangulSyllablesPerMinute: 400,
          cjkCharactersPerMinute: 350,
        },
      },
    };
    const { timings, editor } = mount(
      [
        { type: 'paragraph', runs: [{ text: 'Good evening.' }] },
        { type: 'presenter', name: 'Marcus Webb' },
        { type: 'paragraph', runs: [{ text: 'The harbor bridge closes tonight.' }] },
      ],
      settings,
    );
    await wordsReported(timings, 7);
    for (let step = 0; step < 40; step++) {
      editor().update(
        () => {
          const lines = $getRoot().getChildren();
          const line = lines[random(lines.length)]!;
          const kind = random(8);
          if (kind === 0 && lines.length > 1) line.remove();
          else if (kind <= 2)
            line.insertAfter(
              $blockToNode(
                random(3) === 0
                  ? { type: 'presenter', name: NAMES[random(NAMES.length)]! }
                  : { type: 'paragraph', runs: [{ text: sentence() }] },
              ),
            );
          else {
            const text = $isElementNode(line) ? line.getFirstChild() : null;
            if (!$isTextNode(text)) return;
            // A presenter cue is renamed (switching the rates below it); other lines grow.
            if ($isPresenterNode(line)) text.setTextContent(NAMES[random(NAMES.length)]!);
            else text.setTextContent(`${text.getTextContent()} ${sentence()}`);
          }
        },
        { discrete: true },
      );
      const body = editor().getEditorState().read($lexicalToStoryBody);
      await vi.waitFor(() => expect(timings.at(-1)).toBeDefined());
      await new Promise((resolve) => requestAnimationFrame(resolve));
      const incremental = timings.at(-1)!;
      const edited = root;
      const fresh = mount(body, settings);
      await vi.waitFor(() => expect(fresh.timings.length).toBeGreaterThan(0));
      expect(incremental, `after edit ${step}`).toEqual(fresh.timings.at(-1));
      act(() => root!.unmount());
      root = edited;
    }
  });
});
