import type { LinkState } from '../../shared/mos/model';

/** A link's state in a word, and what it means, for the badge and its tooltip. */
export const LINK_STATE_WORDS: Record<LinkState, { label: string; meaning: string }> = {
  connected: {
    label: 'Connected',
    meaning: 'The device answers heartbeats; changes reach it as they happen.',
  },
  connecting: { label: 'Connecting…', meaning: 'Copydesk is opening the MOS ports.' },
  disconnected: {
    label: 'Not answering',
    meaning:
      'The device does not answer. Changes wait for it and are sent, in order, when it is back.',
  },
  stopped: { label: 'Idle', meaning: 'Nothing is sent to this device now.' },
};

/** The colour a device's word about a row gets: ready or playing, stopped, a problem. */
export function statusTone(status: string): 'good' | 'live' | 'warn' {
  const s = status.toUpperCase();
  if (s === 'PLAY' || s === 'CUED' || s === 'ON AIR') return 'live';
  if (s === 'READY' || s === 'DONE' || s === 'STOP' || s === 'UPDATED' || s === 'OK') return 'good';
  return 'warn';
}

export const clockTime = (iso: string) =>
  new Date(iso).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit', second: '2-digit' });

/** How often Copydesk knocks on a device that is away, in words: “2 s”, “30 s”. */
export const retryWords = (ms: number) => `${Math.max(1, Math.round(ms / 1000))} s`;
