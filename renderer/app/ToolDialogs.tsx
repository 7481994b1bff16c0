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
  /** Null when they could not be read: the dialog then reads them itself. */
  settings: Settings | null;
  onSettingsRead: (settings: Settings) => void;
  signedInAs: string | null;
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
  onSettingsRead,
  signedInAs,
}: Props) {
  switch (dialog) {
    case 'pronouncers':
      return (
        <PronouncerDictionary
          entries={dictionary}
          onChanged={onDictionaryChanged}
          onClose={onClose}
        />
      );
    case 'templates':
      return <TemplatesDialog current={current} onClose={onClose} />;
    case 'tags':
      return <TagManager onChanged={onTagsChanged} onClose={onClose} />;
    case 'settings':
      return (
        <SettingsDialog
          settings={settings}
          onLoaded={onSettingsRead}
          onSaved={onSettingsRead}
          onClose={onClose}
          signedInAs={signedInAs}
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
