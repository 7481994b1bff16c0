import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { mergeTags, STORY_FORMATS, type Story, type StoryFormat } from '../../shared/story/model';
import {
  DEFAULT_SETTINGS,
  timingSettings,
  type PronouncerEntry,
  type Settings,
} from '../../shared/settings';
import { PronouncerDictionary } from '../pronouncers/PronouncerDictionary';
import { SettingsDialog } from '../settings/SettingsDialog';
import { TemplatesDialog } from '../templates/TemplatesDialog';
import { TagManager } from '../tags/TagManager';
import { api, bridge } from '../api/client';
import { readPickedFiles } from '../api/platform';
import { Sidebar } from '../archive/Sidebar';
import { MetadataBar } from '../metadata/MetadataBar';
import { ScriptEditor } from '../editor/ScriptEditor';
import type { PasteOutcome } from '../editor/paste/ScriptPastePlugin';
import { ExportDialog } from '../export/ExportDialog';
import { SaveErrorBanner, StatusBar } from './StatusBar';
import { useReview } from '../review/useReview';
import { WorkflowBar } from '../review/WorkflowBar';
import { HistoryPanel } from '../review/HistoryPanel';
import { CommentsPanel } from '../review/CommentsPanel';
import { LOCKED_STATUSES } from '../../shared/story/workflow';
import { pronouncersTaught } from '../../shared/story/pronouncers';
import { Notices } from './Notices';
import { useNotices } from './useNotices';
import { useImportFlow } from './useImportFlow';
import { useAppShortcuts } from './useAppShortcuts';
import { useStoryDocument } from './useStoryDocument';
import { createValueStore } from './valueStore';
import type { LiveTiming } from '../editor/timing/TimingPlugin';

const IS_MAC = /Mac/.test(navigator.platform);

/** The dialogs the top bar opens. */
const TOOL_DIALOGS = [
  { dialog: 'pronouncers', label: 'Pronouncers' },
  { dialog: 'templates', label: 'Templates' },
  { dialog: 'settings', label: 'Settings' },
] as const;

/** While typing, the archive list is brought up to date at most this often (its times change). */
const LIST_REFRESH_MS = 5000;

