/**
 * The transport both providers share: an injected `fetch` and clock (so tests drive time), a timeout
 * that also covers a body that never ends, and errors classified into what the view can explain.
 * Messages are written here, never copied from responses or requests: those may carry tokens.
 */
export interface Clock {
  now(): number;
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export type FetchLike = (input: string | URL | Request, init?: RequestInit) => Promise<Response>;

export type ApiErrorKind =
  | 'unauthorized'
  | 'forbidden'
  | 'not-found'
  | 'gone'
  | 'rate-limited'
  | 'server'
  | 'timeout'
  | 'offline'
  | 'malformed'
  | 'rejected';

/** A failure the view shows as an error node with a Retry action. */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  constructor(
    readonly kind: ApiErrorKind,
    message: string,
    readonly status?: number,
    /** Epoch ms before which asking again is pointless (rate limits). */
    readonly retryAt?: number,
  ) {
    super(message);
  }
}

/**
 * A request that timed out or could not reach the server. Named `AbortError` because Octokit passes
 * abort errors through unwrapped; `status` ignores writes because Octokit stamps 500 on them, which
 * would make plugin-retry hammer a server that is down (the poller backs off instead).
 */
export class TransportError extends Error {
  override readonly name = 'AbortError';
  constructor(
    readonly kind: 'timeout' | 'offline',
    message: string,
  ) {
    super(message);
    Object.defineProperty(this, 'status', { get: () => undefined, set: () => undefined });
  }
}

/**
 * `fetch` with a deadline on the injected clock: the whole exchange, body included, must finish in
 * `timeoutMs`, so a server that sends headers and then hangs is caught too. The body is read here and
 * handed on as a fresh Response.
 */
export function timedFetch(fetchImpl: FetchLike, clock: Clock, timeoutMs: number): FetchLike {
  return async (input, init = {}) => {
    const controller = new AbortController();
    let timedOut = false;
    const timer = clock.setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, timeoutMs);
    const outer = init.signal;
    const onOuterAbort = () => controller.abort();
    outer?.addEventListener('abort', onOuterAbort);
    try {
      const response = await fetchImpl(input, { ...init, signal: controller.signal });
      const body = [204, 205, 304].includes(response.status) ? null : await response.arrayBuffer();
      const copy = new Response(body, {
        status: response.status,
        statusText: response.statusText,
        headers: response.headers,
      });
      // A constructed Response has no URL; Octokit's pagination reads it.
      Object.defineProperty(copy, 'url', { value: response.url });
      return copy;
    } catch (error) {
      if (timedOut) throw new TransportError('timeout', `no answer within ${Math.round(timeoutMs / 1000)} s`);
      if (outer?.aborted) throw error;
      throw new TransportError('offline', `cannot reach the server (${networkReason(error)})`);
    } finally {
      clock.clearTimeout(timer);
      outer?.removeEventListener('abort', onOuterAbort);
    }
  };
}

/** The system error code (ECONNREFUSED, ENOTFOUND…) only: never a message that could quote a URL. */
function networkReason(error: unknown): string {
  let current: unknown = error;
  for (let depth = 0; depth < 4 && current; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && /^[A-Z_]+$/.test(code)) return code;
    current = (current as { cause?: unknown }).cause;
  }
  return 'network error';
}

/** `HH:MM` of an epoch-ms instant, in the user's local time. */
export function clockTime(epochMs: number): string {
  const date = new Date(epochMs);
  return `${String(date.getHours()).padStart(2, '0')}:${String(date.getMinutes()).padStart(2, '0')}`;
}

/** Headers as a lower-case record, whatever shape the library handed over. */
export type HeaderBag = Record<string, string | number | undefined>;

/**
 * When a rate-limited answer says to come back: `retry-after` seconds, else the reset epoch
 * (`x-ratelimit-reset` on GitHub, `ratelimit-reset` on GitLab), else a minute.
 */
export function rateLimitRetryAt(headers: HeaderBag, now: number): number {
  const retryAfter = Number(headers['retry-after']);
  if (Number.isFinite(retryAfter) && retryAfter >= 0 && headers['retry-after'] !== undefined)
    return now + retryAfter * 1000;
  const reset = Number(headers['x-ratelimit-reset'] ?? headers['ratelimit-reset']);
  if (Number.isFinite(reset) && reset > 0) return Math.max(now, reset * 1000);
  return now + 60_000;
}

/** True for a 403/429 that is about rate limits, not permissions. */
export function isRateLimitAnswer(status: number, headers: HeaderBag): boolean {
  if (status === 429) return true;
  if (status !== 403) return false;
  return (
    String(headers['x-ratelimit-remaining'] ?? headers['ratelimit-remaining'] ?? '') === '0' ||
    headers['retry-after'] !== undefined
  );
}

/** The error for an HTTP status, with a message of our own words. */
export function errorForStatus(provider: string, status: number, headers: HeaderBag, now: number): ApiError {
  if (isRateLimitAnswer(status, headers)) {
    const retryAt = rateLimitRetryAt(headers, now);
    return new ApiError(
      'rate-limited',
      `${provider} rate limit reached: paused until ${clockTime(retryAt)}`,
      status,
      retryAt,
    );
  }
  switch (status) {
    case 401:
      return new ApiError(
        'unauthorized',
        `${provider} rejected the credentials (401): sign in again or set a new token`,
        status,
      );
    case 403:
      return new ApiError(
        'forbidden',
        `${provider} refused access (403): the token lacks a scope or the repository is private`,
        status,
      );
    case 404:
      return new ApiError(
        'not-found',
        `not found on ${provider} (404): the repository does not exist or is not visible to you`,
        status,
      );
    case 410:
      return new ApiError(
        'gone',
        `${provider} no longer has this (410): logs expire after the retention period`,
        status,
      );
    case 422:
      return new ApiError('rejected', `${provider} rejected the request (422)`, status);
  }
  if (status >= 500) return new ApiError('server', `${provider} answered with a server error (${status})`, status);
  return new ApiError('rejected', `${provider} answered ${status}`, status);
}
