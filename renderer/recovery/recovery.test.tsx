import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act } from 'react';
import { $getRoot, $isTextNode } from 'lexical';
import { fail, ok } from '../../shared/ipc/result';
import type { Story } from '../../shared/story/model';
import { fakeArchive } from '../testing/fakeApi';
import { button, click, render, scriptEditor, settle, unmountAll } from '../testing/dom';
import { paragraph, summaryOf, testStory } from '../testing/stories';
import { App } from '../app/App';
import { ErrorBoundary } from './ErrorBoundary';
import { CrashScreen } from './CrashScreen';
import { storyPlainText } from './storyText';

vi.mock('../api/client', async () => (await import('../testing/fakeApi')).fakeClient);

/** Which part of the window throws on its next render, to stand in for a bug there. */
const crash = vi.hoisted(() => ({ topBar: false, editor: false }));
vi.mock('../app/TopBar', async (original) => {
  const real = await original<typeof import('../app/TopBar')>();
  return {
    ...real,
    TopBar: (props: Parameters<typeof real.TopBar>[0]) => {
      if (crash.topBar) throw new Error('the top bar broke');
      return real.TopBar(props);
    },
  };
});
vi.mock('../editor/ScriptEditor', async (original) => {
  const real = await original<typeof import('../editor/ScriptEditor')>();
  return {
    ...real,
    ScriptEditor: (props: Parameters<typeof real.ScriptEditor>[0]) => {
      if (crash.editor) throw new Error('the editor broke');
      return real.ScriptEditor(props);
    },
  };
});

let saved: Story[] = [];
beforeEach(() => {
  crash.topBar = false;
  crash.editor = false;
  saved = [];
  vi.spyOn(console, 'error').mockImplementation(() => {});
  vi.spyOn(console, 'warn').mockImplementation(() => {});
  const story = testStory();
  fakeArchive.answer({
    'stories.list': () => ok({ items: [summaryOf(story)], total: 1 }),
    'stories.get': () => ok(story),
    'comments.list': () => ok([]),
    'stories.history': () => ok({ revisions: [], head: null, conflict: null }),
    'stories.save': (input) => {
      const next = { ...input.story, updatedAt: '2026-11-28T09:05:00.000Z' } as Story;
      saved.push(next);
      return ok(next);
    },
    'log.rendererError': () => ok({ logged: true }),
  });
});
afterEach(() => {
  unmountAll();
  fakeArchive.reset();
  vi.restoreAllMocks();
});

/** Types at the end of the script, committed at once as a keystroke is. */
function typeAtEnd(text: string): void {
  act(() =>
    scriptEditor().update(
      () => {
        const last = $getRoot().getLastDescendant();
        if (!$isTextNode(last)) throw new Error('no text to type after');
        last.setTextContent(last.getTextContent() + text);
      },
      { discrete: true },
    ),
  );
}

const savedText = () => saved.map((s) => storyPlainText(s.body));
const renderReports = () =>
  fakeArchive.callsTo('log.rendererError').filter((r) => r.source === 'render');

describe('when the window stops drawing', () => {
  it('shows what happened and saves the unsaved story from the crash screen', async () => {
    const page = render(
      <ErrorBoundary fallback={(again) => <CrashScreen onStartAgain={again} />}>
        <App />
      </ErrorBoundary>,
    );
    await settle();
    typeAtEnd(' Ferries run all night.');
    crash.topBar = true;
    click(button(page, 'Focus'));
    await settle();

    expect(page.textContent).toContain('Copydesk stopped drawing the window');
    expect(page.querySelector('textarea')!.value).toBe(
      'The bridge closes at noon. Ferries run all night.',
    );
    expect(page.textContent).toContain('“HARBOR BRIDGE” has changes that were not saved yet.');
    click(button(page, 'Save the story'));
    await settle();
    expect(savedText()).toEqual(['The bridge closes at noon. Ferries run all night.']);
    expect(page.textContent).toContain('“HARBOR BRIDGE” is saved.');

    expect(renderReports()).toEqual([
      expect.objectContaining({ name: 'Error', message: 'the top bar broke' }),
    ]);
    expect(renderReports()[0]!.componentStack).toMatch(/TopBar/);

    crash.topBar = false;
    click(button(page, 'Start again'));
    await settle();
    expect(page.querySelector('[data-testid="script-editor"]')).not.toBeNull();
  });

  it('keeps the window and offers the story when the editor stops drawing', async () => {
    const page = render(<App />);
    await settle();
    typeAtEnd(' Buses replace trains.');
    crash.editor = true;
    click(button(page, 'Focus'));
    await settle();

    expect(page.textContent).toContain('The editor stopped working');
    expect(page.querySelector('[data-testid="archive-search"]')).not.toBeNull();
    expect(page.querySelector<HTMLTextAreaElement>('.cd-rescue-text')!.value).toBe(
      'The bridge closes at noon. Buses replace trains.',
    );
    // Autosave would have saved nothing: the editor is gone. The rescue saves what was typed.
    await act(() => new Promise((r) => setTimeout(r, 1200)));
    expect(saved).toEqual([]);
    click(button(page, 'Save the story'));
    await settle();
    expect(savedText()).toEqual(['The bridge closes at noon. Buses replace trains.']);

    crash.editor = false;
    click(button(page, 'Open the story again'));
    await settle();
    expect(page.querySelector('[data-testid="script-editor"]')).not.toBeNull();
  });

  it('keeps the editor, and autosave, when another part stops drawing', async () => {
    fakeArchive.answer({ 'tags.list': () => ok(null as never) });
    const page = render(<App />);
    await settle();
    expect(page.textContent).toContain('The archive list stopped working');
    typeAtEnd(' Trains are cancelled.');
    await act(() => new Promise((r) => setTimeout(r, 1200)));
    await settle();
    expect(savedText()).toEqual(['The bridge closes at noon. Trains are cancelled.']);
  });

  it('offers the text when the rescue cannot save it either', async () => {
    const page = render(<App />);
    await settle();
    typeAtEnd(' Roads are closed.');
    fakeArchive.answer({ 'stories.save': () => fail('ARCHIVE_UNAVAILABLE', 'The disk is full.') });
    crash.editor = true;
    click(button(page, 'Focus'));
    await settle();
    click(button(page, 'Save the story'));
    await settle();
    expect(page.querySelector('[role="alert"] .cd-form-error, .cd-form-error')!.textContent).toBe(
      'It could not be saved: The disk is full. Copy the text below and keep it somewhere safe.',
    );
    expect(page.querySelector<HTMLTextAreaElement>('.cd-rescue-text')!.value).toContain(
      'Roads are closed.',
    );
  });
});

describe('the story as plain text', () => {
  it('writes cues, instructions, presenter cues and sound bites as a script', () => {
    expect(
      storyPlainText([
        { type: 'cue', text: 'TAKE VO' },
        paragraph('The bridge closes.'),
        { type: 'instruction', text: '(PAUSE)' },
        { type: 'presenter', name: 'Dana Reyes' },
        {
          type: 'media',
          kind: 'SOT',
          speaker: 'Kim Min-ji',
          title: 'Engineer',
          inCue: 'We found',
          outCue: 'right away.',
          durationSec: 14,
          transcript: 'We found cracks and closed it right away.',
        },
      ]),
    ).toBe(
      [
        '[TAKE VO]',
        'The bridge closes.',
        '(PAUSE)',
        '(DANA REYES READS)',
        '[TAKE SOT: Kim Min-ji, Engineer]\nIN: We found\nOUT: right away.\nDUR: 0:14\nWe found cracks and closed it right away.',
      ].join('\n\n'),
    );
  });
});