export function App() {
  const [archiveVersion, setArchiveVersion] = useState(0);
  const [liveTiming] = useState(() => createValueStore<LiveTiming | null>(null));
  const [exportOpen, setExportOpen] = useState(false);
  const [dialog, setDialog] = useState<'pronouncers' | 'templates' | 'settings' | 'tags' | null>(
    null,
  );
  const [findOpen, setFindOpen] = useState(false);
  const [focusMode, setFocusMode] = useState(false);
  const [freshStoryId, setFreshStoryId] = useState<string | null>(null);
  const [settings, setSettings] = useState<Settings>(DEFAULT_SETTINGS);
  const [dictionary, setDictionary] = useState<PronouncerEntry[]>([]);
  const [newFormat, setNewFormat] = useState<StoryFormat>('READER');
  const [archivePath, setArchivePath] = useState('');
  const fileInput = useRef<HTMLInputElement>(null);
  const formatPicker = useRef<HTMLSelectElement>(null);
  const searchRef = useRef<HTMLInputElement>(null);
  const { notices, notify, showError, dismiss } = useNotices();
  const refresh = useCallback(() => setArchiveVersion((v) => v + 1), []);
  const loadDictionary = useCallback(() => {
    void api['pronouncers.list']({}).then((r) => r.ok && setDictionary(r.value));
  }, []);
  const timing = useMemo(() => timingSettings(settings), [settings]);

  // Autosave runs every second while someone types: it must not reload the archive list and the
  // dictionary each time (that re-rendered the window and rescanned the story for pronouncers).
  const lastListed = useRef({ key: '', at: 0 });
  const dictionaryRef = useRef(dictionary);
  useEffect(() => {
    dictionaryRef.current = dictionary;
  }, [dictionary]);
  const onSaved = useCallback(
    (saved: Story) => {
      const key = [
        saved.id,
        saved.slug,
        saved.format,
        saved.presenter,
        saved.reporter,
        saved.status,
        saved.tags.join(','),
      ].join('|');
      const now = Date.now();
      if (key !== lastListed.current.key || now - lastListed.current.at > LIST_REFRESH_MS) {
        lastListed.current = { key, at: now };
        refresh();
      }
      if (pronouncersTaught(saved, dictionaryRef.current).length > 0) loadDictionary();
    },
    [refresh, loadDictionary],
  );
  const doc = useStoryDocument(onSaved);
  const { story, open, save } = doc;

  const openStory = useCallback(
    async (id: string) => {
      const problem = await open(id);
      if (problem) showError(problem);
    },
    [open, showError],
  );

  // Stable, so the (memoised) archive list does not re-render with every App render.
  const openFromList = useCallback((id: string) => void openStory(id), [openStory]);
  const manageTags = useCallback(() => setDialog('tags'), []);

  const review = useReview({
    story,
    generation: doc.generation,
    editor: doc.editor,
    save,
    isDirty: doc.isDirty,
    reopen: openStory,
    onArchiveChanged: refresh,
    onError: showError,
  });
  const locked = story !== null && LOCKED_STATUSES.has(story.status);

  useEffect(() => {
    void (async () => {
      const info = await api['app.info']({});
      if (!info.ok) return showError(info.error.message);
      setArchivePath(info.value.archivePath);
      const stored = await api['settings.get']({});
      if (stored.ok) setSettings(stored.value);
      loadDictionary();
      const latest = await api['stories.list']({ limit: 1 });
      if (latest.ok && latest.value.items[0]) await openStory(latest.value.items[0].id);
    })();
  }, [openStory, showError, loadDictionary]);

  const newStory = useCallback(async () => {
    if (!(await save('autosave'))) return;
    const result = await api['stories.create']({ format: newFormat });
    if (!result.ok) return showError(result.error.message);
    refresh();
    setFreshStoryId(result.value.id);
    await openStory(result.value.id);
  }, [newFormat, openStory, refresh, save, showError]);

  const { importFiles, startImport, importOpenedFile } = useImportFlow({
    fileInput,
    notify,
    showError,
    refresh,
    openStory,
  });

  const deleteStory = useCallback(async () => {
    if (!story) return;
    if (!confirm(`Delete “${story.slug || 'UNTITLED'}” from the archive? This cannot be undone.`))
      return;
    const result = await api['stories.delete']({ id: story.id });
    if (!result.ok) return showError(result.error.message);
    doc.close();
    refresh();
    notify('info', `Deleted “${story.slug || 'UNTITLED'}”.`);
  }, [doc, notify, refresh, showError, story]);

  const onPaste = useCallback(
    (outcome: PasteOutcome) => {
      if ('refused' in outcome) return showError(outcome.refused);
      const { script } = outcome;
      const current = doc.story;
      if (!current) return;
      const patch: Parameters<typeof doc.updateMeta>[0] = {};
      const tags = mergeTags(current.tags, script.tags);
      if (tags.length !== current.tags.length) patch.tags = tags;
      if (!current.slug.trim() && script.body.length > 1) patch.slug = script.slug;
      if (!current.reporter.trim() && script.reporter) patch.reporter = script.reporter;
      if (!current.presenter.trim() && script.presenter) patch.presenter = script.presenter;
      if (current.format === 'READER' && script.format !== 'READER') patch.format = script.format;
      if (Object.keys(patch).length > 0) doc.updateMeta(patch);
      if (script.dropped.length > 0)
        notify(
          'info',
          `Left out as web-page residue: ${script.dropped.map((l) => `“${l}”`).join(', ')}.`,
        );
    },
    [doc, notify, showError],
  );

  const saveNow = useCallback(async () => {
    await save('explicit');
  }, [save]);

  useAppShortcuts({
    save,
    isDirty: doc.isDirty,
    hasStory: story !== null,
    focusMode,
    setFocusMode,
    openFind: () => setFindOpen(true),
    openExport: () => setExportOpen(true),
    focusSearch: () => searchRef.current?.focus(),
    focusFormatPicker: () => formatPicker.current?.focus(),
  });

  useEffect(
    () =>
      bridge?.shell.onMenuCommand((command) => {
        if (command === 'new-story') void newStory();
        else if (command === 'import') void startImport();
        else if (command === 'export') setExportOpen(true);
        else if (command === 'save') void saveNow();
        else if (command === 'find') searchRef.current?.focus();
      }),
    [newStory, saveNow, startImport],
  );

  const switchArchive = useCallback(
    async (path?: string) => {
      if (!bridge || !(await save('autosave'))) return;
      const result = await bridge.shell.openArchive(path ? { path } : {});
      if (!result.ok) return showError(result.error.message);
      // A fresh page for the other archive: nothing of the last one lingers in state.
      if (result.value.opened) location.reload();
    },
    [save, showError],
  );

  useEffect(() => {
    const shell = bridge?.shell;
    return shell?.onRequest((request) => {
      if (request.type === 'open-archive') void switchArchive(request.path);
      // A .copydesk file opened from the OS: main reads it and the importer merges it.
      else void importOpenedFile(request.requestId);
    });
  }, [importOpenedFile, switchArchive]);

  return (
    <div className={`cd-app${focusMode ? ' cd-focus-mode' : ''}`}>
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
              onClick={() => void newStory()}
              data-testid="new-story"
            >
              New story
            </button>
            <select
              ref={formatPicker}
              aria-label="Format of the new story"
              title="Format of the new story (Alt+Shift+N, then Enter to create)"
              value={newFormat}
              onChange={(e) => setNewFormat(e.target.value as StoryFormat)}
              onKeyDown={(e) => {
                if (e.key === 'Enter') {
                  e.preventDefault();
                  void newStory();
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
          <button
            type="button"
            className="cd-button"
            onClick={() => void startImport()}
            data-testid="import"
          >
            Import…
          </button>
          <button
            type="button"
            className="cd-button"
            onClick={() => setExportOpen(true)}
            data-testid="export"
          >
            Export…
          </button>
          <button
            type="button"
            className="cd-button"
            onClick={() => void saveNow()}
            disabled={!story}
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
          {TOOL_DIALOGS.map(({ dialog: d, label }) => (
            <button
              key={d}
              type="button"
              className="cd-button"
              onClick={() => setDialog(d)}
              data-testid={`open-${d}`}
            >
              {label}
            </button>
          ))}
        </div>
      </header>
      <aside className="cd-sidebar">
        <Sidebar
          selectedId={story?.id ?? null}
          version={archiveVersion}
          onOpen={openFromList}
          onError={showError}
          searchRef={searchRef}
          onManageTags={manageTags}
        />
      </aside>
      <main className="cd-main">
        {story ? (
          <>
            <MetadataBar
              story={story}
              presenters={settings.presenters.map((p) => p.name)}
              onChange={doc.updateMeta}
              onDelete={() => void deleteStory()}
            />
            <WorkflowBar
              story={story}
              lastStatusChange={review.lastStatusChange}
              onTransition={(step, note) => void review.changeStatus(step, note)}
              historyOpen={review.panel === 'history'}
              onToggleHistory={() => review.setPanel((p) => (p === 'history' ? null : 'history'))}
              onSendPackage={() => void review.sendPackage()}
              conflict={review.conflict?.theirs ?? null}
              onCompareConflict={review.compareConflict}
              onSettleConflict={(keep) => void review.settleConflict(keep)}
            />
            <div className="cd-editor-area">
              <ScriptEditor
                key={`${story.id}:${doc.generation}`}
                readOnly={locked}
                initialBody={story.body}
                timing={timing}
                presenter={story.presenter}
                dictionary={dictionary}
                autoFocus={story.id === freshStoryId}
                findOpen={findOpen}
                onCloseFind={() => setFindOpen(false)}
                onEditor={doc.setEditor}
                onChange={doc.changed}
                onTiming={liveTiming.set}
                onPaste={onPaste}
                resolvedThreads={review.resolvedThreads}
                onStartThread={review.startThread}
                onThreadOrder={review.setThreadOrder}
                side={
                  review.panel === 'history' ? (
                    <HistoryPanel
                      story={story}
                      version={review.historyVersion}
                      locked={locked}
                      initialPair={review.comparePair}
                      onRestored={(restored) => {
                        refresh();
                        void openStory(restored.id);
                      }}
                      onError={showError}
                      onClose={() => review.setPanel(null)}
                    />
                  ) : review.panel === 'comments' ? (
                    <CommentsPanel
                      comments={review.comments}
                      order={review.threadOrder}
                      pending={review.pending}
                      canComment={!locked}
                      onPost={(threadId, body, quote) => void review.post(threadId, body, quote)}
                      onCancelPending={review.cancelPending}
                      onResolve={(threadId, resolved) => void review.resolve(threadId, resolved)}
                      onReveal={review.reveal}
                      onClose={() => review.setPanel(null)}
                    />
                  ) : null
                }
              />
            </div>
            <StatusBar
              timing={liveTiming}
              targetSec={story.targetSec}
              saveState={doc.saveState}
              focusMode={focusMode}
              onToggleFocus={() => setFocusMode((f) => !f)}
            />
          </>
        ) : (
          <div className="cd-empty">
            <h1>No story open</h1>
            <p>Pick a story from the archive, start a new one, or import a script file.</p>
            <div className="cd-empty-actions">
              <button
                type="button"
                className="cd-button cd-button-primary"
                onClick={() => void newStory()}
              >
                New story
              </button>
              <button type="button" className="cd-button" onClick={() => void startImport()}>
                Import a script…
              </button>
            </div>
          </div>
        )}
      </main>
      <SaveErrorBanner state={doc.saveState} onRetry={() => void saveNow()} />
      {dialog === 'pronouncers' && (
        <PronouncerDictionary
          entries={dictionary}
          onChanged={loadDictionary}
          onError={showError}
          onClose={() => setDialog(null)}
        />
      )}
      {dialog === 'templates' && (
        <TemplatesDialog
          current={
            story ? { format: story.format, body: () => doc.editorBody() ?? story.body } : null
          }
          onError={showError}
          onClose={() => setDialog(null)}
        />
      )}
      {dialog === 'tags' && (
        <TagManager onChanged={refresh} onError={showError} onClose={() => setDialog(null)} />
      )}
      {dialog === 'settings' && (
        <SettingsDialog
          settings={settings}
          onSaved={setSettings}
          onClose={() => setDialog(null)}
          onError={showError}
          onArchiveRestored={() => {
            // Everything on screen may have changed: start over from the restored archive.
            location.reload();
          }}
        />
      )}
      <Notices notices={notices} onDismiss={dismiss} />
      {exportOpen && (
        <ExportDialog
          storyId={story?.id ?? null}
          storySlug={story?.slug ?? ''}
          onClose={() => setExportOpen(false)}
          beforeExport={() => save('autosave')}
          onDone={(m) => notify('info', m)}
          onError={showError}
        />
      )}
      <input
        ref={fileInput}
        type="file"
        multiple
        accept=".txt,.nsml,.json,.copydesk,text/plain"
        hidden
        data-testid="import-input"
        onChange={async (e) => {
          const files = e.target.files;
          if (files && files.length > 0) await importFiles(await readPickedFiles(files));
          e.target.value = '';
        }}
      />
    </div>
  );
}
