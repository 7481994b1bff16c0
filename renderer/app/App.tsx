import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { Story, StoryFormat } from '../../shared/story/model';
import { DEFAULT_SETTINGS, timingSettings } from '../../shared/settings';
import { call, showFailuresWith } from '../api/calls';
import { readPickedFiles } from '../api/platform';
import { Sidebar } from '../sidebar/Sidebar';
import { ExportDialog } from '../export/ExportDialog';
import { useReview } from '../review/useReview';
import { LOCKED_STATUSES } from '../../shared/story/workflow';
import type { LiveTiming } from '../editor/timing/TimingPlugin';
import { SaveErrorBanner } from './StatusBar';
import { Notices } from './Notices';
import { useNotices } from './useNotices';
import { useImportFlow } from './useImportFlow';
import { useAppShortcuts } from './useAppShortcuts';
import { useStoryDocument } from './useStoryDocument';
import { createValueStore } from './valueStore';
import { TopBar } from './TopBar';
import { EmptyState } from './EmptyState';
import { StoryView } from './StoryView';
import { ToolDialogs, type OpenDialog } from './ToolDialogs';
import { useDesktopShell } from './useDesktopShell';
import { usePasteMerge } from './usePasteMerge';
import { usePronouncerDictionary } from './usePronouncerDictionary';
import { useArchiveVersion } from './useArchiveVersion';
import { ErrorBoundary } from '../recovery/ErrorBoundary';
import { PartFailed } from '../recovery/PartFailed';
import { StoryFailed } from '../recovery/StoryFailed';
import { storyRecovery } from '../recovery/storyRecovery';
import { useSettings } from './useSettings';
import './app.css';

