import { retimeStories } from '../archive/stories';
import { deleteTag, findTagId, listTags, renameTag } from '../archive/tags';
import { listTemplates, resetTemplate, saveTemplate } from '../archive/templates';
import { deletePronouncer, listPronouncers, upsertPronouncer } from '../archive/pronouncers';
import { getSettings, saveSettings } from '../archive/settings';
import { listBackups, restoreArchive, rotateBackup } from '../archive/backup';
import { resolve as resolvePath } from 'node:path';
import { timingSettings } from '../../shared/settings';
import type { ServiceHandlers } from '../../shared/ipc/contract';
import { ServiceError } from '../common/errors';
import type { ServiceKit } from './serviceKit';

type LibraryChannels =
  | 'tags.list'
  | 'tags.rename'
  | 'tags.delete'
  | 'templates.list'
  | 'templates.save'
  | 'templates.reset'
  | 'pronouncers.list'
  | 'pronouncers.save'
  | 'pronouncers.delete'
  | 'settings.get'
  | 'settings.save'
  | 'archive.backup'
  | 'archive.backups'
  | 'archive.restore';

/** What the archive keeps beside stories: tags, templates, the dictionary, settings, backups. */
export function libraryServices({
  ctx,
  db,
  now,
  stamp,
  write,
}: ServiceKit): Pick<ServiceHandlers, LibraryChannels> {
  return {
    'tags.list': () => listTags(db),

    'tags.rename': ({ from, to }) =>
      write(() => {
        const source = findTagId(db, from);
        if (source === undefined)
          throw new ServiceError('NOT_FOUND', `No story is tagged “${from}”.`);
        const target = findTagId(db, to);
        return {
          stories: renameTag(db, from, to),
          merged: target !== undefined && target !== source,
        };
      }),

    'tags.delete': ({ name }) => {
      const stories = deleteTag(db, name);
      if (stories === 0) throw new ServiceError('NOT_FOUND', `No story is tagged “${name}”.`);
      return { stories };
    },

    'templates.list': () => listTemplates(db),

    'templates.save': ({ format, body }) => {
      saveTemplate(db, format, body, stamp());
      return { format };
    },

    'templates.reset': ({ format }) => {
      resetTemplate(db, format);
      return { format };
    },

    'pronouncers.list': () => listPronouncers(db),

    'pronouncers.save': (entry) => {
      const updatedAt = stamp();
      upsertPronouncer(db, entry, updatedAt);
      return { ...entry, updatedAt };
    },

    'pronouncers.delete': ({ term }) => {
      if (!deletePronouncer(db, term))
        throw new ServiceError('NOT_FOUND', `“${term}” is not in the pronouncer dictionary.`);
      return { term };
    },

    'settings.get': () => getSettings(db),

    'settings.save': (settings) =>
      write(() => {
        saveSettings(db, settings);
        // Stored read times depend on the rates: bring every story's up to date.
        retimeStories(db, timingSettings(settings));
        return settings;
      }),

    'archive.backup': async () =>
      rotateBackup(db, ctx.archive.path, getSettings(db).backups.keep, now()),

    'archive.backups': () => listBackups(ctx.archive.path),

    'archive.restore': async ({ path }) => {
      // Only this archive's own backups can be restored from here; the CLI takes any file.
      const wanted = resolvePath(path);
      if (!listBackups(ctx.archive.path).some((b) => resolvePath(b.path) === wanted)) {
        throw new ServiceError('NOT_FOUND', 'That file is not one of this archive’s backups.');
      }
      return restoreArchive(db, ctx.archive.path, wanted, now());
    },
  };
}
