import type { RefObject } from 'react';
import { STORY_FORMATS, type StoryFormat } from '../../shared/story/model';
import './app.css';

const IS_MAC = /Mac/.test(navigator.platform);

/** The dialogs the top bar opens. */
export const TOOL_DIALOGS = [
  { dialog: 'pronouncers', label: 'Pronouncers' },
  { dialog: 'templates', label: 'Templates' },
  { dialog: 'settings', label: 'Settings' },
] as const;
export type ToolDialog = (typeof TOOL_DIALOGS)[number]['dialog'];

type Props = {
  newFormat: StoryFormat;
  onNewFormat: (format: StoryFormat) => void;
  formatPicker: RefObject<HTMLSelectElement | null>;
  onNewStory: () => void;
  onImport: () => void;
  onExport: () => void;
  onSave: () => void;
  /** Opens the prompter on the rundown or story on screen; absent when there is neither. */
  onPrompt?: () => void;
  canSave: boolean;
  archivePath: string;
  onOpenDialog: (dialog: ToolDialog) => void;
};

/** Across the window: new story (and its format), import, export, save, the archive, the tools. */
export function TopBar({
  newFormat,
  onNewFormat,
  formatPicker,
  onNewStory,
  onImport,
  onExport,
  onSave,
  onPrompt,
  canSave,
  archivePath,
  onOpenDialog,
}: Props) {
  return (
    <header className="cd-topbar">
      <div className="cd-brand" aria-label="Copydesk">
        <span className="cd-logo" aria-hidden="true">
          C
        </span>
        Copydesk
      </div>
      <div className="cd-topbar-actions">
        <div className="cd-new">
          <button
            type="button"
            className="cd-button cd-button-primary"
            onClick={onNewStory}
            data-testid="new-story"
          >
            New story
          </button>
          <select
            ref={formatPicker}
            aria-label="Format of the new story"
            title="Format of the new story (Alt+Shift+N, then Enter to create)"
            value={newFormat}
            onChange={(e) => onNewFormat(e.target.value as StoryFormat)}
            onKeyDown={(e) => {
              if (e.key === 'Enter') {
                e.preventDefault();
                onNewStory();
              }
            }}
          >
            {STORY_FORMATS.map((f) => (
              <option key={f} value={f}>
                {f}
              </option>
            ))}
          </select>
        </div>
        <button type="button" className="cd-button" onClick={onImport} data-testid="import">
          Import…
        </button>
        <button type="button" className="cd-button" onClick={onExport} data-testid="export">
          Export…
        </button>
        <button
          type="button"
          className="cd-button"
          onClick={onPrompt}
          disabled={!onPrompt}
          title="Prompt the rundown (or the story) on screen"
        >
          Prompter
        </button>
        <button
          type="button"
          className="cd-button"
          onClick={onSave}
          disabled={!canSave}
          title={`Save (${IS_MAC ? '⌘' : 'Ctrl+'}S)`}
          data-testid="save"
        >
          Save
        </button>
      </div>
      <div className="cd-archive-path" title={archivePath}>
        {archivePath ? `Archive: ${archivePath.split(/[\\/]/).pop()}` : ''}
      </div>
      <div className="cd-topbar-tools">
        {TOOL_DIALOGS.map(({ dialog, label }) => (
          <button
            key={dialog}
            type="button"
            className="cd-button"
            onClick={() => onOpenDialog(dialog)}
            data-testid={`open-${dialog}`}
          >
            {label}
          </button>
        ))}
      </div>
    </header>
  );
}
