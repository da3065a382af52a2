/**
 * Hybrid logical clock (Kulkarni et al.), serialised so that string order is clock order:
 * `wallMs(13 digits):counter(6 digits):clientId`. The client id breaks ties.
 */
export interface Hlc {
  wall: number;
  counter: number;
  node: string;
}

export function formatHlc(h: Hlc): string {
  return `${String(h.wall).padStart(13, '0')}:${String(h.counter).padStart(6, '0')}:${h.node}`;
}

export function parseHlc(s: string): Hlc {
  const [wall, counter, ...node] = s.split(':');
  return { wall: Number(wall), counter: Number(counter), node: node.join(':') };
}

/** The next clock for a local event, never behind the last one even if the wall clock stepped back. */
export function tickHlc(last: Hlc, nowMs: number): Hlc {
  if (nowMs > last.wall) return { wall: nowMs, counter: 0, node: last.node };
  return { wall: last.wall, counter: last.counter + 1, node: last.node };
}

/** The clock after receiving a remote one, ahead of both. */
export function receiveHlc(local: Hlc, remote: Hlc, nowMs: number): Hlc {
  const wall = Math.max(local.wall, remote.wall, nowMs);
  let counter = 0;
  if (wall === local.wall && wall === remote.wall) counter = Math.max(local.counter, remote.counter) + 1;
  else if (wall === local.wall) counter = local.counter + 1;
  else if (wall === remote.wall) counter = remote.counter + 1;
  return { wall, counter, node: local.node };
}

/** How far a client's clock may run ahead of the server's before the server pulls it back. */
export const MAX_CLOCK_SKEW_MS = 60_000;

/**
 * A clock from a client whose wall clock runs ahead of the server's is pulled back to
 * `nowMs + maxSkewMs`, so one bad laptop clock cannot win every future edit.
 */
export function clampHlc(s: string, nowMs: number, maxSkewMs = MAX_CLOCK_SKEW_MS): string {
  const h = parseHlc(s);
  const limit = nowMs + maxSkewMs;
  return h.wall > limit ? formatHlc({ wall: limit, counter: h.counter, node: h.node }) : s;
}