/** The window: top bar, the archive sidebar, the open story (or none), and the dialogs. */
export function App() {
  const [liveTiming] = useState(() => createValueStore<LiveTiming | null>(null));
  const [exportOpen, setExportOpen] = useState(false);
  const [dialog, setDialog] = useState<OpenDialog | null>(null);
  const [findOpen, setFindOpen] = useState(false);
  const [focusMode, setFocusMode] = useState(false);
  const [freshStoryId, setFreshStoryId] = useState<string | null>(null);
  const [newFormat, setNewFormat] = useState<StoryFormat>('READER');
  const [archivePath, setArchivePath] = useState('');
  const fileInput = useRef<HTMLInputElement>(null);
  const formatPicker = useRef<HTMLSelectElement>(null);
  const searchRef = useRef<HTMLInputElement>(null);
  const { notices, notify, showError, dismiss } = useNotices();
  // Every failed call to main is shown here (see api/calls.ts), from the first one on.
  useEffect(() => showFailuresWith(showError), [showError]);
  const { settings, setSettings, loadSettings } = useSettings();
  const { archiveVersion, refresh, refreshAfterSave } = useArchiveVersion();
  const { dictionary, loadDictionary, learnFrom } = usePronouncerDictionary();
  const timing = useMemo(() => timingSettings(settings ?? DEFAULT_SETTINGS), [settings]);

  const onSaved = useCallback(
    (saved: Story) => {
      refreshAfterSave(saved);
      learnFrom(saved);
    },
    [refreshAfterSave, learnFrom],
  );
  const doc = useStoryDocument(onSaved);
  const { story, open, save } = doc;
  // Kept outside React, so a crash screen can still save or offer the story.
  useEffect(() => storyRecovery.track(story, doc.isDirty), [story, doc.isDirty]);

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
      const info = await call('app.info', {});
      if (!info.ok) return;
      setArchivePath(info.value.archivePath);
      await loadSettings();
      loadDictionary();
      const latest = await call('stories.list', { limit: 1 });
      if (latest.ok && latest.value.items[0]) await openStory(latest.value.items[0].id);
    })();
  }, [openStory, loadSettings, loadDictionary]);

  const newStory = useCallback(async () => {
    if (!(await save('autosave'))) return;
    const result = await call('stories.create', { format: newFormat });
    if (!result.ok) return;
    refresh();
    setFreshStoryId(result.value.id);
    await openStory(result.value.id);
  }, [newFormat, openStory, refresh, save]);

  const { importFiles, startImport } = useImportFlow({
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
    const result = await call('stories.delete', { id: story.id });
    if (!result.ok) return;
    doc.close();
    refresh();
    notify('info', `Deleted “${story.slug || 'UNTITLED'}”.`);
  }, [doc, notify, refresh, story]);

  const onPaste = usePasteMerge(doc, notify, showError);

  /** A dialog that stopped drawing is closed, and says so; the story stays as it was. */
  const dialogFailed = useCallback(
    (close: () => void) => {
      close();
      showError('The dialog stopped working and was closed; the details are in the error log.');
    },
    [showError],
  );

  const saveNow = useCallback(async () => {
    await save('explicit');
  }, [save]);
  const openExport = useCallback(() => setExportOpen(true), []);
  const focusSearch = useCallback(() => searchRef.current?.focus(), []);

  useAppShortcuts({
    save,
    isDirty: doc.isDirty,
    hasStory: story !== null,
    focusMode,
    setFocusMode,
    openFind: () => setFindOpen(true),
    openExport,
    focusSearch,
    focusFormatPicker: () => formatPicker.current?.focus(),
  });

  useDesktopShell({
    save,
    newStory,
    startImport,
    importFiles,
    openExport,
    saveNow,
    focusSearch,
    showError,
  });

  return (
    <div className={`cd-app${focusMode ? ' cd-focus-mode' : ''}`}>
      <TopBar
        newFormat={newFormat}
        onNewFormat={setNewFormat}
        formatPicker={formatPicker}
        onNewStory={() => void newStory()}
        onImport={() => void startImport()}
        onExport={openExport}
        onSave={() => void saveNow()}
        canSave={story !== null}
        archivePath={archivePath}
        onOpenDialog={setDialog}
      />
      <aside className="cd-sidebar">
        <ErrorBoundary fallback={(retry) => <PartFailed what="The archive list" onRetry={retry} />}>
          <Sidebar
            selectedId={story?.id ?? null}
            version={archiveVersion}
            onOpen={openFromList}
            searchRef={searchRef}
            onManageTags={manageTags}
          />
        </ErrorBoundary>
      </aside>
      <main className="cd-main">
        {story ? (
          <ErrorBoundary
            resetKey={`${story.id}:${doc.generation}`}
            fallback={(retry) => (
              <StoryFailed
                onReopen={(saved) => {
                  if (saved) refresh();
                  void openStory(story.id).then(retry);
                }}
              />
            )}
          >
            <StoryView
              story={story}
              doc={doc}
              review={review}
              locked={locked}
              presenters={settings?.presenters.map((p) => p.name) ?? []}
              timing={timing}
              dictionary={dictionary}
              autoFocus={story.id === freshStoryId}
              findOpen={findOpen}
              onCloseFind={() => setFindOpen(false)}
              liveTiming={liveTiming}
              onPaste={onPaste}
              focusMode={focusMode}
              onToggleFocus={() => setFocusMode((f) => !f)}
              onDelete={() => void deleteStory()}
              onRestored={(restored) => {
                refresh();
                void openStory(restored.id);
              }}
            />
          </ErrorBoundary>
        ) : (
          <EmptyState onNewStory={() => void newStory()} onImport={() => void startImport()} />
        )}
      </main>
      <SaveErrorBanner state={doc.saveState} onRetry={() => void saveNow()} />
      <ErrorBoundary
        key={dialog ?? ''}
        fallback={() => null}
        onFailed={() => dialogFailed(() => setDialog(null))}
      >
        <ToolDialogs
          dialog={dialog}
          onClose={() => setDialog(null)}
          dictionary={dictionary}
          onDictionaryChanged={loadDictionary}
          current={
            story ? { format: story.format, body: () => doc.editorBody() ?? story.body } : null
          }
          onTagsChanged={refresh}
          settings={settings}
          onSettingsRead={setSettings}
        />
      </ErrorBoundary>
      <Notices notices={notices} onDismiss={dismiss} />
      {exportOpen && (
        <ErrorBoundary
          fallback={() => null}
          onFailed={() => dialogFailed(() => setExportOpen(false))}
        >
          <ExportDialog
            storyId={story?.id ?? null}
            storySlug={story?.slug ?? ''}
            onClose={() => setExportOpen(false)}
            beforeExport={() => save('autosave')}
            onDone={(m) => notify('info', m)}
            onError={showError}
          />
        </ErrorBoundary>
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
