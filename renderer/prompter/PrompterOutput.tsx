import { useEffect, useRef, useState } from 'react';
import type { PrompterDocument } from '../../shared/prompter/document';
import type { Motion } from '../../shared/prompter/motion';
import type { PrompterPrefs } from '../../shared/prompter/prefs';
import { openOutputChannel } from './outputChannel';
import { PrompterText } from './PrompterText';
import { useScrollSurface } from './useScrollSurface';
import './prompter.css';

/**
 * The talent output (`#/prompter/output`): the show full size, mirrored as the glass needs,
 * following the operator's window. It draws what it is sent and keeps no state of its own, so it
 * can be closed and opened again at any time, or opened on another display.
 */
export function PrompterOutput() {
  const [show, setShow] = useState<{ doc: PrompterDocument; prefs: PrompterPrefs } | null>(null);
  const motion = useRef<Motion | null>(null);
  useEffect(() => {
    const channel = openOutputChannel((message) => {
      if (message.type === 'show') setShow({ doc: message.doc, prefs: message.prefs });
      else if (message.type === 'motion') motion.current = message.motion;
      else if (message.type === 'closed') {
        setShow(null);
        motion.current = null;
      }
    });
    channel.post({ type: 'hello' });
    document.title = 'Copydesk prompter output';
    return () => channel.close();
  }, []);
  const prefs = show?.prefs;
  const surface = useScrollSurface({
    doc: show?.doc ?? null,
    layoutKey: prefs ? `${prefs.fontSize}:${prefs.lineHeight}:${prefs.margin}` : '',
    readingLine: prefs?.readingLine ?? 33,
    motion,
  });
  return (
    <div
      className="cd-pr-output"
      data-testid="prompter-output"
      onDoubleClick={() =>
        document.fullscreenElement
          ? void document.exitFullscreen()
          : void document.documentElement.requestFullscreen?.()
      }
    >
      {show && prefs ? (
        <PrompterText
          doc={show.doc}
          prefs={prefs}
          fontSize={prefs.fontSize}
          mirror={{ h: prefs.mirrorH, v: prefs.mirrorV }}
          regionRef={surface.regionRef}
          scrollerRef={surface.scrollerRef}
        />
      ) : (
        <p className="cd-pr-waiting" role="status">
          Waiting for the prompter… Open a rundown’s prompter in Copydesk, in this browser.
        </p>
      )}
    </div>
  );
}
