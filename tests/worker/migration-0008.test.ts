import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { SYNC_TABLES } from '#shared/schema/index';

const RETENTION_TABLES = ['staff', 'leavers', 'exit_interviews', 'stay_conversations', 'transfers', 'incentives', 'cohorts', 'caseload_weeks'];

/** Migration 0008 as applied in workerd: every retention table has the shape of a synced table. */
describe('migration 0008: the retention tables', () => {
  it('creates each retention table with the columns and change-order index of every synced table', async () => {
    expect(Object.keys(SYNC_TABLES)).toEqual(expect.arrayContaining(RETENTION_TABLES));
    const columnsOf = async (t: string) => (await env.DB.prepare(`SELECT name FROM pragma_table_info(?1) ORDER BY cid`).bind(t).all<{ name: string }>()).results.map((r) => r.name);
    const reference = await columnsOf('posts');
    for (const t of RETENTION_TABLES) {
      expect(await columnsOf(t), t).toEqual(reference);
      const index = await env.DB.prepare(`SELECT name FROM pragma_index_list(?1) WHERE name = ?2`).bind(t, `${t}_org_seq`).first();
      expect(index, t).not.toBeNull();
    }
  });
});
