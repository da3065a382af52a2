/** Messages the popup, pages and content scripts send to the background. */
export type Request = { type: 'health' };

export interface HealthReply {
  ok: boolean;
  serverUrl: string;
  version?: string;
  error?: string;
}
