import { randomUUID } from 'node:crypto';
import WebSocket from 'ws';
import {
  DESK_HEADERS,
  type Change,
  type LiveMessage,
  type PushResponse,
  type PushRundown,
  type PushStory,
} from '../../shared/newsroom/protocol';
import type { Rundown } from '../../shared/rundown/model';
import { moveRow } from '../../shared/rundown/rows';
import type { Story } from '../../shared/story/model';

/**
 * A simulated desk for the newsroom bench: it speaks the desk's protocol (sign-in, pushes over
 * HTTP, the live feed over WebSocket) as the app's sync does, without an archive of its own, so
 * fifty of them fit on one machine beside the server and PostgreSQL.
 */
export type SimDesk = {
  name: string;
  token: string;
  socket: WebSocket;
  /** The stories this desk writes: its own, so their saves never conflict with anyone's. */
  own: Map<string, { story: Story; version: number; revision: string }>;
  /** The show as this desk last heard of it, from its own feed and its own pushes. */
  show: { rundown: Rundown | null };
  close(): void;
};

export type Timings = {
  saveMs: number[];
  visibleMs: number[];
  openMs: number[];
  searchMs: number[];
  moveMs: number[];
  rundownConflicts: number;
  errors: string[];
};

/** When each save was sent: `id@updatedAt` → time, for save-to-visible on the other desks. */
export type SentAt = Map<string, { at: number; by: string }>;

export async function signIn(url: string, name: string, password: string): Promise<string> {
  const response = await fetch(`${url}/v1/login`, {
    method: 'POST',
    headers: { ...DESK_HEADERS, 'content-type': 'application/json' },
    body: JSON.stringify({ name, password, desk: randomUUID(), deskLabel: name }),
  });
  const body = (await response.json()) as { token?: string; error?: { message: string } };
  if (!body.token) throw new Error(`${name} could not sign in: ${body.error?.message}`);
  return body.token;
}

export async function post<T>(url: string, path: string, token: string, body: unknown): Promise<T> {
  const response = await fetch(`${url}${path}`, {
    method: 'POST',
    headers: {
      ...DESK_HEADERS,
      'content-type': 'application/json',
      authorization: `Bearer ${token}`,
    },
    body: JSON.stringify(body),
  });
  const answer = (await response.json()) as T & { error?: { message: string } };
  if (!response.ok) throw new Error(answer.error?.message ?? `HTTP ${response.status}`);
  return answer;
}

export async function openSimDesk(
  url: string,
  name: string,
  token: string,
  cursor: number,
  sent: SentAt,
  timings: Timings,
): Promise<SimDesk> {
  const socket = new WebSocket(`${url.replace(/^http/, 'ws')}/v1/live`, {
    headers: { ...DESK_HEADERS, authorization: `Bearer ${token}` },
  });
  await new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve());
    socket.once('error', reject);
  });
  socket.send(JSON.stringify({ type: 'since', cursor }));
  const show: SimDesk['show'] = { rundown: null };
  socket.on('message', (data) => {
    const now = performance.now();
    const message = JSON.parse(String(data)) as LiveMessage;
    if (message.type !== 'changes') return;
    for (const change of message.changes as Change[]) {
      if (change.type === 'rundown' && change.rundown) {
        if (!show.rundown || show.rundown.version < change.version)
          show.rundown = { ...change.rundown, version: change.version };
      }
      if (change.type !== 'story' || !change.story) continue;
      const origin = sent.get(`${change.id}@${change.story.updatedAt}`);
      if (origin && origin.by !== name) timings.visibleMs.push(now - origin.at);
    }
  });
  return { name, token, socket, own: new Map(), show, close: () => socket.terminate() };
}

const WORDS =
  'the council voted late on tuesday to close the harbor bridge for repairs while crews inspect cables and drivers face long detours 정부는 오늘 발표했습니다'.split(
    ' ',
  );

function sentence(n: number): string {
  const words: string[] = [];
  for (let i = 0; i < n; i++) words.push(WORDS[Math.floor(Math.random() * WORDS.length)]!);
  return `${words.join(' ')}.`;
}

/** A new story owned by this desk, sent to the newsroom. */
export async function createStory(url: string, desk: SimDesk, slug: string): Promise<void> {
  const at = new Date().toISOString();
  const story: Story = {
    schemaVersion: 1,
    id: randomUUID(),
    slug,
    format: 'READER',
    presenter: '',
    reporter: desk.name,
    tags: [],
    status: 'draft',
    createdAt: at,
    updatedAt: at,
    body: [{ type: 'paragraph', runs: [{ text: sentence(40) }] }],
  };
  const revision = randomUUID();
  const answer = await post<PushResponse>(url, '/v1/push', desk.token, {
    stories: [pushOf(story, null, revision, 'create')],
  });
  const outcome = answer.outcomes[0]!;
  if (outcome.result !== 'accepted' || !('version' in outcome))
    throw new Error(`create refused: ${JSON.stringify(outcome)}`);
  desk.own.set(story.id, { story, version: outcome.version, revision });
}

