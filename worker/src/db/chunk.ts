/**
 * D1 limits: 100 bound parameters and 100 KB per statement. Multi-row writes pass their
 * rows as ONE JSON parameter expanded with json_each(), chunked so each chunk stays under
 * MAX_CHUNK_BYTES; all chunks go into the same db.batch().
 */
export const MAX_CHUNK_BYTES = 90_000;
const encoder = new TextEncoder();
const ASCII = /^[\x00-\x7f]*$/;
/** UTF-8 length: an ASCII string (most rows) is measured without encoding a copy of it. */
const utf8Bytes = (s: string) => (ASCII.test(s) ? s.length : encoder.encode(s).length);

export function chunkJson<T>(items: readonly T[], maxBytes = MAX_CHUNK_BYTES): string[] {
  const out: string[] = [];
  let parts: string[] = [];
  let size = 2;
  for (const item of items) {
    const s = JSON.stringify(item);
    const n = utf8Bytes(s) + 1;
    if (parts.length && size + n > maxBytes) {
      out.push(`[${parts.join(',')}]`);
      parts = [];
      size = 2;
    }
    parts.push(s);
    size += n;
  }
  if (parts.length) out.push(`[${parts.join(',')}]`);
  return out;
}

/** Plain chunking for IN lists of ids (json_each keeps this to one parameter too). */
export function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
