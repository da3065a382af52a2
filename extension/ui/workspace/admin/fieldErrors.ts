import type * as z from 'zod/mini';
import { ApiError } from '@/sync/api';

/** Field → message a person can act on, from a zod error (the first problem of each field). */
export function fieldErrors(error: z.core.$ZodError): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.join('.') || 'form';
    out[key] ??= issue.message;
  }
  return out;
}

/** From "field: problem" lines (local record validation, the server's 400 details). */
export function linesToFieldErrors(lines: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const line of lines) {
    const at = line.indexOf(': ');
    const key = at > 0 ? line.slice(0, at) : 'form';
    out[key] ??= at > 0 ? line.slice(at + 2) : line;
  }
  return out;
}

/** A server refusal as field errors when it names fields, else as the form's error. */
export function apiFieldErrors(err: unknown, byCode: Record<string, string> = {}): Record<string, string> {
  if (err instanceof ApiError) {
    if (byCode[err.code]) return { [byCode[err.code]!]: err.message };
    if (Array.isArray(err.details)) return linesToFieldErrors(err.details as string[]);
  }
  return { form: (err as Error).message };
}
