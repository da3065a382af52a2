import { DEFAULT_SETTINGS, settingsSchema, type Settings } from './schema/organisation';

/**
 * The settings to compute with, the same everywhere (worker, background, pages): what the
 * organisation stored, read through the schema so a field stored before it existed takes its
 * default; settings that cannot be read fall back to the defaults whole.
 */
export function effectiveSettings(stored: unknown): Settings {
  const parsed = settingsSchema.safeParse(stored ?? {});
  return parsed.success ? parsed.data : DEFAULT_SETTINGS;
}
