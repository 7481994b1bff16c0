import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { PrompterAction } from '../../shared/prompter/actions';
import type { PrompterSource } from '../../shared/prompter/channels';
import { storyIndexAt } from '../../shared/prompter/document';
import type { HubMessage, OperatorMessage, RemoteAccess } from '../../shared/prompter/remote';
import { commandAction } from '../../shared/prompter/remote';
import { ratesFor } from '../../shared/story/timing';
import { openOperatorLink } from './operatorLink';
import { openOutputChannel, sharedNow } from './outputChannel';
import { PrompterText } from './PrompterText';
import { prompterState } from './prompterState';
import { useControllers } from './useControllers';
import { usePrompterEngine } from './usePrompterEngine';
import { usePrompterPrefs } from './usePrompterPrefs';
import { usePrompterShow } from './usePrompterShow';
import { useScrollSurface } from './useScrollSurface';
import { StoryList } from './StoryList';
import { SpeedControls, Timers } from './SpeedControls';
import { PrompterSettings } from './PrompterSettings';
import { positionAt } from '../../shared/prompter/motion';
import type { Track } from '../../shared/prompter/track';
import './prompter.css';

/**
 * The operator's view of the prompter: the show's stories to jump between, the text as the talent
 * sees it (small), speed and clocks, the talent output and every setting. The engine runs here;
 * the talent output and the remote control follow it.
 */
