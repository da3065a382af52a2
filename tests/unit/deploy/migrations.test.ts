/**
 * The remote D1 takes `worker/migrations` in name order and remembers which it applied: a
 * released migration that is edited later never reaches a deployed council, and a gap or a
 * duplicate number applies out of order. Checked here because `wrangler d1 migrations list
 * --remote` needs a Cloudflare account.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const dir = path.resolve(import.meta.dirname, '../../../worker/migrations');
const files = readdirSync(dir).filter((f) => f.endsWith('.sql')).sort();
const sha256 = (file: string) => createHash('sha256').update(readFileSync(path.join(dir, file))).digest('hex');

/** Migrations that have shipped: their bytes are frozen. A new migration is a new file. */
const RELEASED: Record<string, string> = {
  '0001_meta.sql': '57145075981b414a3224b8da832e0c4ce379484c0986c7b81df779020f6acc00',
  '0002_sync_backend.sql': '337cff649e667e5023c4051fbc11cfe1943890bbee6faec4ff3f407cb59f8e32',
};

describe('worker/migrations as the remote D1 will apply them', () => {
  it('are numbered 0001, 0002, … with no gap or duplicate, each with a name', () => {
    expect(files.length).toBeGreaterThan(0);
    files.forEach((file, i) => expect(file).toMatch(new RegExp(`^${String(i + 1).padStart(4, '0')}_[a-z0-9_]+\\.sql$`)));
  });

  it('hold at least one statement each (an empty file breaks D1 test setup)', () => {
    for (const file of files) {
      const sql = readFileSync(path.join(dir, file), 'utf8').replace(/--.*$/gm, '').trim();
      expect(sql, file).toMatch(/;\s*$/);
    }
  });

  it.each(Object.entries(RELEASED))('%s is unchanged since it was released', (file, hash) => {
    expect(files).toContain(file);
    expect(sha256(file)).toBe(hash);
  });
});
