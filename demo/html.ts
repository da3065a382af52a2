/**
 * Writing HTML safely from data. Every value that came from a record goes through `esc`
 * (text and attributes) or `jsonInScript` (script bodies), so a title like
 * `<script>alert(1)</script>` shows as text and never runs.
 */

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for element content and for quoted attribute values. */
export function esc(value: unknown): string {
  return String(value ?? '').replace(/[&<>"']/g, (c) => ENTITIES[c] ?? c);
}

/**
 * JSON for a <script> body: `<`, `>` and `&` become \u escapes (still the same JSON), so the
 * text can never close the script element or open a comment; U+2028/2029 likewise.
 */
export function jsonInScript(value: unknown, indent?: number): string {
  return JSON.stringify(value, null, indent)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "27 Apr 2026", as Madgex boards print dates. */
export function ukDate(iso: string | null | undefined): string {
  if (!iso) return '';
  const m = MONTHS[Number(iso.slice(5, 7)) - 1] ?? '';
  return `${Number(iso.slice(8, 10))} ${m} ${iso.slice(0, 4)}`;
}

export function page(title: string, body: string, head = ''): string {
  return `<!doctype html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(title)}</title>
${head}</head>
<body>
${body}
</body>
</html>
`;
}