export function PrompterScreen({
  source,
  onClose,
}: {
  source: PrompterSource;
  onClose: () => void;
}) {
  const { prefs, update } = usePrompterPrefs();
  const { doc, view, show, problem } = usePrompterShow(source, prefs);
  const firstPresenter = show?.entries[0]?.story.presenter ?? '';
  const initialWpm = show ? ratesFor(show.timing, firstPresenter).wordsPerMinute : 180;
  const previewTrack = useRef<Track | null>(null);
  const engine = usePrompterEngine({ doc, initialWpm, presets: prefs.presets, previewTrack });
  const [storyIndex, setStoryIndex] = useState(0);
  const surface = useScrollSurface({
    doc,
    layoutKey: `${prefs.previewFontSize}:${prefs.lineHeight}:${prefs.margin}`,
    readingLine: prefs.readingLine,
    motion: engine.motionRef,
    track: previewTrack,
    onFrame: (w) => {
      if (!doc) return;
      const index = storyIndexAt(doc, w);
      setStoryIndex((i) => (i === index ? i : index));
    },
  });

  const paneRef = useRef<HTMLDivElement>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const apply = useCallback(
    (action: PrompterAction) => {
      const outcome = engine.apply(action);
      setNotice(outcome.ok ? null : outcome.message);
      return outcome;
    },
    [engine],
  );

  const controllers = useControllers({
    apply,
    gamepad: prefs.gamepad,
    midi: prefs.midi,
    wheelTarget: paneRef,
  });

  // The talent output: told the show and the motion whenever either changes.
  const output = useRef<ReturnType<typeof openOutputChannel> | null>(null);
  const latest = useRef({ doc, prefs, motion: engine.motion });
  latest.current = { doc, prefs, motion: engine.motion };
  useEffect(() => {
    const channel = openOutputChannel((message) => {
      if (message.type !== 'hello') return;
      const { doc: d, prefs: p, motion: m } = latest.current;
      if (d) channel.post({ type: 'show', doc: d, prefs: p });
      if (m) channel.post({ type: 'motion', motion: m });
    });
    output.current = channel;
    return () => {
      channel.post({ type: 'closed' });
      channel.close();
      output.current = null;
    };
  }, []);
  useEffect(() => {
    if (doc) output.current?.post({ type: 'show', doc, prefs });
  }, [doc, prefs]);
  useEffect(() => {
    if (engine.motion) output.current?.post({ type: 'motion', motion: engine.motion });
  }, [engine.motion]);

  // The remote control: commands from main, our state back after each change.
  const [remote, setRemote] = useState<RemoteAccess | { problem: string } | null>(null);
  const link = useRef<ReturnType<typeof openOperatorLink> | null>(null);
  const stateNow = useCallback(() => {
    // The engine's motion is current the moment an action is applied (React's state follows).
    const d = latest.current.doc;
    const m = engine.motionRef.current;
    if (!d || !m) return null;
    return prompterState(d, m, positionAt(m, sharedNow(), d.words), view, engine.elapsedSec());
  }, [view, engine]);
  const report = useCallback(
    (message?: Omit<Extract<OperatorMessage, { type: 'done' }>, 'state'>) => {
      const s = stateNow();
      if (!s) return;
      const { times: _times, ...state } = s;
      link.current?.send(message ? { ...message, state } : { type: 'state', state });
    },
    [stateNow],
  );
  const onHub = useRef<(m: HubMessage) => void>(() => {});
  onHub.current = (message) => {
    if (message.type === 'access') setRemote(message.access);
    else if (message.type === 'unavailable') setRemote({ problem: message.message });
    else {
      const action = commandAction(message.command);
      const outcome = action ? apply(action) : ({ ok: true } as const);
      report({
        type: 'done',
        id: message.id,
        ok: outcome.ok,
        ...(!outcome.ok && { message: outcome.message }),
      });
    }
  };
  const remotePort = useRef(prefs.remotePort);
  remotePort.current = prefs.remotePort;
  useEffect(() => {
    const l = openOperatorLink(
      () => ({ type: 'hello', remotePort: remotePort.current }),
      (m) => onHub.current(m),
    );
    link.current = l;
    return () => {
      l.close();
      link.current = null;
    };
  }, []);
  useEffect(() => {
    link.current?.send({ type: 'hello', remotePort: prefs.remotePort });
  }, [prefs.remotePort]);
  useEffect(() => report(), [engine.motion, storyIndex, doc, report]);

  // Clocks: four times a second, and the remote's state once a second while running.
  const [tick, setTick] = useState(0);
  useEffect(() => {
    const timer = setInterval(() => setTick((t) => t + 1), 250);
    return () => clearInterval(timer);
  }, []);
  useEffect(() => {
    if (tick % 4 === 0 && engine.motion?.playing) report();
  }, [tick, engine.motion?.playing, report]);
  const state = useMemo(() => stateNow(), [stateNow, tick, engine.motion]); // eslint-disable-line react-hooks/exhaustive-deps

  if (problem)
    return (
      <div className="cd-empty">
        <h1>The prompter cannot open this show</h1>
        <p>{problem}</p>
        <button type="button" className="cd-button" onClick={onClose}>
          Close prompter
        </button>
      </div>
    );
  if (!doc || !engine.motion || !state)
    return <div className="cd-pr-loading">Loading the prompter…</div>;

  return (
    <div className="cd-pr-operator" data-testid="prompter-screen">
      <header className="cd-pr-head">
        <h1>
          <span className="cd-pr-head-kind">Prompter</span> {doc.title}
        </h1>
        <Timers state={state} />
        <button type="button" className="cd-button" onClick={onClose}>
          Close prompter
        </button>
      </header>
      <StoryList
        doc={doc}
        current={storyIndex}
        wpm={engine.motion.wordsPerMinute}
        onJump={(index) => apply({ type: 'story', index })}
      />
      <div className="cd-pr-preview-pane" ref={paneRef}>
        <PrompterText
          doc={doc}
          prefs={prefs}
          fontSize={prefs.previewFontSize}
          mirror={{ h: false, v: false }}
          regionRef={surface.regionRef}
          scrollerRef={surface.scrollerRef}
          tabIndex={0}
        />
        {notice && (
          <p className="cd-pr-notice" role="status">
            {notice}
          </p>
        )}
      </div>
      <aside className="cd-pr-side" aria-label="Prompter controls">
        <SpeedControls motion={engine.motion} presets={prefs.presets} apply={apply} />
        <PrompterSettings
          prefs={prefs}
          update={update}
          remote={remote}
          controllers={controllers}
          onResetElapsed={engine.resetElapsed}
        />
      </aside>
    </div>
  );
}
