import type { SubjectAccessResponse } from '#shared/api/index';
import {
  CHECK_LABELS,
  INCENTIVE_KIND_LABELS,
  LEAVER_DESTINATION_LABELS,
  LEAVER_REASON_LABELS,
  ROLE_LABELS,
  STAGE_LABELS,
  STAY_HOLDER_ROLE_LABELS,
  type CheckKind,
  type Stage,
} from '#shared/schema/index';

type Cell = string | number | boolean | null | undefined;

/** One CSV cell: quoted when needed; a leading = + - @ is defused so a spreadsheet shows it as text. */
function cell(v: Cell): string {
  if (v === null || v === undefined) return '';
  let s = typeof v === 'string' ? v : String(v);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

const line = (cells: Cell[]) => cells.map(cell).join(',');

function section(title: string, header: string[], rows: Cell[][]): string {
  return [line([title]), line(header), ...(rows.length ? rows.map(line) : [line(['(none)'])])].join('\r\n');
}

const label = <K extends string>(labels: Record<K, string>, k: unknown) => (typeof k === 'string' && k in labels ? labels[k as K] : (k as Cell));

/**
 * The subject-access export as one CSV a person can open in a spreadsheet: a section per kind
 * of record (applications, stage history with notes, checks, conflicts, audit), each with its
 * own header row; stages and checks in words; `names` turns user ids into the staff's names.
 */
export function subjectAccessCsv(body: SubjectAccessResponse, names: ReadonlyMap<string, string>, vacancyTitles: ReadonlyMap<string, string>): string {
  const who = (id: unknown) => (typeof id === 'string' ? (names.get(id) ?? id) : null);
  const apps = body.applications;
  const parts = [
    line([`Personal data held by Shortlist, generated ${body.generatedAt}, found by ${body.matchedBy}`]),
    section(
      'Applications',
      ['Application', 'Vacancy', 'Name', 'Email', 'Phone', 'Source', 'Referrer', 'Experience', 'Years qualified', 'Team preference', 'ATS reference', 'ATS link', 'Received', 'Deleted', 'Erased'],
      apps.map(({ applicationId, application: a, deleted, erased }) => [
        applicationId,
        vacancyTitles.get(String(a?.vacancyId)) ?? (a?.vacancyId as Cell),
        ...(['name', 'email', 'phone', 'source', 'referrer', 'experience', 'yearsQualified', 'teamPreference', 'atsReference', 'atsUrl', 'receivedDate'] as const).map((f) => a?.[f] as Cell),
        deleted ? 'yes' : 'no',
        erased ? 'yes' : 'no',
      ]),
    ),
    section(
      'Stage history',
      ['Application', 'Stage', 'When', 'Recorded by', 'Reason', 'Interview at', 'Note'],
      apps.flatMap((x) =>
        [...x.stageEvents]
          .sort((p, q) => String(p.at).localeCompare(String(q.at)))
          .map((e) => [x.applicationId, label(STAGE_LABELS as Record<Stage, string>, e.stage), e.at as Cell, who(e.by), e.reason as Cell, e.interviewAt as Cell, e.note as Cell]),
      ),
    ),
    section(
      'Pre-employment checks',
      ['Application', 'Check', 'Requested', 'Received', 'Cleared', 'Not applicable', 'Note'],
      apps.flatMap((x) =>
        x.checks.map((k) => [x.applicationId, label(CHECK_LABELS as Record<CheckKind, string>, k.kind), k.requested as Cell, k.received as Cell, k.cleared as Cell, k.notApplicable ? 'yes' : '', k.note as Cell]),
      ),
    ),
    section(
      'Conflicting edits kept',
      ['Application', 'Field', 'Value kept aside', 'Value kept', 'When'],
      apps.flatMap((x) => x.conflicts.map((k) => [x.applicationId, k.field as Cell, JSON.stringify(k.losingValue ?? null), JSON.stringify(k.winningValue ?? null), k.at as Cell])),
    ),
    ...(body.staff.length ? staffSections(body, who) : []),
    section(
      'Audit trail',
      ['When', 'Who', 'Action', 'Record type', 'Record', 'Fields'],
      [...apps, ...body.staff].flatMap((x) =>
        x.audit.map((e) => [e.at, e.userId === 'retention' ? 'Retention schedule' : who(e.userId), e.action, e.table, e.recordId, Array.isArray(e.fields) ? e.fields.join(' ') : null]),
      ),
    ),
  ];
  return `${parts.join('\r\n\r\n')}\r\n`;
}

const list = (v: unknown) => (Array.isArray(v) ? v.join('; ') : (v as Cell));

/** The person as a member of staff: their staff records and every retention record about them, notes included. */
function staffSections(body: SubjectAccessResponse, who: (id: unknown) => string | null): string[] {
  const rows = (table: string) => body.staff.flatMap((x) => (x.records[table] ?? []).map((r) => ({ staffId: x.staffId, r })));
  return [
    section(
      'Staff records',
      ['Staff record', 'Name', 'Role', 'FTE', 'Start date', 'ASYE status', 'Deleted', 'Erased'],
      body.staff.map(({ staffId, staff: s, deleted, erased }) => [
        staffId,
        s.name as Cell,
        label(ROLE_LABELS as Record<string, string>, s.role),
        s.fte as Cell,
        s.startDate as Cell,
        s.asyeStatus as Cell,
        deleted ? 'yes' : 'no',
        erased ? 'yes' : 'no',
      ]),
    ),
    section(
      'Leaving',
      ['Staff record', 'Leaving date', 'Reason', 'Destination', 'FTE'],
      rows('leavers').map(({ staffId, r }) => [staffId, r.leavingDate as Cell, label(LEAVER_REASON_LABELS, r.reason), label(LEAVER_DESTINATION_LABELS, r.destination), r.fte as Cell]),
    ),
    section(
      'Exit interviews',
      ['Staff record', 'Offered', 'Outcome', 'Held', 'Held with', 'Themes', 'Notes'],
      rows('exit_interviews').map(({ staffId, r }) => [staffId, r.offeredOn as Cell, r.outcome as Cell, r.heldOn as Cell, r.heldWith as Cell, list(r.themes), r.notes as Cell]),
    ),
    section(
      'Stay conversations',
      ['Staff record', 'Held', 'Held by', 'Holder role', 'Outcome', 'Themes', 'Notes'],
      rows('stay_conversations').map(({ staffId, r }) => [
        staffId,
        r.heldOn as Cell,
        who(r.heldBy),
        label(STAY_HOLDER_ROLE_LABELS, r.holderRole),
        r.outcome as Cell,
        list(r.themes),
        r.notes as Cell,
      ]),
    ),
    section(
      'Internal transfers',
      ['Staff record', 'Requested', 'Decision', 'Decided', 'Moved'],
      rows('transfers').map(({ staffId, r }) => [staffId, r.requestedOn as Cell, r.decision as Cell, r.decidedOn as Cell, r.movedOn as Cell]),
    ),
    section(
      'Posts held',
      ['Staff record', 'Post', 'Team', 'Note'],
      rows('posts').map(({ staffId, r }) => [staffId, r.id as Cell, r.teamId as Cell, r.note as Cell]),
    ),
    section(
      'Incentives',
      ['Staff record', 'Kind', 'Amount', 'Paid on', 'Clawback months'],
      rows('incentives').map(({ staffId, r }) => [staffId, label(INCENTIVE_KIND_LABELS, r.kind), r.amount as Cell, list(r.paidOn), r.clawbackMonths as Cell]),
    ),
  ];
}
