-- Push speed (issue 15): every mutation a push applies writes a row of applied_mutations, and
-- each of its indexes is one more b-tree insert per mutation. Nothing reads applied ids by
-- client: the push looks them up by (org_id, mutation_id), its primary key
-- (worker/src/sync/apply.ts), so the index by client and sequence only cost writes.
DROP INDEX IF EXISTS applied_mutations_org_client;
