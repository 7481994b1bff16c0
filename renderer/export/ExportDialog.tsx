import { useEffect, useRef, useState } from 'react';
import { ExportOptionsSchema, type ExportOptions } from '../../shared/export/options';
import {
  EXPORT_FORMAT_GROUPS,
  exportFormatSpec,
  isExportFormat,
  type ExportFormat,
} from '../../shared/export/formats';
import { ExportOptionsFields } from './ExportOptionsFields';
import type { TagCount } from '../../shared/ipc/types';
import { call } from '../api/calls';
import { isDesktop } from '../api/client';
import { exportStories, savedMessage } from '../api/platform';
import '../common/dialog.css';
import './export.css';

type Scope = 'story' | 'tag' | 'all' | 'rundown';
type Remembered = { format: ExportFormat; options: ExportOptions; scope: Scope; tag: string };

const STORAGE_KEY = 'copydesk.export';

function remembered(): Remembered {
  const fallback: Remembered = {
    format: 'prompter-rtf',
    options: ExportOptionsSchema.parse({}),
    scope: 'story',
    tag: '',
  };
  try {
    const raw = JSON.parse(
      localStorage.getItem(STORAGE_KEY) ?? 'null',
    ) as Partial<Remembered> | null;
    if (!raw) return fallback;
    // Options remembered by an older version fill in what they lack from the defaults.
    const options = ExportOptionsSchema.safeParse(raw.options);
    return {
      format: isExportFormat(raw.format) ? raw.format : fallback.format,
      options: options.success ? options.data : fallback.options,
      scope:
        raw.scope === 'tag' || raw.scope === 'all' || raw.scope === 'rundown' ? raw.scope : 'story',
      tag: typeof raw.tag === 'string' ? raw.tag : '',
    };
  } catch {
    return fallback;
  }
}

type Props = {
  storyId: string | null;
  storySlug: string;
  /** The open rundown, which can be exported as a show (in running order) or as itself. */
  rundown?: { id: string; title: string } | null;
  onClose: () => void;
  /** Saves the open story first, so the file has what is on screen. */
  beforeExport: () => Promise<boolean>;
  onDone: (message: string) => void;
  onError: (message: string) => void;
};

