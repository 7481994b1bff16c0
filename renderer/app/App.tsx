import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { Story, StoryFormat } from '../../shared/story/model';
import { DEFAULT_SETTINGS, timingSettings } from '../../shared/settings';
import { call, showFailuresWith } from '../api/calls';
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
import { useStoryDocument, type InReviewAnswer } from './useStoryDocument';
import { createValueStore } from './valueStore';
import { TopBar } from './TopBar';
import { EmptyState } from './EmptyState';
import { StoryView } from './StoryView';
import { ToolDialogs, type OpenDialog } from './ToolDialogs';
import { useDesktopShell } from './useDesktopShell';
import { usePasteNotices } from './usePasteNotices';
import { usePronouncerDictionary } from './usePronouncerDictionary';
import { useArchiveVersion } from './useArchiveVersion';
import { ErrorBoundary } from '../recovery/ErrorBoundary';
import { PartFailed } from '../recovery/PartFailed';
import { StoryFailed } from '../recovery/StoryFailed';
import { storyRecovery } from '../recovery/storyRecovery';
import { useSettings } from './useSettings';
import { RundownScreen } from '../rundown/RundownScreen';
import { ShowDialog } from '../rundown/ShowDialog';
import { useLiveStoryTime } from '../rundown/useLiveStoryTime';
import { publishArchiveEvent } from '../api/archiveEvents';
import { useNewsroom } from '../newsroom/useNewsroom';
import { LeaseBanner } from '../newsroom/LeaseBanner';
import { NewsroomButton } from '../newsroom/NewsroomButton';
import { ConnectDialog } from '../newsroom/ConnectDialog';
import { NewsroomDialog } from '../newsroom/NewsroomDialog';
import { ReviewQuestion, type ReviewAsk } from '../review/ReviewQuestion';
import { askToConfirm } from '../common/confirm';
import { useInFlight } from '../common/useInFlight';
import { approvalRefusal } from '../../shared/story/approval';
import type { AppInfo } from '../../shared/ipc/types';
import { NamePrompt } from '../settings/NamePrompt';
import { PrompterScreen } from '../prompter/PrompterScreen';
import type { PrompterSource } from '../../shared/prompter/channels';
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
  /** Who is working, as main says (a server's sign-in, or Settings' name). */
  const [user, setUser] = useState<AppInfo['user'] | null>(null);
  const [nameLater, setNameLater] = useState(false);
  /** The show on screen, if any; a story opened from it shows beside its running order. */
  const [rundownId, setRundownId] = useState<string | null>(null);
  const [rundownStory, setRundownStory] = useState(false);
  const [rundownTitle, setRundownTitle] = useState('');
  const [newRundownOpen, setNewRundownOpen] = useState(false);
  /** The show (or story) being prompted: the prompter takes the window until it is closed. */
  const [prompting, setPrompting] = useState<PrompterSource | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const formatPicker = useRef<HTMLSelectElement>(null);
  const searchRef = useRef<HTMLInputElement>(null);
  const { notices, notify, showError, dismiss, keepAbout } = useNotices();
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
      // Rundowns that hold the story (in this window or another) take up its new time.
      publishArchiveEvent({ type: 'story', id: saved.id, updatedAt: saved.updatedAt });
    },
    [refreshAfterSave, learnFrom],
  );
  // A story waiting for an editor holds still: changing it withdraws it from review, if the
  // person says so (the archive refuses the change otherwise). Asked beside the script
  // (ReviewQuestion), so the keys typed meanwhile stay in it.
  const [reviewAsk, setReviewAsk] = useState<ReviewAsk | null>(null);
  const editInReview = useCallback(async (waiting: Story): Promise<InReviewAnswer> => {
    const withdraw = await new Promise<boolean>((resolve) =>
      setReviewAsk({
        slug: waiting.slug,
        answer: (yes) => {
          setReviewAsk(null);
          resolve(yes);
        },
      }),
    );
    if (!withdraw) return { kind: 'kept' };
    // A failure is shown on the save banner, with the text kept.
    const result = await call(
      'stories.setStatus',
      { id: waiting.id, status: 'draft' },
      { showsFailure: true },
    );
    if (result.ok) return { kind: 'withdrawn', story: result.value };
    const now = await call('stories.get', { id: waiting.id }, { showsFailure: true });
    return { kind: 'failed', message: result.error.message, story: now.ok ? now.value : null };
  }, []);
  const doc = useStoryDocument(onSaved, editInReview);
  const { story, open, save, openRequested } = doc;
  // What was said about a story goes with it.
  const openId = story?.id ?? null;
  useEffect(() => keepAbout(openId), [keepAbout, openId]);
  const storyError = useCallback(
    (message: string) => notify('error', message, openId ?? undefined),
    [notify, openId],
  );
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
  const openFromList = useCallback(
    (id: string) => {
      setRundownId(null);
      void openStory(id);
    },
    [openStory],
  );
  const openRundown = useCallback(
    async (id: string) => {
      if (!(await save('autosave'))) return;
      setRundownId(id);
      setRundownStory(false);
    },
    [save],
  );
  const openFromRundown = useCallback(
    async (storyId: string) => {
      await openStory(storyId);
      setRundownStory(true);
    },
    [openStory],
  );
  const rundownsInSidebar = useMemo(
    () => ({
      selectedId: rundownId,
      onOpen: (id: string) => void openRundown(id),
      onNew: () => setNewRundownOpen(true),
    }),
    [rundownId, openRundown],
  );
  const liveStoryTime = useLiveStoryTime(liveTiming, rundownId ? (story?.id ?? null) : null);
  const manageTags = useCallback(() => setDialog('tags'), []);

  const review = useReview({
    story,
    stored: doc.stored,
    generation: doc.generation,
    editor: doc.editor,
    save,
    isDirty: doc.isDirty,
    reopen: openStory,
    onArchiveChanged: refresh,
    onError: storyError,
  });
  const newsroom = useNewsroom({
    storyId: story?.id ?? null,
    onStory: useCallback(
      (id: string) => {
        refresh();
        // Rundowns showing it take up its new time; the story on screen follows the other desk
        // unless there is unsaved typing in it here.
        publishArchiveEvent({ type: 'story', id, updatedAt: '' });
        if (id === story?.id && !doc.isDirty()) void openStory(id);
      },
      [refresh, story?.id, doc, openStory],
    ),
    onRundown: useCallback(
      (id: string) => {
        refresh();
        publishArchiveEvent({ type: 'rundown', id, version: -1 });
      },
      [refresh],
    ),
    onPronouncers: loadDictionary,
    onNotice: useCallback(
      (label: string, message: string) => notify('warn', label ? `${label}: ${message}` : message),
      [notify],
    ),
  });
  const lease = newsroom.leaseOf(story?.id ?? null);
  const editedElsewhere = lease !== null && !lease.mine;
  const locked = story !== null && (LOCKED_STATUSES.has(story.status) || editedElsewhere);
  const [newsroomDialog, setNewsroomDialog] = useState<'connect' | 'details' | null>(null);
  const role = newsroom.status?.identity?.role;
  const openFromNewsroom = useCallback(
    async (id: string, onDesk: boolean) => {
      setRundownId(null);
      if (!onDesk) {
        const fetched = await call('newsroom.open', { id });
        if (!fetched.ok) return;
        refresh();
      }
      await openStory(id);
    },
    [openStory, refresh],
  );
  const newsroomInSidebar = useMemo(
    () =>
      newsroom.status && newsroom.status.state !== 'alone' ? { onOpen: openFromNewsroom } : null,
    [newsroom.status, openFromNewsroom],
  );
  // The newsroom's signed-in name first, as the services record it.
  const me =
    newsroom.status?.identity?.displayName ??
    (user?.signedIn ? user.name : (settings?.displayName ?? ''));
  const approveRefusal = useMemo(
    () =>
      settings && story?.status === 'ready'
        ? approvalRefusal(me, review.revisions, settings.allowSelfApproval)
        : null,
    [me, review.revisions, settings, story?.status],
  );
  const askName =
    user !== null &&
    !user.signedIn &&
    !newsroom.status?.identity &&
    settings !== null &&
    !settings.displayName.trim();

  useEffect(() => {
    void (async () => {
      const info = await call('app.info', {});
      if (!info.ok) return;
      setArchivePath(info.value.archivePath);
      setUser(info.value.user);
      await loadSettings();
      loadDictionary();
      const latest = await call('stories.list', { limit: 1 });
      // Someone who picked a story while the app was starting keeps it.
      if (latest.ok && latest.value.items[0] && !openRequested())
        await openStory(latest.value.items[0].id);
    })();
  }, [openStory, openRequested, loadSettings, loadDictionary]);

  // A new story is not stored until it has content: one left empty never reaches the archive.
  const { openDraft } = doc;
  // One new story at a time: a second Ctrl+N while the first was opening opened a second draft
  // over it, after saving the page from before the first.
  const { run: runOpening } = useInFlight();
  const newStory = useCallback(
    () =>
      runOpening(async () => {
        if (!(await save('autosave'))) return;
        const result = await call('stories.draft', { format: newFormat });
        if (!result.ok) return;
        setRundownId(null);
        setFreshStoryId(result.value.id);
        const problem = await openDraft(result.value);
        if (problem) showError(problem);
      }),
    [newFormat, openDraft, save, showError, runOpening],
  );

  const { importFiles, startImport, importOpenedFile } = useImportFlow({
    fileInput,
    notify,
    showError,
    refresh,
    openStory,
  });

  const deleteStory = useCallback(async () => {
    if (!story) return;
    if (!doc.stored) {
      // Never stored: there is nothing in the archive to delete, only the page to close.
      doc.close();
      return;
    }
    const name = story.slug || 'UNTITLED';
    const sure = await askToConfirm({
      title: 'Delete story',
      message: `Delete “${name}” from the archive? This cannot be undone.`,
      action: 'Delete',
      danger: true,
    });
    if (!sure) return;
    let result = await call('stories.delete', { id: story.id }, { showsFailure: true });
    // A story a show uses is deleted only when the producer says so: it leaves the rundowns too.
    if (!result.ok && result.error.code === 'IN_RUNDOWN') {
      const fromShows = await askToConfirm({
        title: 'Delete a story a show uses',
        message: result.error.message,
        action: 'Delete from the shows too',
        danger: true,
      });
      if (fromShows) result = await call('stories.delete', { id: story.id, fromRundowns: true });
    } else if (!result.ok) result = await call('stories.delete', { id: story.id });
    if (!result.ok) return;
    setRundownStory(false);
    doc.close();
    refresh();
    notify('info', `Deleted “${story.slug || 'UNTITLED'}”.`);
  }, [doc, notify, refresh, story]);

  const onPaste = usePasteNotices(notify, openId);

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
    importOpenedFile,
    openExport,
    saveNow,
    focusSearch,
    showError,
  });

  /** The open story's view, on its own or beside the rundown it was opened from. */
  const storyView = (shown: Story) => (
    <ErrorBoundary
      resetKey={`${shown.id}:${doc.generation}`}
      fallback={(retry) => (
        <StoryFailed
          onReopen={(saved) => {
            if (saved) refresh();
            void openStory(shown.id).then(retry);
          }}
        />
      )}
    >
      <LeaseBanner
        lease={lease}
        canTakeOver={role === 'editor' || role === 'admin'}
        onTakeOver={(note) => newsroom.takeOver(shown.id, note)}
      />
      <StoryView
        story={shown}
        doc={doc}
        review={review}
        locked={locked}
        presenters={settings?.presenters.map((p) => p.name) ?? []}
        timing={timing}
        dictionary={dictionary}
        autoFocus={shown.id === freshStoryId}
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
        approveRefusal={approveRefusal}
        heldBy={editedElsewhere ? lease.holder : null}
      />
    </ErrorBoundary>
  );

  return (
    <div
      className={`cd-app${focusMode ? ' cd-focus-mode' : ''}${prompting ? ' cd-prompter-open' : ''}`}
    >
      <TopBar
        newFormat={newFormat}
        onNewFormat={setNewFormat}
        formatPicker={formatPicker}
        onNewStory={() => void newStory()}
        onImport={() => void startImport()}
        onExport={openExport}
        onSave={() => void saveNow()}
        onPrompt={
          rundownId
            ? () => setPrompting({ rundown: rundownId })
            : story
              ? () => void save('autosave').then((ok) => ok && setPrompting({ story: story.id }))
              : undefined
        }
        canSave={story !== null}
        onOpenDialog={setDialog}
        newsroom={
          <NewsroomButton
            status={newsroom.status}
            onClick={() =>
              setNewsroomDialog(
                newsroom.status?.state === 'alone' || newsroom.status?.state === 'signedOut'
                  ? 'connect'
                  : 'details',
              )
            }
          />
        }
      />
      <aside className="cd-sidebar">
        <ErrorBoundary fallback={(retry) => <PartFailed what="The archive list" onRetry={retry} />}>
          <Sidebar
            selectedId={story?.id ?? null}
            version={archiveVersion}
            onOpen={openFromList}
            searchRef={searchRef}
            onManageTags={manageTags}
            rundowns={rundownsInSidebar}
            newsroom={newsroomInSidebar}
          />
        </ErrorBoundary>
        {/* Under the list it names, where it has room to be read whole at any window size. */}
        <p className="cd-archive-path" title={archivePath} data-testid="archive-name">
          {archivePath ? `Archive: ${archivePath.split(/[\\/]/).pop()}` : ''}
        </p>
      </aside>
      <main className="cd-main">
        {askName && !nameLater && settings && (
          <NamePrompt
            settings={settings}
            onSaved={setSettings}
            onClose={() => setNameLater(true)}
          />
        )}
        {prompting ? (
          <PrompterScreen source={prompting} onClose={() => setPrompting(null)} />
        ) : rundownId ? (
          <RundownScreen
            rundownId={rundownId}
            live={liveStoryTime}
            openStoryId={rundownStory ? (story?.id ?? null) : null}
            storyPane={rundownStory && story ? storyView(story) : null}
            onOpenStory={(id) => void openFromRundown(id)}
            onCloseStory={() => setRundownStory(false)}
            onExport={(r) => {
              setRundownTitle(r.title);
              setExportOpen(true);
            }}
            onDeleted={() => setRundownId(null)}
            onNotify={(m) => notify('info', m)}
          />
        ) : story ? (
          storyView(story)
        ) : (
          <EmptyState onNewStory={() => void newStory()} onImport={() => void startImport()} />
        )}
        <Notices notices={notices} onDismiss={dismiss} />
      </main>
      <SaveErrorBanner state={doc.saveState} onRetry={() => void saveNow()} />
      {reviewAsk && <ReviewQuestion ask={reviewAsk} />}
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
          signedInAs={user?.signedIn ? user.name : null}
        />
      </ErrorBoundary>
      {newsroomDialog === 'connect' && (
        <ConnectDialog
          status={newsroom.status}
          onClose={() => setNewsroomDialog(null)}
          onConnected={() => {
            setNewsroomDialog(null);
            void newsroom.refreshStatus();
            refresh();
            notify('info', 'Connected to the newsroom.');
          }}
        />
      )}
      {newsroomDialog === 'details' && newsroom.status && (
        <NewsroomDialog
          status={newsroom.status}
          onClose={() => setNewsroomDialog(null)}
          onChanged={() => void newsroom.refreshStatus()}
          onOpenStory={(id) => void openFromNewsroom(id, true)}
        />
      )}
      {newRundownOpen && (
        <ShowDialog
          onClose={() => setNewRundownOpen(false)}
          onSubmit={async (f) => {
            const created = await call('rundowns.create', {
              title: f.title,
              airDate: f.airDate,
              onAirSec: f.onAirSec,
              lengthSec: f.lengthSec,
              ...(f.template !== null && { template: f.template }),
            });
            if (!created.ok) return false;
            refresh();
            await openRundown(created.value.rundown.id);
            return true;
          }}
        />
      )}
      {exportOpen && (
        <ErrorBoundary
          fallback={() => null}
          onFailed={() => dialogFailed(() => setExportOpen(false))}
        >
          <ExportDialog
            storyId={story && doc.stored ? story.id : null}
            storySlug={story?.slug ?? ''}
            rundown={rundownId ? { id: rundownId, title: rundownTitle } : null}
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
        onChange={(e) => {
          const files = [...(e.target.files ?? [])];
          // Emptied at once: the same files can be picked again, whatever became of this import.
          e.target.value = '';
          void importFiles(files);
        }}
      />
    </div>
  );
}
