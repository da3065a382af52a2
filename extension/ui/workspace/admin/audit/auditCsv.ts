import type { CsvColumn } from '@/ui/csv/toCsv';
import type { AuditRecords } from './auditRecords';
import { RECORD_KINDS } from './auditFilters';
import { actorOf, auditAction, auditTime, fieldWords, type AuditItem } from './auditWording';

/** The audit export: one row per line of the page, in words, with the raw keys beside them for a DPO to cross-check. */
export function auditCsvColumns(records: AuditRecords, now: Date = new Date()): CsvColumn<AuditItem>[] {
  return [
    { header: 'When (London)', value: (i) => auditTime(i.entry.at, now) },
    { header: 'When (UTC)', value: (i) => i.entry.at },
    { header: 'Who', value: (i) => actorOf(i.entry, records) },
    { header: 'What happened', value: (i) => auditAction(i, records) },
    { header: 'Action', value: (i) => i.entry.action },
    { header: 'Kind of record', value: (i) => (i.entry.table ? (RECORD_KINDS[i.entry.table] ?? i.entry.table) : '') },
    { header: 'Record id', value: (i) => i.entry.recordId },
    { header: 'Fields changed', value: (i) => (i.entry.fields ?? []).map(fieldWords).join('; ') },
  ];
}
