import { describe, expect, it } from 'vitest';
import {
  $createParagraphNode,
  $createTextNode,
  $getRoot,
  $isTextNode,
  createEditor,
  type LexicalEditor,
} from 'lexical';
import { SCRIPT_NODES } from './nodes';
import { registerPauseMarks } from './pause/PauseMarksPlugin';
import { $isPauseNode } from './pause/PauseNode';
import { $applyPronouncer, $removePronouncer } from './pronouncer/pronouncerEdits';
import { $isPronouncerNode } from './pronouncer/PronouncerNode';
import { $lexicalToStoryBody, $storyBodyToLexical } from './model/storyBody';
import { $setTextKind } from './blockTypes';
import { withTranscript } from './media/MediaBlockView';
import { emptyMedia } from './media/MediaNode';
import { dictionaryPattern } from './pronouncer/PronouncerHintsPlugin';

function editor(): LexicalEditor {
  return createEditor({
    nodes: [...SCRIPT_NODES],
    onError: (e) => {
      throw e;
    },
  });
}

function update(e: LexicalEditor, fn: () => void) {
  e.update(fn, { discrete: true });
}

describe('pause marks', () => {
  it('turns ... and ,... in read text into pause nodes without changing the text', () => {
    const e = editor();
    registerPauseMarks(e);
    update(e, () =>
      $storyBodyToLexical([
        { type: 'paragraph', runs: [{ text: 'Eight hours from now,... the pact ends... today' }] },
      ]),
    );
    e.getEditorState().read(() => {
      const kids = $getRoot()
        .getFirstChildOrThrow<ReturnType<typeof $createParagraphNode>>()
        .getChildren();
      expect(kids.filter($isPauseNode).map((k) => k.getTextContent())).toEqual([',...', '...']);
    });
    expect(e.getEditorState().read($lexicalToStoryBody)).toEqual([
      { type: 'paragraph', runs: [{ text: 'Eight hours from now,... the pact ends... today' }] },
    ]);
  });

  it('leaves cues alone and turns an edited pause back into text', () => {
    const e = editor();
    registerPauseMarks(e);
    update(e, () =>
      $storyBodyToLexical([
        { type: 'cue', text: 'HOLD... FOR CUE' },
        { type: 'paragraph', runs: [{ text: 'Wait...' }] },
      ]),
    );
    update(e, () => {
      const pause = $getRoot()
        .getLastChildOrThrow<ReturnType<typeof $createParagraphNode>>()
        .getChildren()
        .find($isPauseNode)!;
      pause.setTextContent('..');
    });
    e.getEditorState().read(() => {
      const leaves = $getRoot().getAllTextNodes();
      expect(leaves.map((n) => n.getTextContent())).toEqual(['HOLD... FOR CUE', 'Wait..']);
      expect(leaves.some($isPauseNode)).toBe(false);
    });
  });
});

describe('pronouncers in the editor', () => {
  it('attaches a pronouncer to the word at the caret, keeps its format, and removes it again', () => {
    const e = editor();
    update(e, () => {
      const text = $createTextNode('Minister Raghunathan spoke').toggleFormat('bold');
      $getRoot().clear().append($createParagraphNode().append(text));
      text.select(12, 12);
      $applyPronouncer('RAH-goo-NAH-tun');
    });
    expect(e.getEditorState().read($lexicalToStoryBody)).toEqual([
      {
        type: 'paragraph',
        runs: [
          { text: 'Minister ', bold: true },
          { text: 'Raghunathan', bold: true, pronouncer: 'RAH-goo-NAH-tun' },
          { text: ' spoke', bold: true },
        ],
      },
    ]);
    update(e, () => {
      const node = $getRoot()
        .getFirstChildOrThrow<ReturnType<typeof $createParagraphNode>>()
        .getChildren()
        .find($isPronouncerNode)!;
      $removePronouncer(node.getKey(), node);
    });
    expect(e.getEditorState().read($lexicalToStoryBody)).toEqual([
      { type: 'paragraph', runs: [{ text: 'Minister Raghunathan spoke', bold: true }] },
    ]);
  });

  it('pronounces a selected multi-word name, trimmed of spaces', () => {
    const e = editor();
    update(e, () => {
      const text = $createTextNode('Reporter Kim Min-ji in Seoul');
      $getRoot().clear().append($createParagraphNode().append(text));
      text.select(8, 20);
      $applyPronouncer('KIM MIN-jee');
    });
    const body = e.getEditorState().read($lexicalToStoryBody);
    expect(body[0]).toEqual({
      type: 'paragraph',
      runs: [
        { text: 'Reporter ' },
        { text: 'Kim Min-ji', pronouncer: 'KIM MIN-jee' },
        { text: ' in Seoul' },
      ],
    });
  });

  it('matches dictionary terms as whole words, without case, longest first', () => {
    const pattern = dictionaryPattern([
      { term: 'Kim', phonetic: 'KIM' },
      { term: 'Kim Min-ji', phonetic: 'KIM MIN-jee' },
    ])!;
    expect([...'kim min-ji met Kimberly and KIM'.matchAll(pattern)].map((m) => m[0])).toEqual([
      'kim min-ji',
      'KIM',
    ]);
  });
});

describe('kinds of line', () => {
  it('converts read text to a cue, an instruction and a presenter cue and back without losing text', () => {
    const e = editor();
    update(e, () => $storyBodyToLexical([{ type: 'paragraph', runs: [{ text: 'TAKE VO' }] }]));
    for (const kind of ['cue', 'instruction', 'presenter', 'read'] as const) {
      update(e, () => {
        $getRoot().getFirstChildOrThrow().selectStart();
        $setTextKind(kind);
      });
      const [block] = e.getEditorState().read($lexicalToStoryBody);
      const expected = {
        cue: { type: 'cue', text: 'TAKE VO' },
        instruction: { type: 'instruction', text: 'TAKE VO' },
        presenter: { type: 'presenter', name: 'TAKE VO' },
        read: { type: 'paragraph', runs: [{ text: 'TAKE VO' }] },
      }[kind];
      expect(block).toEqual(expected);
    }
    e.getEditorState().read(() => expect($isTextNode($getRoot().getFirstDescendant())).toBe(true));
  });
});

describe('sound bite cues follow the transcript', () => {
  it('fills IN and OUT from a pasted transcript', () => {
    const m = withTranscript(emptyMedia('SOT'), 'We will rebuild it\nby next spring, she said.');
    expect([m.inCue, m.outCue]).toEqual(['We will rebuild', 'spring, she said.']);
  });

  it('keeps cues the reporter typed', () => {
    const typed = {
      ...withTranscript(emptyMedia('SOT'), 'We will rebuild it.'),
      inCue: 'Rebuild it',
    };
    expect(withTranscript(typed, 'We will rebuild it soon.').inCue).toBe('Rebuild it');
    expect(withTranscript(typed, 'We will rebuild it soon.').outCue).toBe('rebuild it soon.');
  });
});
