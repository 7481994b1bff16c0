import { useEffect, useRef } from 'react';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import {
  $createParagraphNode,
  $getRoot,
  $getSelection,
  $insertNodes,
  $isRangeSelection,
  COMMAND_PRIORITY_CRITICAL,
  COMMAND_PRIORITY_HIGH,
  HISTORY_PUSH_TAG,
  PASTE_COMMAND,
  REDO_COMMAND,
  UNDO_COMMAND,
  type EditorState,
  type LexicalEditor,
} from 'lexical';
import type { HistoryState, HistoryStateEntry } from '@lexical/history';
import { mergeRegister } from '@lexical/utils';
import { $generateNodesFromSerializedNodes, $insertGeneratedNodes } from '@lexical/clipboard';
import { parseScriptText, type ParsedScript } from '../../../shared/import/scriptText';
import {
  reapplyScriptMeta,
  revertScriptMeta,
  scriptMetaPatch,
  type ScriptMeta,
  type ScriptScope,
} from '../../../shared/import/scriptMerge';
import { isUnwrittenBody } from '../../../shared/story/templates';
import { $blockToNode, $lexicalToStoryBody } from '../model/storyBody';
import { clipboardHtmlText } from './clipboardHtml';

/** Beyond this a paste is not a script; it is refused with a message instead of freezing the editor. */
export const MAX_PASTE_CHARS = 500_000;

export type PasteOutcome = { script: ParsedScript } | { refused: string };

type Props = {
  /** The editor's undo history (shared with the HistoryPlugin), to know which entry is the paste. */
  history: HistoryState;
  /** The story's metadata as it is now (null while no story is open). */
  storyMeta: ScriptMeta | null;
  /** Changes the story's metadata: what a paste sets, and what its undo takes back. */
  onMeta: (patch: Partial<ScriptMeta>) => void;
  /** Told after each paste, for what the page says about it (residue left out, a refusal). */
  onPaste: (outcome: PasteOutcome) => void;
};

/** A paste that changed the story's metadata, kept so undo and redo can take it back and forth. */
type PasteRecord = {
  /** The history entry that undoes the paste (on the undo stack while the paste is done). */
  undoEntry: HistoryStateEntry;
  /** The entry that redoes it (on the redo stack while it is undone). */
  redoEntry: HistoryStateEntry | null;
  meta: ScriptMeta;
  patch: Partial<ScriptMeta>;
};

/** Undo reaches back this many pastes; older ones keep their metadata. */
const MAX_RECORDS = 50;

/**
 * Pasted text goes through the same importer as files, and its metadata through the same merge
 * rule (shared/import/scriptMerge): hashtags become tags, header lines become the slug, format,
 * presenter and reporter, web residue is dropped, cues and packages are recognised. A script
 * pasted into a story with nothing written yet (its template only), or over the whole story,
 * becomes the story exactly as importing the same file would make it. Undo takes back the whole
 * paste — its text and the metadata it set — and redo does it again.
 *
 * HTML is never interpreted: the plain text is read, and a clipboard with HTML only gives its
 * text (never its markup) to the same importer. Copies from another Copydesk editor keep their
 * blocks (Lexical's own clipboard format, checked by the model guard).
 */
