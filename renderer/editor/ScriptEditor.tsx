import { useCallback, useEffect, useState } from 'react';
import { LexicalComposer } from '@lexical/react/LexicalComposer';
import { RichTextPlugin } from '@lexical/react/LexicalRichTextPlugin';
import { ContentEditable } from '@lexical/react/LexicalContentEditable';
import { HistoryPlugin } from '@lexical/react/LexicalHistoryPlugin';
import { createEmptyHistoryState } from '@lexical/history';
import { LexicalErrorBoundary } from '@lexical/react/LexicalErrorBoundary';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { HISTORY_MERGE_TAG, type LexicalEditor } from 'lexical';
import type { Block } from '../../shared/story/model';
import type { ScriptMeta } from '../../shared/import/scriptMerge';
import type { TimingSettings } from '../../shared/story/timing';
import type { PronouncerEntry } from '../../shared/settings';
import { SCRIPT_NODES } from './nodes';
import { SCRIPT_THEME } from './theme';
import { $storyBodyToLexical } from './model/storyBody';
import { Toolbar } from './toolbar/Toolbar';
import { ScriptShortcutsPlugin } from './shortcuts/ScriptShortcutsPlugin';
import { ModelGuardPlugin } from './shortcuts/ModelGuardPlugin';
import { ScriptPastePlugin, type PasteOutcome } from './paste/ScriptPastePlugin';
import { TimingPlugin, type LiveTiming } from './timing/TimingPlugin';
import { PauseMarksPlugin } from './pause/PauseMarksPlugin';
import { PronouncerPopover } from './pronouncer/PronouncerPopover';
import { PronouncerHintsPlugin } from './pronouncer/PronouncerHintsPlugin';
import { FindReplacePlugin } from './find/FindReplacePlugin';
import { FocusFirstLinePlugin } from './shortcuts/FocusFirstLinePlugin';
import { CommentMarksPlugin } from './comments/CommentMarksPlugin';
import type { ReactNode } from 'react';
import './editor.css';

/** Tag on updates that load a story: they are not edits and do not make it unsaved. */
export const LOAD_TAG = 'copydesk-load';

type Props = {
  initialBody: readonly Block[];
  timing: TimingSettings;
  presenter: string;
  dictionary: readonly PronouncerEntry[];
  readOnly?: boolean;
  /** Put the caret on the first read line when the editor opens (a new story). */
  autoFocus?: boolean;
  findOpen: boolean;
  onCloseFind: () => void;
  resolvedThreads: ReadonlySet<string>;
  onStartThread: (thread: { threadId: string; quote: string }) => void;
  onThreadOrder: (threadIds: string[]) => void;
  onThreadRefused?: (message: string) => void;
  /** A panel beside the page (comments, history). */
  side?: ReactNode;
  onEditor: (editor: LexicalEditor | null) => void;
  onChange: () => void;
  onTiming: (timing: LiveTiming) => void;
  onPaste: (outcome: PasteOutcome) => void;
  /** The story's metadata and how to change it: a paste sets it, its undo takes it back. */
  storyMeta: ScriptMeta;
  onMeta: (patch: Partial<ScriptMeta>) => void;
};

/** Approved and aired stories are locked: the editor shows them but takes no typing. */
function EditablePlugin({ editable }: { editable: boolean }) {
  const [editor] = useLexicalComposerContext();
  useEffect(() => editor.setEditable(editable), [editor, editable]);
  return null;
}

function EditorBridge({ onEditor, onChange }: Pick<Props, 'onEditor' | 'onChange'>) {
  const [editor] = useLexicalComposerContext();
  useEffect(() => {
    onEditor(editor);
    return () => onEditor(null);
  }, [editor, onEditor]);
  useEffect(
    () =>
      editor.registerUpdateListener(({ dirtyElements, dirtyLeaves, tags, prevEditorState }) => {
        // Filling the editor with the stored story, and attaching it to the page, are not edits
        // (the same rule as Lexical's OnChangePlugin).
        if (prevEditorState.isEmpty() || tags.has(LOAD_TAG) || tags.has(HISTORY_MERGE_TAG)) return;
        if (dirtyElements.size === 0 && dirtyLeaves.size === 0) return;
        onChange();
      }),
    [editor, onChange],
  );
  return null;
}

/**
 * The script editor for one story. Its parent keys it by `editorKey` (useStoryDocument), so
 * opening another story, or another version of this one, starts a fresh editor with its own undo
 * history, and opening the version already shown keeps this one.
 */
export function ScriptEditor(props: Props) {
  const { initialBody, readOnly = false } = props;
  // The paste plugin reads the undo stack to take a paste's metadata back with its text.
  const [history] = useState(createEmptyHistoryState);
  const initialState = useCallback(
    (_editor: LexicalEditor) => $storyBodyToLexical(initialBody),
    [initialBody],
  );
  return (
    <LexicalComposer
      initialConfig={{
        // One namespace for every story, so blocks copied from one story paste whole into another.
        namespace: 'copydesk-script',
        nodes: [...SCRIPT_NODES],
        theme: SCRIPT_THEME,
        editable: !readOnly,
        editorState: initialState,
        onError: (error) => {
          console.error('[editor]', error);
        },
      }}
    >
      <Toolbar readOnly={readOnly} />
      <FindReplacePlugin open={props.findOpen} onClose={props.onCloseFind} />
      <PronouncerHintsPlugin dictionary={props.dictionary} />
      <div className="cd-editor-row">
        <div className="cd-page-scroll">
          <div className={`cd-page${readOnly ? ' cd-page-locked' : ''}`}>
            <RichTextPlugin
              contentEditable={
                <ContentEditable
                  className="cd-script"
                  aria-label="Script"
                  aria-multiline="true"
                  spellCheck
                  data-testid="script-editor"
                />
              }
              placeholder={
                <div className="cd-placeholder">Write the anchor intro, or paste a script…</div>
              }
              ErrorBoundary={LexicalErrorBoundary}
            />
            <PronouncerPopover dictionary={props.dictionary} />
          </div>
        </div>
        {props.side}
      </div>
      <HistoryPlugin externalHistoryState={history} />
      <ModelGuardPlugin />
      <PauseMarksPlugin />
      <ScriptShortcutsPlugin />
      <ScriptPastePlugin
        history={history}
        storyMeta={props.storyMeta}
        onMeta={props.onMeta}
        onPaste={props.onPaste}
      />
      <TimingPlugin settings={props.timing} presenter={props.presenter} onTiming={props.onTiming} />
      <EditorBridge onEditor={props.onEditor} onChange={props.onChange} />
      <EditablePlugin editable={!readOnly} />
      <CommentMarksPlugin
        resolvedThreads={props.resolvedThreads}
        onStartThread={props.onStartThread}
        onThreadOrder={props.onThreadOrder}
        onThreadRefused={props.onThreadRefused}
      />
      {props.autoFocus && <FocusFirstLinePlugin />}
    </LexicalComposer>
  );
}
