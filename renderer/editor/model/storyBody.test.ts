import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  $createParagraphNode,
  $createLineBreakNode,
  $createTextNode,
  $getRoot,
  createEditor,
} from 'lexical';
import { $lexicalToStoryBody, $storyBodyToLexical } from './storyBody';
import { SCRIPT_NODES } from '../nodes';
import { BlockSchema, type Block, type Run } from '../../../shared/story/model';
import { normalizeRuns } from '../../../shared/story/text';
import { foldControls } from '../../../shared/story/controlChars';

function editor() {
  return createEditor({
    nodes: [...SCRIPT_NODES],
    onError: (e) => {
      throw e;
    },
  });
}

function roundTrip(body: readonly Block[]): Block[] {
  const e = editor();
  e.update(() => $storyBodyToLexical(body), { discrete: true });
  // Through JSON as well: that is how undo history and copy-paste carry the state.
  const json = JSON.stringify(e.getEditorState().toJSON());
  const restored = editor();
  restored.setEditorState(restored.parseEditorState(json));
  return restored.getEditorState().read($lexicalToStoryBody);
}

const text = (min: number) =>
  fc.string({ unit: 'grapheme', minLength: min, maxLength: 20 }).map(foldControls);
const THREADS = [
  '7b0a4c1e-2f3d-4e5a-8b6c-9d0e1f2a3b4c',
  '1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f',
  'a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d',
];
const run: fc.Arbitrary<Run> = fc.record(
  {
    text: text(1),
    bold: fc.constant(true as const),
    italic: fc.constant(true as const),
    underline: fc.constant(true as const),
    pronouncer: text(1),
    comments: fc.uniqueArray(fc.constantFrom(...THREADS), { minLength: 1, maxLength: 2 }),
  },
  { requiredKeys: ['text'] },
);
const block: fc.Arbitrary<Block> = fc.oneof(
  fc
    .array(run, { maxLength: 5 })
    .map((runs) => ({ type: 'paragraph' as const, runs: normalizeRuns(runs) })),
  text(0).map((t) => ({ type: 'cue' as const, text: t })),
  text(0).map((t) => ({ type: 'instruction' as const, text: t })),
  text(0).map((t) => ({ type: 'presenter' as const, name: t })),
  fc.record({
    type: fc.constant('media' as const),
    kind: fc.constantFrom('SOT' as const, 'PKG' as const),
    speaker: text(0),
    title: text(0),
    inCue: text(0),
    outCue: text(0),
    durationSec: fc.option(fc.integer({ min: 0, max: 3600 }), { nil: null }),
    transcript: fc.array(text(0), { maxLength: 3 }).map((lines) => lines.join('\n')),
  }),
);

describe('story body ⇄ Lexical', () => {
  it('round-trips every block type exactly', () => {
    const body: Block[] = [
      { type: 'cue', text: 'TAKE VO' },
      {
        type: 'paragraph',
        runs: [
          { text: 'Plain, ' },
          { text: 'bold', bold: true },
          { text: ' and ', italic: true, underline: true },
          { text: 'end,...' },
        ],
      },
      { type: 'instruction', text: '(PAUSE)' },
      { type: 'presenter', name: 'Sports desk' },
      {
        type: 'paragraph',
        runs: [
          { text: 'Coach ' },
          { text: 'Raghunathan', pronouncer: 'RAH-goo-NAH-tun', bold: true },
          { text: ' resigned.' },
        ],
      },
      {
        type: 'media',
        kind: 'SOT',
        speaker: 'Lee Jun',
        title: 'Mayor',
        inCue: 'We will',
        outCue: 'next spring.',
        durationSec: 14,
        transcript: 'We will rebuild it by next spring.',
      },
      { type: 'paragraph', runs: [] },
    ];
    expect(roundTrip(body)).toEqual(body);
  });

  it('round-trips any body fast-check generates (model → Lexical → JSON → Lexical → model)', () => {
    fc.assert(
      fc.property(fc.array(block, { minLength: 1, maxLength: 8 }), (body) => {
        for (const b of body) BlockSchema.parse(b);
        expect(roundTrip(body)).toEqual(body);
      }),
      { numRuns: 300 },
    );
  });

  it('turns a line break into a paragraph break and drops formats the model does not have', () => {
    const e = editor();
    e.update(
      () => {
        const p = $createParagraphNode();
        const struck = $createTextNode('struck');
        struck.toggleFormat('strikethrough');
        struck.toggleFormat('bold');
        p.append($createTextNode('first'), $createLineBreakNode(), struck);
        $getRoot().clear().append(p);
      },
      { discrete: true },
    );
    expect(e.getEditorState().read($lexicalToStoryBody)).toEqual([
      { type: 'paragraph', runs: [{ text: 'first' }] },
      { type: 'paragraph', runs: [{ text: 'struck', bold: true }] },
    ]);
  });
});
