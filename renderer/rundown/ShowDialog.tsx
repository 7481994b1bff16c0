import { useEffect, useState, type FormEvent } from 'react';
import { DAY_SEC, formatClock, parseClock } from '../../shared/rundown/clock';
import type { Rundown } from '../../shared/rundown/model';
import type { ShowTemplate } from '../../shared/rundown/template';
import { formatDuration, parseDuration } from '../../shared/story/timing';
import { lineInput } from '../../shared/text/lineInput';
import { call } from '../api/calls';
import { Dialog } from '../common/Dialog';
import { useInFlight } from '../common/useInFlight';
import { today } from './days';

export type ShowFields = {
  title: string;
  airDate: string;
  onAirSec: number;
  lengthSec: number;
  template: string | null;
};

/**
 * A show's title, air date and times: for a new rundown (optionally from a show template, whose
 * title and times fill the form) or to change an existing one. Off-air or length: either may be
 * typed, the other follows.
 */
export function ShowDialog({
  rundown,
  onSubmit,
  onClose,
}: {
  /** The show to change; absent for a new one. */
  rundown?: Rundown;
  onSubmit: (fields: ShowFields) => Promise<boolean>;
  onClose: () => void;
}) {
  const [templates, setTemplates] = useState<ShowTemplate[]>([]);
  const [template, setTemplate] = useState('');
  const [title, setTitle] = useState(rundown?.title ?? '');
  const [airDate, setAirDate] = useState(rundown?.airDate ?? today());
  const [onAir, setOnAir] = useState(rundown ? formatClock(rundown.onAirSec) : '18:00:00');
  const [offAir, setOffAir] = useState(
    rundown ? formatClock(rundown.onAirSec + rundown.lengthSec) : '18:30:00',
  );
  const [length, setLength] = useState(rundown ? formatDuration(rundown.lengthSec) : '30:00');
  const [problem, setProblem] = useState<string | null>(null);
  const { busy, run } = useInFlight();

  useEffect(() => {
    if (rundown) return;
    void call('showTemplates.list', {}).then((r) => r.ok && setTemplates(r.value));
  }, [rundown]);

  const pickTemplate = (name: string) => {
    setTemplate(name);
    const t = templates.find((x) => x.name === name);
    if (!t) return;
    setTitle(t.title);
    setOnAir(formatClock(t.onAirSec));
    setOffAir(formatClock(t.onAirSec + t.lengthSec));
    setLength(formatDuration(t.lengthSec));
  };

  const fromOffAir = (value: string) => {
    setOffAir(value);
    const on = parseClock(onAir);
    const off = parseClock(value);
    if (on !== null && off !== null)
      setLength(formatDuration((off - on + DAY_SEC) % DAY_SEC || DAY_SEC));
  };
  const fromLength = (value: string) => {
    setLength(value);
    const on = parseClock(onAir);
    const len = parseDuration(value);
    if (on !== null && len !== null) setOffAir(formatClock(on + len));
  };
  const fromOnAir = (value: string) => {
    setOnAir(value);
    const on = parseClock(value);
    const len = parseDuration(length);
    if (on !== null && len !== null) setOffAir(formatClock(on + len));
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const onAirSec = parseClock(onAir);
    const lengthSec = parseDuration(length);
    if (!title.trim()) return setProblem('Give the show a title.');
    if (!/^\d{4}-\d{2}-\d{2}$/.test(airDate)) return setProblem('Pick the air date.');
    if (onAirSec === null) return setProblem('Type the on-air time as HH:MM or HH:MM:SS.');
    if (lengthSec === null || lengthSec <= 0 || lengthSec > DAY_SEC)
      return setProblem('Type the off-air time, or the length as M:SS or H:MM:SS.');
    setProblem(null);
    // Sent once: a second click while it is on its way made a second rundown.
    const done = await run(() =>
      onSubmit({ title: title.trim(), airDate, onAirSec, lengthSec, template: template || null }),
    );
    if (done) onClose();
  };

  return (
    <Dialog title={rundown ? 'Show details' : 'New rundown'} onClose={onClose} testId="show-dialog">
      <form className="cd-rd-show-form" onSubmit={(e) => void submit(e)}>
        {!rundown && templates.length > 0 && (
          <label>
            Template
            <select value={template} onChange={(e) => pickTemplate(e.target.value)}>
              <option value="">None (an empty show)</option>
              {templates.map((t) => (
                <option key={t.name} value={t.name}>
                  {t.name}
                </option>
              ))}
            </select>
          </label>
        )}
        <label>
          Title
          <input
            value={title}
            onChange={(e) => setTitle(lineInput(e.target.value))}
            maxLength={120}
            data-autofocus
          />
        </label>
        <label>
          Air date
          <input type="date" value={airDate} onChange={(e) => setAirDate(e.target.value)} />
        </label>
        <div className="cd-rd-show-times">
          <label>
            On air
            <input value={onAir} onChange={(e) => fromOnAir(e.target.value)} placeholder="18:00" />
          </label>
          <label>
            Off air
            <input
              value={offAir}
              onChange={(e) => fromOffAir(e.target.value)}
              placeholder="18:30"
            />
          </label>
          <label>
            Length
            <input
              value={length}
              onChange={(e) => fromLength(e.target.value)}
              placeholder="30:00"
            />
          </label>
        </div>
        {problem && (
          <p className="cd-form-problem" role="alert">
            {problem}
          </p>
        )}
        <div className="cd-dialog-actions">
          <button type="button" className="cd-button" onClick={onClose}>
            Cancel
          </button>
          <button
            type="submit"
            className="cd-button cd-button-primary"
            aria-disabled={busy || undefined}
          >
            {rundown ? 'Save' : 'Create rundown'}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
