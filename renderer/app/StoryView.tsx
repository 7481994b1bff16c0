import { useCallback, type ReactNode } from 'react';
import type { LexicalEditor } from 'lexical';
import type { Story } from '../../shared/story/model';
import type { PronouncerEntry } from '../../shared/settings';
import type { TimingSettings } from '../../shared/story/timing';
import { MetadataBar } from '../metadata/MetadataBar';
import { ScriptEditor } from '../editor/ScriptEditor';
import type { PasteOutcome } from '../editor/paste/ScriptPastePlugin';
import type { LiveTiming } from '../editor/timing/TimingPlugin';
import type { useReview } from '../review/useReview';
import { WorkflowBar } from '../review/WorkflowBar';
import { HistoryPanel } from '../review/HistoryPanel';
import { CommentsPanel } from '../review/CommentsPanel';
import { StatusBar } from './StatusBar';
import type { useStoryDocument } from './useStoryDocument';
import type { ValueStore } from './valueStore';
import { ErrorBoundary } from '../recovery/ErrorBoundary';
import { PartFailed } from '../recovery/PartFailed';
import { storyRecovery } from '../recovery/storyRecovery';

type Props = {
  story: Story;
  doc: ReturnType<typeof useStoryDocument>;
  review: ReturnType<typeof useReview>;
  locked: boolean;
  presenters: readonly string[];
  timing: TimingSettings;
  dictionary: readonly PronouncerEntry[];
  autoFocus: boolean;
  findOpen: boolean;
  onCloseFind: () => void;
  liveTiming: ValueStore<LiveTiming | null>;
  onPaste: (outcome: PasteOutcome) => void;
  focusMode: boolean;
  onToggleFocus: () => void;
  onDelete: () => void;
  onRestored: (story: Story) => void;
  /** Why the person at this desk may not approve the story, or null. */
  approveRefusal: string | null;
  /** Who is editing the story at another newsroom desk, or null. */
  heldBy: string | null;
};

/** One part of the story's column: if it stops drawing, the rest (and autosave) carries on. */
function Part({
  what,
  resetKey,
  children,
}: {
  what: string;
  resetKey?: unknown;
  children: ReactNode;
}) {
  return (
    <ErrorBoundary
      fallback={(retry) => <PartFailed what={what} onRetry={retry} />}
      resetKey={resetKey}
    >
      {children}
    </ErrorBoundary>
  );
}

/**
 * The open story: its details, its place in the workflow, the script with the review panel
 * beside it, and the status bar.
 */
export function StoryView({
  story,
  doc,
  review,
  locked,
  presenters,
  timing,
  dictionary,
  autoFocus,
  findOpen,
  onCloseFind,
  liveTiming,
  onPaste,
  focusMode,
  onToggleFocus,
  onDelete,
  onRestored,
  approveRefusal,
  heldBy,
}: Props) {
  const { setEditor } = doc;
  const storyId = story.id;
  // The recovery screens read the text from the last editor, even after a crash unmounted it.
  const onEditor = useCallback(
    (editor: LexicalEditor | null) => {
      setEditor(editor);
      storyRecovery.trackEditor(storyId, editor);
    },
    [setEditor, storyId],
  );
  return (
    <>
      <Part what="The story details">
        <MetadataBar
          story={story}
          presenters={presenters}
          onChange={doc.updateMeta}
          onDelete={onDelete}
          locked={locked}
        />
      </Part>
      <Part what="The workflow bar">
        <WorkflowBar
          story={story}
          lastStatusChange={review.lastStatusChange}
          onTransition={review.changeStatus}
          historyOpen={review.panel === 'history'}
          onToggleHistory={() => review.setPanel((p) => (p === 'history' ? null : 'history'))}
          onSendPackage={() => void review.sendPackage()}
          conflict={review.conflict?.theirs ?? null}
          onCompareConflict={review.compareConflict}
          onSettleConflict={(keep) => void review.settleConflict(keep)}
          approveRefusal={approveRefusal}
          heldBy={heldBy}
        />
      </Part>
      <div className="cd-editor-area">
        <ScriptEditor
          key={doc.editorKey}
          readOnly={locked}
          initialBody={story.body}
          timing={timing}
          presenter={story.presenter}
          dictionary={dictionary}
          autoFocus={autoFocus}
          findOpen={findOpen}
          onCloseFind={onCloseFind}
          onEditor={onEditor}
          onChange={doc.changed}
          onTiming={liveTiming.set}
          onPaste={onPaste}
          storyMeta={story}
          onMeta={doc.updateMeta}
          resolvedThreads={review.resolvedThreads}
          onStartThread={review.startThread}
          onThreadOrder={review.setThreadOrder}
          onThreadRefused={review.refuseThread}
          side={
            <Part
              what={review.panel === 'history' ? 'The history panel' : 'The comments panel'}
              resetKey={review.panel}
            >
              {review.panel === 'history' ? (
                <HistoryPanel
                  story={story}
                  version={review.historyVersion}
                  locked={locked}
                  initialPair={review.comparePair}
                  onBeforeRestore={review.saveTyped}
                  onRestored={onRestored}
                  onClose={() => review.setPanel(null)}
                />
              ) : review.panel === 'comments' ? (
                <CommentsPanel
                  comments={review.comments}
                  order={review.threadOrder}
                  pending={review.pending}
                  canComment={!locked}
                  onPost={review.post}
                  onCancelPending={review.cancelPending}
                  onReturnToScript={review.returnToScript}
                  onResolve={(threadId, resolved) => void review.resolve(threadId, resolved)}
                  onReveal={review.reveal}
                  onClose={() => review.setPanel(null)}
                />
              ) : null}
            </Part>
          }
        />
      </div>
      <Part what="The status bar">
        <StatusBar
          timing={liveTiming}
          targetSec={story.targetSec}
          saveState={doc.saveState}
          focusMode={focusMode}
          onToggleFocus={onToggleFocus}
        />
      </Part>
    </>
  );
}