export function ScriptPastePlugin({ history, storyMeta, onMeta, onPaste }: Props) {
  const [editor] = useLexicalComposerContext();
  const latest = useRef({ storyMeta, onMeta, onPaste });
  useEffect(() => {
    latest.current = { storyMeta, onMeta, onPaste };
  }, [storyMeta, onMeta, onPaste]);

  useEffect(() => {
    const records: PasteRecord[] = [];
    const changeMeta = (change: (current: ScriptMeta) => Partial<ScriptMeta>) => {
      const current = latest.current.storyMeta;
      if (!current) return;
      const patch = change(current);
      if (Object.keys(patch).length > 0) latest.current.onMeta(patch);
    };
    const remember = (before: EditorState, meta: ScriptMeta, patch: Partial<ScriptMeta>) => {
      const undoEntry = history.undoStack.at(-1);
      // Only a paste that made its own history entry can be undone as a whole.
      if (undoEntry?.editorState !== before) return;
      records.push({ undoEntry, redoEntry: null, meta, patch });
      if (records.length > MAX_RECORDS) records.shift();
    };

    return mergeRegister(
      editor.registerCommand(
        PASTE_COMMAND,
        (event) => {
          const data = 'clipboardData' in event ? event.clipboardData : null;
          if (!data) return false;
          event.preventDefault();
          if ($insertOwnCopy(editor, data.getData('application/x-lexical-editor'))) return true;
          let text = data.getData('text/plain');
          if (text === '' && data.types.includes('text/html'))
            text = clipboardHtmlText(data.getData('text/html'));
          if (text.length > MAX_PASTE_CHARS) {
            latest.current.onPaste({
              refused: `That paste is ${text.length.toLocaleString()} characters long; a script is far shorter (the limit is ${MAX_PASTE_CHARS.toLocaleString()}). Nothing was pasted.`,
            });
            return true;
          }
          if (text.trim() === '') return true;
          const script = parseScriptText(text);
          const before = editor.getEditorState();
          const meta = latest.current.storyMeta;
          let patch: Partial<ScriptMeta> = {};
          editor.update(
            () => {
              const selection = $getSelection();
              if (!$isRangeSelection(selection)) return;
              const only = script.body.length === 1 ? script.body[0] : undefined;
              let scope: ScriptScope = 'insert';
              if (only?.type === 'paragraph' && !/[\n\r]/.test(text.trim())) {
                // One plain line: type it in where the caret is, as written.
                selection.insertText(only.runs.map((r) => r.text).join(''));
              } else {
                scope = $pasteScope();
                if (scope === 'whole') $replaceBody(script);
                else if (script.body.length > 0) $insertNodes(script.body.map($blockToNode));
              }
              patch = meta ? scriptMetaPatch(meta, script, scope) : {};
              // A paste that only sets metadata (a line of hashtags) still gets an undo step.
              if (Object.keys(patch).length > 0) $getRoot().markDirty();
            },
            {
              tag: HISTORY_PUSH_TAG,
              // Runs once the paste is in the editor and in its history.
              onUpdate: () => {
                if (!meta || Object.keys(patch).length === 0) return;
                remember(before, meta, patch);
                latest.current.onMeta(patch);
              },
            },
          );
          latest.current.onPaste({ script });
          return true;
        },
        COMMAND_PRIORITY_HIGH,
      ),
      // Seen before the history plugin acts: the entry on top of the stack says what is undone.
      editor.registerCommand(
        UNDO_COMMAND,
        () => {
          const entry = history.undoStack.at(-1);
          const record = records.find((r) => r.undoEntry === entry);
          if (record) {
            // What undo will push for redo is the entry now current.
            record.redoEntry = history.current;
            changeMeta((current) => revertScriptMeta(current, record.meta, record.patch));
          }
          return false;
        },
        COMMAND_PRIORITY_CRITICAL,
      ),
      editor.registerCommand(
        REDO_COMMAND,
        () => {
          const entry = history.redoStack.at(-1);
          const record = records.find((r) => r.redoEntry !== null && r.redoEntry === entry);
          if (record) {
            // What redo will push for undo is the entry now current: the state before the paste.
            if (history.current) record.undoEntry = history.current;
            record.redoEntry = null;
            changeMeta((current) => reapplyScriptMeta(current, record.meta, record.patch));
          }
          return false;
        },
        COMMAND_PRIORITY_CRITICAL,
      ),
    );
  }, [editor, history]);
  return null;
}

/**
 * A script replaces the story when nothing is written yet (only a template's cues and empty
 * lines) or when everything is selected; otherwise it goes in at the caret.
 */
function $pasteScope(): ScriptScope {
  if (isUnwrittenBody($lexicalToStoryBody())) return 'whole';
  const selection = $getSelection();
  const all = $getRoot().getTextContent().trim();
  return $isRangeSelection(selection) &&
    !selection.isCollapsed() &&
    all !== '' &&
    selection.getTextContent().trim() === all
    ? 'whole'
    : 'insert';
}

function $replaceBody(script: ParsedScript): void {
  const root = $getRoot();
  root.clear();
  root.append(...script.body.map($blockToNode));
  if (root.getChildrenSize() === 0) root.append($createParagraphNode());
  root.selectEnd();
}

/**
 * A copy from this editor keeps its blocks. Anything else in Lexical's clipboard format — another
 * script editor's namespace, a payload that does not parse — is ignored rather than handed to Lexical,
 * whose fallback would read the clipboard's HTML.
 */
function $insertOwnCopy(editor: LexicalEditor, payload: string): boolean {
  if (payload === '') return false;
  try {
    const parsed = JSON.parse(payload) as { namespace?: unknown; nodes?: unknown };
    if (parsed.namespace !== editor._config.namespace || !Array.isArray(parsed.nodes)) return false;
    const selection = $getSelection();
    if (!selection) return false;
    $insertGeneratedNodes(editor, $generateNodesFromSerializedNodes(parsed.nodes), selection);
    return true;
  } catch {
    return false;
  }
}
