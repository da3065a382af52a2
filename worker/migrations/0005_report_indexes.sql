-- Reports read the applications received in the period asked (worker/src/db/report-input.ts),
-- page by page in received-date order, instead of the whole organisation on every call.
CREATE INDEX applications_org_received ON applications (org_id, json_extract(data, '$.receivedDate'), id);
