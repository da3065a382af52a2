-- Rota slots carry givenBy (server-set): who put the manager on the slot. A manager decides only
-- on slots someone else gave them, so slots written before this field existed get it from the
-- change log: the user of the latest change that set managerId (its clock is managerId's, so
-- the two merge together).
UPDATE rota_slots
   SET data = json_set(data, '$.givenBy', (
         SELECT c.user_id FROM changes c
          WHERE c.org_id = rota_slots.org_id AND c.tbl = 'rota_slots' AND c.record_id = rota_slots.id
            AND c.user_id IS NOT NULL AND json_extract(c.payload, '$.managerId') IS NOT NULL
          ORDER BY c.seq DESC LIMIT 1)),
       clocks = json_set(clocks, '$.givenBy', json_extract(clocks, '$.managerId'))
 WHERE json_extract(data, '$.givenBy') IS NULL
   AND json_extract(clocks, '$.managerId') IS NOT NULL
   AND EXISTS (
         SELECT 1 FROM changes c
          WHERE c.org_id = rota_slots.org_id AND c.tbl = 'rota_slots' AND c.record_id = rota_slots.id
            AND c.user_id IS NOT NULL AND json_extract(c.payload, '$.managerId') IS NOT NULL);
