import {
  DESK_HEADERS,
  type ChangesPage,
  type HealthResponse,
  type LeaseRequest,
  type LeaseResponse,
  type LoginRequest,
  type LoginResponse,
  type NewsroomSearchHit,
  type PushRequest,
  type PushResponse,
  type SearchRequest,
  type StoryBundle,
} from '../../shared/newsroom/protocol';
import { ERROR_CODES, type ErrorCode } from '../../shared/ipc/result';
import { ServiceError } from '../common/errors';

/** How long a request may take before the server counts as unreachable. */
const TIMEOUT_MS = 15_000;

/** The newsroom server's HTTP API, as a desk calls it. Failures are ServiceErrors in words. */
export type NewsroomClient = ReturnType<typeof newsroomClient>;

export function newsroomClient(baseUrl: string, token: () => string | null) {
  const base = baseUrl.replace(/\/+$/, '');

  async function call<T>(path: string, body?: unknown, timeoutMs = TIMEOUT_MS): Promise<T> {
    let response: Response;
    try {
      response = await fetch(`${base}${path}`, {
        method: body === undefined ? 'GET' : 'POST',
        headers: {
          ...DESK_HEADERS,
          'content-type': 'application/json',
          ...(token() ? { authorization: `Bearer ${token()}` } : {}),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (error) {
      throw new ServiceError('OFFLINE', unreachable(base, error));
    }
    let parsed: unknown;
    try {
      parsed = await response.json();
    } catch {
      throw new ServiceError(
        'OFFLINE',
        `${base} answered with something that is not a Copydesk newsroom server (HTTP ${response.status}).`,
      );
    }
    if (!response.ok) {
      const error = (parsed as { error?: { code?: string; message?: string } }).error;
      const code = (ERROR_CODES as readonly string[]).includes(error?.code ?? '')
        ? (error!.code as ErrorCode)
        : 'INTERNAL';
      throw new ServiceError(
        code,
        error?.message ?? `The newsroom server answered HTTP ${response.status}.`,
      );
    }
    return parsed as T;
  }

  return {
    base,
    health: () => call<Partial<HealthResponse>>('/v1/health'),
    login: (request: LoginRequest) => call<LoginResponse>('/v1/login', request),
    logout: () => call<{ ok: true }>('/v1/logout', {}),
    whoami: () => call<{ identity: LoginResponse['identity']; expiresAt: string }>('/v1/whoami'),
    push: (request: PushRequest) => call<PushResponse>('/v1/push', request, 60_000),
    changes: (since: number, days?: number) =>
      call<ChangesPage>(`/v1/changes?since=${since}${days ? `&days=${days}` : ''}`),
    stories: (ids: string[]) => call<{ stories: StoryBundle[] }>('/v1/stories', { ids }),
    search: (request: SearchRequest) => call<{ hits: NewsroomSearchHit[] }>('/v1/search', request),
    lease: (request: LeaseRequest) => call<LeaseResponse>('/v1/leases', request),
  };
}

/** Why a server cannot be reached, in words. */
function unreachable(base: string, error: unknown): string {
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  const code = cause?.code ?? (error as { name?: string }).name;
  if (code === 'ECONNREFUSED') return `Nothing answers at ${base}: is the newsroom server running?`;
  if (code === 'ENOTFOUND') return `${base} is not a known address.`;
  if (code === 'TimeoutError' || code === 'UND_ERR_CONNECT_TIMEOUT')
    return `${base} did not answer in time.`;
  if (code?.startsWith('ERR_TLS') || /certificate/i.test(cause?.message ?? ''))
    return `${base}'s certificate is not trusted here (${cause?.message ?? code}). Give Node the newsroom's CA with NODE_EXTRA_CA_CERTS.`;
  return `Cannot reach ${base}: ${cause?.message ?? (error as Error).message}.`;
}
