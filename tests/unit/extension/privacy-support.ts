import type { ShortlistDb } from '@/db/database';

/** Every row of every table of a browser's IndexedDB, as one string to search for personal data. */
export async function everythingStored(db: ShortlistDb): Promise<string> {
  const parts: string[] = [];
  for (const t of db.tables) parts.push(`${t.name}: ${JSON.stringify(await t.toArray())}`);
  return parts.join('\n');
}
