import type { Settings, PronouncerEntry } from '../../shared/settings';
import type { Block, StoryFormat } from '../../shared/story/model';
import { PronouncerDictionary } from '../pronouncers/PronouncerDictionary';
import { SettingsDialog } from '../settings/SettingsDialog';
import { TemplatesDialog } from '../templates/TemplatesDialog';
import { TagManager } from '../tags/TagManager';
import type { ToolDialog } from './TopBar';

export type OpenDialog = ToolDialog | 'tags';

type Props = {
  dialog: OpenDialog | null;
  onClose: () => void;
  dictionary: PronouncerEntry[];
  onDictionaryChanged: () => void;
  /** The open story, for "use the open story as the template". */
  current: { format: StoryFormat; body: () => Block[] } | null;
  onTagsChanged: () => void;
  settings: Settings;
  onSettingsSaved: (settings: Settings) => void;
  onError: (message: string) => void;
};

/** The dialogs the top bar and the sidebar open: one at a time. */
export function ToolDialogs({
  dialog,
  onClose,
  dictionary,
  onDictionaryChanged,
  current,
  onTagsChanged,
  settings,
  onSettingsSaved,
  onError,
}: Props) {
  switch (dialog) {
    case 'pronouncers':
      return (
        <PronouncerDictionary
          entries={dictionary}
          onChanged={onDictionaryChanged}
          onError={onError}
          onClose={onClose}
        />
      );
    case 'templates':
      return <TemplatesDialog current={current} onError={onError} onClose={onClose} />;
    case 'tags':
      return <TagManager onChanged={onTagsChanged} onError={onError} onClose={onClose} />;
    case 'settings':
      return (
        <SettingsDialog
          settings={settings}
          onSaved={onSettingsSaved}
          onClose={onClose}
          onError={onError}
          onArchiveRestored={() => {
            // Everything on screen may have changed: start over from the restored archive.
            location.reload();
          }}
        />
      );
    case null:
      return null;
  }
}
