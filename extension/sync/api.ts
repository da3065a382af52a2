import type { ApiError as ApiErrorBody } from '#shared/schema/index';
import { serverUrlProblem } from './secure-url';

/** The server answered with an error: status, its code and message (for a person), and details. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
    /** From the Retry-After header (429, 503): how long the server asks us to wait. */
    readonly retryAfterMs?: number,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** The request never got an answer (offline, server down, DNS...). */
export class NetworkError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'NetworkError';
  }
}

export type Fetch = typeof fetch;

export interface Endpoint {
  serverUrl: string;
  token: string;
}

/**
 * Calls the Shortlist API with the bearer token; turns every failure into ApiError or NetworkError.
 * The token is never sent to a server that is not https (or this computer): ApiError status 0.
 */
export async function callApi<T>(endpoint: Endpoint, path: string, init: RequestInit = {}, fetchImpl: Fetch = fetch): Promise<T> {
  const insecure = serverUrlProblem(endpoint.serverUrl);
  if (insecure) throw new ApiError(0, 'insecure_server_url', insecure);
  let res: Response;
  try {
    res = await fetchImpl(`${endpoint.serverUrl.replace(/\/+$/, '')}${path}`, {
      ...init,
      headers: { ...(init.body ? { 'content-type': 'application/json' } : {}), authorization: `Bearer ${endpoint.token}` },
      signal: init.signal ?? AbortSignal.timeout(30_000),
    });
  } catch (err) {
    throw new NetworkError(`Cannot reach ${endpoint.serverUrl}: ${(err as Error).message}`);
  }
  if (res.ok) return (await res.json()) as T;
  let body: Partial<ApiErrorBody> = {};
  try {
    body = (await res.json()) as ApiErrorBody;
  } catch {
    // Not our JSON: a proxy or captive portal answered.
  }
  throw new ApiError(
    res.status,
    body.error?.code ?? `http_${res.status}`,
    body.error?.message ?? `The server answered ${res.status} ${res.statusText}`,
    body.error?.details,
    retryAfterMs(res.headers.get('retry-after')),
  );
}

/** Retry-After in seconds or as an HTTP date; nothing for a missing or unreadable value. */
export function retryAfterMs(value: string | null, now = Date.now()): number | undefined {
  if (!value) return undefined;
  if (/^\s*\d+\s*$/.test(value)) return Number(value) * 1000;
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}
