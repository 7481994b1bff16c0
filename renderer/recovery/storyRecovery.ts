import type { LexicalEditor } from 'lexical';
import type { Block, Story } from '../../shared/story/model';
import { $lexicalToStoryBody } from '../editor/model/storyBody';

/**
 * The open story, held outside React so that it outlives a crash: when the window (or the
 * editor) stops drawing, the recovery screen can still save what was typed or offer the text.
 * The editor is kept even after it unmounts: its last state is the text on screen.
 */
let story: Story | null = null;
let editor: { storyId: string; editor: LexicalEditor } | null = null;
let unsaved: () => boolean = () => false;

export const storyRecovery = {
  /** The story open now (null: none), and how to ask whether it has unsaved changes. */
  track(open: Story | null, isDirty: () => boolean): void {
    story = open;
    unsaved = isDirty;
  },
  /** The editor showing a story; a null (the editor unmounting) keeps the last one. */
  trackEditor(storyId: string, next: LexicalEditor | null): void {
    if (next) editor = { storyId, editor: next };
  },
  /** The story as it was last on screen, with its body read from the editor, or null. */
  recover(): { story: Story; unsaved: boolean } | null {
    if (!story) return null;
    let body: Block[] = story.body;
    if (editor?.storyId === story.id) {
      try {
        body = editor.editor.getEditorState().read($lexicalToStoryBody);
      } catch {
        // An editor state that cannot be read keeps the body last loaded or saved.
      }
    }
    return { story: { ...story, body }, unsaved: unsaved() };
  },
  /** After the recovered story was saved elsewhere (the recovery screen). */
  forget(): void {
    story = null;
    editor = null;
    unsaved = () => false;
  },
};

/** True when nothing unsaved would be lost, or the user agrees to lose it. */
export function confirmLosingChanges(): boolean {
  return (
    !storyRecovery.recover()?.unsaved ||
    confirm('Leave the unsaved changes behind? Copy the text first if you need it.')
  );
}
