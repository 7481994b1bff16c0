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
};

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
}: Props) {
  return (
    <>
      <MetadataBar
        story={story}
        presenters={presenters}
        onChange={doc.updateMeta}
        onDelete={onDelete}
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
          key={doc.editorKey}
          readOnly={locked}
          initialBody={story.body}
          timing={timing}
          presenter={story.presenter}
          dictionary={dictionary}
          autoFocus={autoFocus}
          findOpen={findOpen}
          onCloseFind={onCloseFind}
          onEditor={doc.setEditor}
          onChange={doc.changed}
          onTiming={liveTiming.set}
          onPaste={onPaste}
          storyMeta={story}
          onMeta={doc.updateMeta}
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
                onRestored={onRestored}
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
        onToggleFocus={onToggleFocus}
      />
    </>
  );
}