function pushOf(
  story: Story,
  baseVersion: number | null,
  revision: string,
  kind: 'create' | 'autosave' | 'status',
): PushStory {
  return {
    id: story.id,
    baseVersion,
    story,
    headRevision: revision,
    revisions: [
      {
        id: revision,
        storyId: story.id,
        parentId: null,
        at: story.updatedAt,
        author: story.reporter,
        kind,
        note: '',
        story,
      },
    ],
  };
}

/** Types a sentence into one of the desk's stories and saves it (an autosave, as the app does). */
export async function typeAndSave(
  url: string,
  desk: SimDesk,
  sent: SentAt,
  timings: Timings,
  submit = false,
): Promise<void> {
  const owned = [...desk.own.values()];
  const mine = owned[Math.floor(Math.random() * owned.length)]!;
  const prev = Date.parse(mine.story.updatedAt);
  const story: Story = {
    ...mine.story,
    status: submit && mine.story.status === 'draft' ? 'ready' : mine.story.status,
    updatedAt: new Date(Math.max(Date.now(), prev + 1)).toISOString(),
    body: [...mine.story.body.slice(-6), { type: 'paragraph', runs: [{ text: sentence(12) }] }],
  };
  // Autosaves of one person coalesce into one version, as on a desk.
  const revision = submit ? randomUUID() : mine.revision;
  const started = performance.now();
  sent.set(`${story.id}@${story.updatedAt}`, { at: started, by: desk.name });
  const answer = await post<PushResponse>(url, '/v1/push', desk.token, {
    stories: [pushOf(story, mine.version, revision, submit ? 'status' : 'autosave')],
  });
  timings.saveMs.push(performance.now() - started);
  const outcome = answer.outcomes[0]!;
  if (outcome.result !== 'accepted' || !('version' in outcome)) {
    timings.errors.push(`${desk.name} save: ${outcome.result}`);
    return;
  }
  desk.own.set(story.id, { story, version: outcome.version, revision });
}

export async function openStory(
  url: string,
  desk: SimDesk,
  ids: readonly string[],
  timings: Timings,
): Promise<void> {
  const started = performance.now();
  await post(url, '/v1/stories', desk.token, {
    ids: [ids[Math.floor(Math.random() * ids.length)]],
  });
  timings.openMs.push(performance.now() - started);
}

export const QUERIES = ['harbor bridge', 'council', '정부는', 'cable*', '"long detours"'];

export async function search(url: string, desk: SimDesk, timings: Timings): Promise<void> {
  const started = performance.now();
  await post(url, '/v1/search', desk.token, {
    query: QUERIES[Math.floor(Math.random() * QUERIES.length)],
    limit: 50,
  });
  timings.searchMs.push(performance.now() - started);
}

/** Moves a row of the shared show under optimistic versions; a stale version is taken and retried. */
export async function moveRundownRow(url: string, desk: SimDesk, timings: Timings): Promise<void> {
  const shared = desk.show;
  const started = performance.now();
  for (let attempt = 0; attempt < 5; attempt++) {
    const current = shared.rundown;
    if (!current) return;
    const row = current.rows[Math.floor(Math.random() * current.rows.length)]!;
    const rows = moveRow(current.rows, row.id, Math.floor(Math.random() * current.rows.length));
    const next: Rundown = {
      ...current,
      rows,
      version: current.version + 1,
      updatedAt: new Date().toISOString(),
    };
    const item: PushRundown = {
      id: current.id,
      baseVersion: current.version,
      rundown: next,
      history: [],
    };
    const answer = await post<PushResponse>(url, '/v1/push', desk.token, { rundowns: [item] });
    const outcome = answer.outcomes[0]!;
    if (outcome.result === 'accepted' && 'version' in outcome) {
      if ((shared.rundown?.version ?? -1) < outcome.version)
        shared.rundown = { ...next, version: outcome.version };
      timings.moveMs.push(performance.now() - started);
      return;
    }
    if (outcome.result === 'conflict' && outcome.type === 'rundown' && outcome.current.rundown) {
      timings.rundownConflicts++;
      shared.rundown = { ...outcome.current.rundown, version: outcome.current.version };
      continue;
    }
    timings.errors.push(`${desk.name} move: ${outcome.result}`);
    return;
  }
}
