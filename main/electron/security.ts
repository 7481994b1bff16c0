import type { HandlerDetails, Session, WebContents } from 'electron';
import { isAppUrl } from './protocol';

const MAX_EXTERNAL_URL = 2048;

/**
 * This machine, however the address spells it (the URL parser has already turned 2130706433,
 * 0x7f.1 and 127.1 into 127.0.0.1, and shortened IPv6 forms).
 */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/\.$/, '');
  return (
    host === 'localhost' ||
    host.endsWith('.localhost') ||
    /^127\.\d+\.\d+\.\d+$/.test(host) ||
    host === '0.0.0.0' ||
    host === '[::1]' ||
    host === '[::]' ||
    /^\[::ffff:(7f[0-9a-f]{2}:[0-9a-f]{1,4}|0:0|127\.[\d.]+)\]$/.test(host)
  );
}

/**
 * What may be handed to the system browser: a plain http(s) address of sane length, with no
 * user name or password in it (those are a phishing trick, and a way to leak credentials), on
 * another machine: a link to localhost would let a script's text drive a local server (a
 * browser-mode Copydesk, a developer's tools) from the user's signed-in browser.
 */
export function isExternalWebLink(url: string): boolean {
  if (url.length > MAX_EXTERNAL_URL) return false;
  try {
    const parsed = new URL(url);
    return (
      (parsed.protocol === 'https:' || parsed.protocol === 'http:') &&
      parsed.username === '' &&
      parsed.password === '' &&
      parsed.hostname !== '' &&
      !isLoopbackHost(parsed.hostname)
    );
  } catch {
    return false;
  }
}

/**
 * Window-open requests a link click makes (target=_blank, or a modifier click). Requests made
 * with window features (a script's popup) and anything else never reach the system browser.
 */
const LINK_DISPOSITIONS: ReadonlySet<HandlerDetails['disposition']> = new Set([
  'foreground-tab',
  'background-tab',
]);

/**
 * Every web contents: no navigation away from our app in any frame, no new windows, no
 * <webview>. A web link the user clicks goes to the system browser instead.
 */
export function hardenWebContents(
  contents: Pick<WebContents, 'on' | 'setWindowOpenHandler'>,
  openExternal: (url: string) => void,
): void {
  const stayInApp = (event: { preventDefault(): void }, url: string) => {
    if (!isAppUrl(url)) event.preventDefault();
  };
  contents.on('will-navigate', (event, url) => stayInApp(event, url));
  contents.on('will-frame-navigate', (event) => stayInApp(event, event.url));
  contents.on('will-redirect', (event, url) => stayInApp(event, url));
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url, disposition }) => {
    if (LINK_DISPOSITIONS.has(disposition) && isExternalWebLink(url)) openExternal(url);
    return { action: 'deny' };
  });
}

/**
 * The one permission granted: MIDI without system-exclusive messages, to our own pages, so the
 * prompter can read a foot pedal.
 */
function midiFromUs(permission: string | undefined, url: string | undefined): boolean {
  return permission === 'midi' && url !== undefined && isAppUrl(url);
}

/**
 * Permission requests and checks (camera, notifications, geolocation, clipboard reads, USB, HID,
 * serial, MIDI with system-exclusive messages…) are refused: a script editor needs none of them.
 * Plain MIDI from our own pages is allowed, for the prompter's pedal.
 */
export function denyPermissions(
  session: Pick<
    Session,
    'setPermissionRequestHandler' | 'setPermissionCheckHandler' | 'setDevicePermissionHandler'
  >,
): void {
  session.setPermissionRequestHandler((_contents, permission, callback, details) =>
    callback(midiFromUs(permission, details?.requestingUrl)),
  );
  session.setPermissionCheckHandler((_contents, permission, requestingOrigin) =>
    midiFromUs(permission, requestingOrigin),
  );
  session.setDevicePermissionHandler(() => false);
}
