import { useEffect, useState } from 'react';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import {
  $getSelection,
  $isRangeSelection,
  CAN_REDO_COMMAND,
  CAN_UNDO_COMMAND,
  COMMAND_PRIORITY_LOW,
  mergeRegister,
} from 'lexical';
import { $currentTextKind, type TextKind } from '../blockTypes';

export type ToolbarState = {
  canUndo: boolean;
  canRedo: boolean;
  bold: boolean;
  italic: boolean;
  underline: boolean;
  kind: TextKind | null;
};

/** What the toolbar shows as pressed or disabled, following the caret. */
export function useToolbarState(): ToolbarState {
  const [editor] = useLexicalComposerContext();
  const [state, setState] = useState<ToolbarState>({
    canUndo: false,
    canRedo: false,
    bold: false,
    italic: false,
    underline: false,
    kind: 'read',
  });
  useEffect(
    () =>
      mergeRegister(
        editor.registerUpdateListener(({ editorState }) => {
          editorState.read(() => {
            const selection = $getSelection();
            const range = $isRangeSelection(selection) ? selection : null;
            const next = {
              bold: range?.hasFormat('bold') ?? false,
              italic: range?.hasFormat('italic') ?? false,
              underline: range?.hasFormat('underline') ?? false,
              kind: $currentTextKind(),
            };
            setState((s) =>
              s.bold === next.bold &&
              s.italic === next.italic &&
              s.underline === next.underline &&
              s.kind === next.kind
                ? s
                : { ...s, ...next },
            );
          });
        }),
        editor.registerCommand(
          CAN_UNDO_COMMAND,
          (canUndo) => (setState((s) => ({ ...s, canUndo })), false),
          COMMAND_PRIORITY_LOW,
        ),
        editor.registerCommand(
          CAN_REDO_COMMAND,
          (canRedo) => (setState((s) => ({ ...s, canRedo })), false),
          COMMAND_PRIORITY_LOW,
        ),
      ),
    [editor],
  );
  return state;
}
