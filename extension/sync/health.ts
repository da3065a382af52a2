import { serverUrl } from './server';

export interface HealthReply {
  ok: boolean;
  serverUrl: string;
  version?: string;
  error?: string;
}

/** Asks the sync server whether it and its database answer. */
export async function checkHealth(): Promise<HealthReply> {
  const base = await serverUrl();
  try {
    const res = await fetch(`${base}/health`, { signal: AbortSignal.timeout(5000) });
    const body = (await res.json()) as { ok?: boolean; version?: string };
    return { ok: res.ok && body.ok === true, serverUrl: base, version: body.version };
  } catch (err) {
    return { ok: false, serverUrl: base, error: `Cannot reach the server at ${base} (${(err as Error).message})` };
  }
}