/** Export: which stories, the format (grouped by who reads it), and that format's options. */
export function ExportDialog({
  storyId,
  storySlug,
  rundown = null,
  onClose,
  beforeExport,
  onDone,
  onError,
}: Props) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [state, setState] = useState<Remembered>(() => {
    const r = remembered();
    // With a rundown open, the show is what is exported, unless the story is asked for.
    if (rundown) return { ...r, scope: 'rundown' };
    const scope = r.scope === 'rundown' ? 'story' : r.scope;
    return storyId === null && scope === 'story' ? { ...r, scope: 'all' } : { ...r, scope };
  });
  const isRundownFormat = exportFormatSpec(state.format).fileHolds === 'rundown';
  const [tags, setTags] = useState<TagCount[]>([]);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    dialog.current?.showModal();
    void call('tags.list', {}).then((r) => r.ok && setTags(r.value));
  }, []);

  const set = (patch: Partial<Remembered>) => setState((s) => ({ ...s, ...patch }));
  const setOption = (patch: Partial<ExportOptions>) =>
    setState((s) => ({ ...s, options: { ...s.options, ...patch } }));

  const run = async () => {
    setBusy(true);
    try {
      if (!(await beforeExport())) return;
      const selection =
        state.scope === 'rundown' && rundown
          ? { rundown: rundown.id }
          : state.scope === 'story' && storyId
            ? { ids: [storyId] }
            : state.scope === 'tag' && state.tag
              ? { tag: state.tag }
              : { all: true as const };
      const result = await exportStories({
        selection,
        format: state.format,
        options: state.options,
      });
      if (!result.ok) return onError(result.error.message);
      localStorage.setItem(STORAGE_KEY, JSON.stringify(state));
      if (result.value.saved) onDone(savedMessage(result.value));
      onClose();
    } finally {
      setBusy(false);
    }
  };

  return (
    <dialog
      ref={dialog}
      className="cd-dialog"
      aria-labelledby="export-title"
      onClose={onClose}
      data-testid="export-dialog"
    >
      <form
        method="dialog"
        onSubmit={(e) => {
          e.preventDefault();
          void run();
        }}
      >
        <h2 id="export-title">Export</h2>
        <fieldset>
          <legend>Stories</legend>
          {rundown && (
            <label className="cd-radio">
              <input
                type="radio"
                name="scope"
                checked={state.scope === 'rundown'}
                onChange={() => set({ scope: 'rundown' })}
              />
              The show{rundown.title ? ` ${rundown.title}` : ''}, in running order (floated stories
              and breaks left out)
            </label>
          )}
          <label className="cd-radio">
            <input
              type="radio"
              name="scope"
              checked={state.scope === 'story'}
              disabled={!storyId}
              onChange={() => set({ scope: 'story' })}
            />
            This story{storyId ? ` (${storySlug || 'UNTITLED'})` : ''}
          </label>
          <label className="cd-radio">
            <input
              type="radio"
              name="scope"
              checked={state.scope === 'tag'}
              disabled={tags.length === 0}
              onChange={() => set({ scope: 'tag', tag: state.tag || tags[0]?.name || '' })}
            />
            Every story tagged
            <select
              aria-label="Tag to export"
              value={state.tag}
              disabled={state.scope !== 'tag'}
              onChange={(e) => set({ tag: e.target.value })}
            >
              {tags.map((t) => (
                <option key={t.name} value={t.name}>
                  #{t.name} ({t.count})
                </option>
              ))}
            </select>
          </label>
          <label className="cd-radio">
            <input
              type="radio"
              name="scope"
              checked={state.scope === 'all'}
              onChange={() => set({ scope: 'all' })}
            />
            Every story in the archive
          </label>
        </fieldset>
        <fieldset className="cd-format-groups">
          <legend>Format</legend>
          {EXPORT_FORMAT_GROUPS.map((group) => (
            <div
              key={group.label}
              className="cd-format-group"
              role="group"
              aria-label={group.label}
            >
              <div className="cd-format-group-label">{group.label}</div>
              {group.formats.map((f) => (
                <label key={f} className="cd-radio">
                  <input
                    type="radio"
                    name="format"
                    value={f}
                    checked={state.format === f}
                    disabled={
                      exportFormatSpec(f).fileHolds === 'rundown' && state.scope !== 'rundown'
                    }
                    onChange={() => set({ format: f })}
                  />
                  {exportFormatSpec(f).label}
                </label>
              ))}
            </div>
          ))}
          {exportFormatSpec(state.format).fileHolds === 'story' && state.scope !== 'story' && (
            <p className="cd-dialog-note">
              This format is one file per story
              {isDesktop ? ': you choose a folder for them once.' : '.'}
            </p>
          )}
          {isRundownFormat && state.scope !== 'rundown' && (
            <p className="cd-dialog-note">
              This format is the rundown itself: open a rundown to export it.
            </p>
          )}
        </fieldset>
        <ExportOptionsFields format={state.format} options={state.options} onChange={setOption} />
        <div className="cd-dialog-actions">
          <button
            type="button"
            className="cd-button cd-button-quiet"
            onClick={() => dialog.current?.close()}
          >
            Cancel
          </button>
          <button
            type="submit"
            className="cd-button cd-button-primary"
            disabled={
              busy ||
              (state.scope === 'tag' && !state.tag) ||
              (isRundownFormat && state.scope !== 'rundown')
            }
          >
            {busy ? 'Exporting…' : 'Export'}
          </button>
        </div>
      </form>
    </dialog>
  );
}
