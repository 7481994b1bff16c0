import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { PrompterShow, PrompterSource } from '../../shared/prompter/channels';
import {
  assembleDocument,
  buildDocStory,
  type DocEntry,
  type DocStory,
  type PrompterDocument,
} from '../../shared/prompter/document';
import { changedBlocks } from '../../shared/prompter/liveEdit';
import { prefsOptions, type PrompterPrefs } from '../../shared/prompter/prefs';
import type { PrompterOptions } from '../../shared/export/options';
import { viewRundown, type RundownView } from '../../shared/rundown/view';
import { call } from '../api/calls';
import { onArchiveEvent } from '../api/archiveEvents';

type Cached = { entry: DocEntry; story: DocStory; options: PrompterOptions };

export type LoadedShow = {
  doc: PrompterDocument | null;
  view: RundownView | null;
  show: PrompterShow | null;
  problem: string | null;
};

/**
 * The show being prompted, kept live: a story saved anywhere (this window, another window or
 * tab) is fetched again, a rundown changed is reloaded, and the document is rebuilt. Stories that
 * did not change keep their objects, so the screens redraw only what changed; a story that
 * changed is marked with the blocks that did.
 */
export function usePrompterShow(source: PrompterSource, prefs: PrompterPrefs): LoadedShow {
  const [show, setShow] = useState<PrompterShow | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const shown = useRef<PrompterShow | null>(null);
  shown.current = show;
  const key = 'rundown' in source ? `r:${source.rundown}` : `s:${source.story}`;
  const sourceRef = useRef(source);
  sourceRef.current = source;

  const reload = useCallback(async () => {
    const result = await call('prompter.show', sourceRef.current, { showsFailure: true });
    if (result.ok) {
      setShow(result.value);
      setProblem(null);
    } else {
      setProblem(result.error.message);
    }
  }, []);

  useEffect(() => {
    setShow(null);
    void reload();
  }, [key, reload]);

  useEffect(
    () =>
      onArchiveEvent((event) => {
        const current = shown.current;
        if (!current) return;
        if (event.type === 'rundown') {
          if (
            current.rundown?.rundown.id === event.id &&
            current.rundown.rundown.version !== event.version
          )
            void reload();
          return;
        }
        if (event.type !== 'story') return;
        const at = current.entries.findIndex((e) => e.story.id === event.id);
        if (at < 0 || current.entries[at]!.story.updatedAt === event.updatedAt) return;
        void (async () => {
          const story = await call('stories.get', { id: event.id }, { showsFailure: true });
          const latest = shown.current;
          if (!story.ok || !latest) return;
          setShow({
            ...latest,
            entries: latest.entries.map((e) =>
              e.story.id === event.id ? { ...e, story: { ...story.value, page: e.story.page } } : e,
            ),
            // The rundown's own summary of the story (its time) follows on the next reload.
          });
        })();
      }),
    [reload],
  );

  const options = useMemo(() => prefsOptions(prefs), [prefs]);
  const cache = useRef(new Map<string, Cached>());
  const doc = useMemo(() => {
    if (!show) return null;
    const kept = new Map<string, Cached>();
    const stories = show.entries.map((entry) => {
      const key = `${entry.rowId}:${entry.story.id}`;
      const before = cache.current.get(key);
      let story: DocStory;
      if (before?.entry.story === entry.story && before.options === options) story = before.story;
      else {
        story = buildDocStory(entry, options, show.timing);
        // Same story, new text: mark what changed while it was being prompted.
        if (before && before.options === options && before.story.updatedAt !== story.updatedAt) {
          const changed = [
            ...new Set([...(before.story.changed ?? []), ...changedBlocks(before.story, story)]),
          ];
          story = { ...story, changed };
        }
      }
      kept.set(key, { entry, story, options });
      return story;
    });
    cache.current = kept;
    return assembleDocument(show.title, stories);
  }, [show, options]);

  const view = useMemo(
    () =>
      show?.rundown
        ? viewRundown(show.rundown.rundown, new Map(show.rundown.stories.map((s) => [s.id, s])))
        : null,
    [show],
  );
  return { doc, view, show, problem };
}
