// @vitest-environment happy-dom
import { demo, demoDb } from '../workspace-daily/helpers';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { AMIRA, PRIYA, SAM, TOM } from '#demo/index';
import type { AuditEntryView, ErasureProgressResponse, ExportResponse } from '#shared/api/index';
import { STAGE_LABELS, type UserRole } from '#shared/schema/index';
import { orderEvents } from '#shared/stages';
import { sessionItem } from '@/sync/session';

const api = vi.hoisted(() => ({ audit: vi.fn(), subjectAccess: vi.fn(), subjectAccessCsv: vi.fn(), erase: vi.fn(), eraseStaff: vi.fn(), erasureProgress: vi.fn() }));
vi.mock('@/ui/workspace/admin/api', () => ({ adminApi: api }));
const files = vi.hoisted(() => ({ saveFile: vi.fn(), saveCsv: vi.fn(), datedName: (name: string, ext: string) => `${name}.${ext}` }));
vi.mock('@/ui/csv/saveFile', () => files);
const messages = vi.hoisted(() => ({ send: vi.fn(async () => ({ ok: true })) }));
vi.mock('@/messages/send', () => messages);
// The navigation imports every page; the rules page's account refresh needs a built extension's server URL.
vi.mock('@/sync/account', () => ({ refreshAccount: vi.fn(async () => undefined) }));

const { AuditPage } = await import('@/ui/workspace/admin/audit/AuditPage');
const { SubjectAccessPage } = await import('@/ui/workspace/admin/subject-access/SubjectAccessPage');
const { pagesFor } = await import('@/ui/workspace/pages');

const PEOPLE = [SAM, AMIRA, PRIYA, TOM].map((p) => ({ id: p.id, name: p.name, role: p.role, active: true }));

async function signedInAs(role: UserRole) {
  const db = await demoDb();
  await db.meta.put({ key: 'people', value: PEOPLE });
  const session = (await sessionItem.getValue())!;
  await sessionItem.setValue({ ...session, me: { ...session.me, user: { ...session.me.user, id: SAM.id, name: SAM.name, role }, organisation: { id: 'org', name: 'Demo Council' } } });
  return db;
}

/** A demo application moved from Applied to Shortlisted, and its history in order. */
function movedApplication() {
  for (const a of demo.records.applications) {
    const history = orderEvents(demo.records.stage_events.filter((e) => e.applicationId === a.id));
    if (history[1]?.event.stage === 'shortlisted' && a.name && a.email) return { application: a, history: history.map((t) => t.event) };
  }
  throw new Error('the demo council has no shortlisted application');
}

let ids = 1;
const entry = (over: Partial<AuditEntryView>): AuditEntryView => ({ id: ids++, at: '2026-12-02T10:14:00.000Z', userId: TOM.id, userName: TOM.name, action: 'create', table: 'stage_events', recordId: null, fields: ['stage'], ...over });

beforeEach(() => {
  for (const f of [...Object.values(api), files.saveFile, files.saveCsv, messages.send]) f.mockClear();
  for (const f of Object.values(api)) f.mockReset();
});
afterEach(cleanup);

describe('audit trail page', () => {
  it("says each entry in words, with the candidate's name from this browser and the stages moved between", async () => {
    await signedInAs('central');
    const { application, history } = movedApplication();
    const moved = history[1]!;
    api.audit.mockResolvedValue({ entries: [entry({ recordId: moved.id })], nextCursor: null });
    render(<AuditPage />);
    const list = await screen.findByRole('list', { name: 'Audit entries' });
    expect(list.textContent).toMatch(new RegExp(`^Tom Okafor moved ${application.name} from ${STAGE_LABELS[history[0]!.stage]} to Shortlisted, 2 Dec(?: 2026)? 10:14$`));
    expect(api.audit).toHaveBeenCalledWith('?limit=50');
  });

  it('filters by candidate (their applications), user and days; a filter it cannot use is said next to the field', async () => {
    await signedInAs('admin');
    const { application } = movedApplication();
    api.audit.mockResolvedValue({ entries: [], nextCursor: null });
    render(<AuditPage />);
    await screen.findByText('No entries match these filters.');
    const candidate = screen.getByLabelText('Candidate');
    fireEvent.input(candidate, { target: { value: 'Nobody Atall' } });
    fireEvent.click(screen.getByRole('button', { name: 'Show entries' }));
    await waitFor(() => expect(candidate.getAttribute('aria-invalid')).toBe('true'));
    expect(candidate.getAttribute('aria-describedby')!.split(' ').map((id) => document.getElementById(id)?.textContent)).toContain('No candidate held in this browser matches “Nobody Atall”');
    expect(api.audit).toHaveBeenCalledTimes(1);

    fireEvent.input(candidate, { target: { value: application.email! } });
    fireEvent.change(screen.getByLabelText('Done by'), { target: { value: TOM.id } });
    fireEvent.input(screen.getByLabelText('From (first day)'), { target: { value: '2026-12-01' } });
    fireEvent.input(screen.getByLabelText('To (last day)'), { target: { value: '2026-12-02' } });
    fireEvent.click(screen.getByRole('button', { name: 'Show entries' }));
    await waitFor(() => expect(api.audit).toHaveBeenCalledTimes(2));
    const sameEmail = demo.records.applications.filter((a) => a.email === application.email).map((a) => a.id);
    const query = new URLSearchParams(api.audit.mock.calls[1]![0] as string);
    expect(query.get('applicationIds')!.split(',').sort()).toEqual(sameEmail.sort());
    expect(query.get('userId')).toBe(TOM.id);
    expect(query.get('from')).toBe('2026-12-01T00:00:00.000Z');
    expect(query.get('to')).toBe('2026-12-03T00:00:00.000Z');
    expect(screen.getByText(new RegExp(`Candidate: ${application.name} \\(${sameEmail.length} application`))).toBeDefined();

    // The record filter appears once a kind is chosen: a list where this browser can name the records, else their id.
    expect(screen.queryByLabelText('Record id')).toBeNull();
    fireEvent.change(screen.getByLabelText('Kind of record'), { target: { value: 'credentials' } });
    expect(screen.getByLabelText('Record id')).toBeDefined();
    fireEvent.change(screen.getByLabelText('Kind of record'), { target: { value: 'vacancies' } });
    const record = screen.getByLabelText('Record') as HTMLSelectElement;
    expect(record.options.length).toBe(demo.records.vacancies.length + 1);
    fireEvent.change(record, { target: { value: demo.records.vacancies[0]!.id } });
    fireEvent.click(screen.getByRole('button', { name: 'Show entries' }));
    await waitFor(() => expect(api.audit).toHaveBeenCalledTimes(3));
    expect(new URLSearchParams(api.audit.mock.calls[2]![0] as string).get('recordId')).toBe(demo.records.vacancies[0]!.id);
  });

  it('shows the answer to the latest filter, whatever order the answers come back in', async () => {
    await signedInAs('admin');
    let answerFirst!: (v: unknown) => void;
    api.audit
      .mockReturnValueOnce(new Promise((resolve) => (answerFirst = resolve)))
      .mockResolvedValueOnce({ entries: [entry({ action: 'create_invitation', table: 'invitations', recordId: 'i2', fields: null })], nextCursor: null });
    render(<AuditPage />);
    fireEvent.change(await screen.findByLabelText('Done by'), { target: { value: TOM.id } });
    fireEvent.click(screen.getByRole('button', { name: 'Show entries' }));
    await screen.findByText(/Tom Okafor made a sign-in invitation/);
    answerFirst({ entries: [entry({ action: 'revoke_token', table: 'credentials', recordId: 't', fields: null })], nextCursor: null });
    await new Promise((r) => setTimeout(r, 50));
    expect(screen.queryByText(/revoked a token/)).toBeNull();
    expect(screen.getAllByRole('listitem')).toHaveLength(1);
  });

  it('pages to older entries and exports the whole filter as CSV, in words', async () => {
    await signedInAs('admin');
    const first = entry({ action: 'update_settings', table: 'settings', recordId: 'org', userId: SAM.id, userName: SAM.name, fields: ['shortlistWorkingDays'] });
    const older = entry({ action: 'create_invitation', table: 'invitations', recordId: 'i1', userId: SAM.id, userName: SAM.name, fields: null });
    api.audit.mockResolvedValueOnce({ entries: [first], nextCursor: String(first.id) }).mockResolvedValueOnce({ entries: [older], nextCursor: null });
    render(<AuditPage />);
    await screen.findByText(/Sam Kerr changed the council’s rules: shortlisting target/);
    fireEvent.click(screen.getByRole('button', { name: 'Show older entries' }));
    await screen.findByText(/Sam Kerr made a sign-in invitation/);
    expect(api.audit.mock.calls[1]![0]).toBe(`?cursor=${first.id}&limit=50`);
    expect(screen.getAllByRole('listitem')).toHaveLength(2);
    expect(screen.queryByRole('button', { name: 'Show older entries' })).toBeNull();

    api.audit.mockResolvedValueOnce({ entries: [first], nextCursor: String(first.id) }).mockResolvedValueOnce({ entries: [older], nextCursor: null });
    fireEvent.click(screen.getByRole('button', { name: 'Export CSV' }));
    await screen.findByText('Exported 2 entries.');
    expect(api.audit.mock.calls.slice(2).map((c) => c[0])).toEqual(['?limit=500', `?cursor=${first.id}&limit=500`]);
    const [name, csv] = files.saveCsv.mock.calls[0]!;
    expect(name).toBe('audit-trail.csv');
    expect(csv).toContain('Sam Kerr,changed the council’s rules: shortlisting target,update_settings,Council rules');
    expect(csv).toContain('made a sign-in invitation');
  });

  it('is for admins and the central team; erasure and subject access for admins only', () => {
    const paths = (role: UserRole) => pagesFor(role).map((p) => p.path);
    expect(paths('admin')).toEqual(expect.arrayContaining(['/audit', '/subject-access']));
    expect(paths('central')).toContain('/audit');
    expect(paths('central')).not.toContain('/subject-access');
    for (const role of ['coordinator', 'manager'] as const) expect(paths(role).filter((p) => ['/audit', '/subject-access'].includes(p))).toEqual([]);
  });
});

describe('erasure and subject access page', () => {
  const { application, history } = movedApplication();
  const held = (): ExportResponse => ({
    applicationId: application.id,
    generatedAt: '2026-12-03T09:00:00Z',
    application: { ...application },
    deleted: false,
    erased: false,
    stageEvents: history.map((e, i) => ({ ...e, note: i === 1 ? 'A strong candidate' : null })),
    checks: [],
    conflicts: [],
    changes: [],
    audit: [{ at: '2026-12-02T10:14:00Z', userId: TOM.id, action: 'create', table: 'stage_events', recordId: history[1]!.id, fields: ['stage'] }],
  });
  const progress = (pulledPast: number): ErasureProgressResponse => ({
    applicationId: application.id,
    erasedAt: '2026-12-03T09:01:00Z',
    changeSeq: 90,
    activeSince: '2026-11-03T09:00:00Z',
    browsers: [
      { tokenPrefix: 'sl_a', userId: SAM.id, userName: SAM.name, role: 'admin', lastPulledAt: new Date().toISOString(), pulledPast: pulledPast > 0 },
      { tokenPrefix: 'sl_b', userId: TOM.id, userName: TOM.name, role: 'manager', lastPulledAt: new Date().toISOString(), pulledPast: pulledPast > 1 },
    ],
    pulledPast,
    active: 2,
  });

  it('checks the key before asking, and says so next to the field', async () => {
    await signedInAs('admin');
    render(<SubjectAccessPage />);
    const value = await screen.findByLabelText('Email');
    fireEvent.input(value, { target: { value: 'ben at example' } });
    fireEvent.click(screen.getByRole('button', { name: 'Find' }));
    await waitFor(() => expect(value.getAttribute('aria-invalid')).toBe('true'));
    expect(document.getElementById('sar-value-error')!.textContent).toMatch(/must be an email address/);
    expect(api.subjectAccess).not.toHaveBeenCalled();
    fireEvent.change(screen.getByLabelText('Find by'), { target: { value: 'name' } });
    expect(screen.getByLabelText('Full name')).toBe(value);
  });

  it('shows what is held, exports it as JSON and as the server’s CSV', async () => {
    await signedInAs('admin');
    api.subjectAccess.mockResolvedValue({ generatedAt: '2026-12-03T09:00:00Z', matchedBy: 'email', applications: [held()] });
    api.subjectAccessCsv.mockResolvedValue('Personal data held by Shortlist\r\n');
    render(<SubjectAccessPage />);
    fireEvent.input(await screen.findByLabelText('Email'), { target: { value: application.email } });
    fireEvent.click(screen.getByRole('button', { name: 'Find' }));
    const section = await screen.findByRole('region', { name: new RegExp(`^${application.name} ·`) });
    expect(api.subjectAccess).toHaveBeenCalledWith('email', application.email);
    expect(within(section).getByRole('table', { name: 'Stage history' }).textContent).toContain('A strong candidate');
    expect(section.textContent).toContain(application.email!);
    expect(section.textContent).toMatch(/Tom Okafor moved/);

    fireEvent.click(screen.getByRole('button', { name: 'Download JSON' }));
    const [jsonName, parts] = files.saveFile.mock.calls[0]!;
    expect(jsonName).toBe('subject-access.json');
    expect(JSON.parse((parts as string[]).join('')).applications[0].application.name).toBe(application.name);
    fireEvent.click(screen.getByRole('button', { name: 'Download CSV' }));
    await waitFor(() => expect(files.saveCsv).toHaveBeenCalledWith('subject-access.csv', 'Personal data held by Shortlist\r\n'));
    expect(api.subjectAccessCsv).toHaveBeenCalledWith('email', application.email);
  });

  it('erases after a confirmation naming what goes, then shows how many browsers have pulled it', async () => {
    await signedInAs('admin');
    api.subjectAccess.mockResolvedValue({ generatedAt: '2026-12-03T09:00:00Z', matchedBy: 'email', applications: [held()] });
    api.erase.mockResolvedValue({ applicationId: application.id, erased: true, changes: 3 });
    api.erasureProgress.mockResolvedValue(progress(1));
    render(<SubjectAccessPage />);
    fireEvent.input(await screen.findByLabelText('Email'), { target: { value: application.email } });
    fireEvent.click(screen.getByRole('button', { name: 'Find' }));
    const open = await screen.findByRole('button', { name: 'Erase this person…' });
    fireEvent.click(open);
    const dialog = await screen.findByRole('alertdialog', { name: `Erase ${application.name}?` });
    await waitFor(() => expect(document.activeElement).toBe(dialog));
    expect(dialog.textContent).toMatch(/1 application: .*received/);
    expect(dialog.textContent).toMatch(/Personal details: name, email/);
    expect(dialog.textContent).toContain('The notes of 1 stage change.');
    // Escape puts it away and the keyboard is back on the button; nothing erased.
    fireEvent.keyDown(dialog, { key: 'Escape' });
    await waitFor(() => expect(document.activeElement?.textContent).toBe('Erase this person…'));
    expect(api.erase).not.toHaveBeenCalled();

    fireEvent.click(screen.getByRole('button', { name: 'Erase this person…' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Erase the application' }));
    await screen.findByText('1 of 2 active browsers have pulled the erasure.');
    expect(api.erase).toHaveBeenCalledWith(application.id);
    expect(api.erasureProgress).toHaveBeenCalledWith(application.id);
    expect(messages.send).toHaveBeenCalledWith({ type: 'syncNow' });
    expect(screen.getByText(/Waiting for: Tom Okafor’s browser/)).toBeDefined();
    // What was shown of the person goes from the page with the erasure.
    const section = screen.getByRole('region', { name: /^Erased candidate ·/ });
    expect(section.textContent).not.toContain(application.email!);
    expect(section.textContent).not.toContain('A strong candidate');
    expect(screen.queryByRole('button', { name: 'Download JSON' })).toBeNull();
    api.erasureProgress.mockResolvedValue(progress(2));
    fireEvent.click(screen.getByRole('button', { name: 'Check again' }));
    await screen.findByText('All 2 active browsers of the council have pulled the erasure.');
  });

  it('finds a member of staff by name, shows their retention records, and erases their staff record', async () => {
    await signedInAs('admin');
    const jo = '00000000-0000-4000-8000-0000000000a1';
    api.subjectAccess.mockResolvedValue({
      generatedAt: '2026-12-03T09:00:00Z',
      matchedBy: 'name',
      applications: [],
      staff: [
        {
          staffId: jo,
          staff: { id: jo, name: 'Jo Leaving', role: 'social_worker', fte: 1, startDate: '2022-01-10' },
          deleted: false,
          erased: false,
          records: { leavers: [{ id: 'l1', leavingDate: '2026-06-30', reason: 'pay', destination: 'another_council' }], exit_interviews: [{ id: 'e1', leaverId: 'l1', notes: 'Pay elsewhere' }] },
          conflicts: [],
          changes: [],
          audit: [],
        },
      ],
    });
    api.eraseStaff.mockResolvedValue({ staffId: jo, erased: true, changes: 2 });
    api.erasureProgress.mockResolvedValue({ ...progress(2), applicationId: jo });
    render(<SubjectAccessPage />);
    fireEvent.change(await screen.findByLabelText('Find by'), { target: { value: 'name' } });
    fireEvent.input(screen.getByLabelText('Full name'), { target: { value: 'Jo Leaving' } });
    fireEvent.click(screen.getByRole('button', { name: 'Find' }));
    await screen.findByRole('heading', { name: 'What is held: 1 staff record' });
    const record = screen.getByRole('region', { name: /^Jo Leaving · staff record: Social worker/ });
    expect(record.textContent).toContain('Left Tue 30 Jun 2026: Pay, to Another council.');
    fireEvent.click(screen.getByRole('button', { name: 'Erase this person…' }));
    const dialog = await screen.findByRole('alertdialog', { name: 'Erase Jo Leaving?' });
    expect(dialog.textContent).toContain('1 staff record: Social worker, started Mon 10 Jan 2022.');
    expect(dialog.textContent).toMatch(/Their name, and what 1 exit interview .* say, removed from the server/);
    fireEvent.click(screen.getByRole('button', { name: 'Erase the staff record' }));
    await screen.findByText('All 2 active browsers of the council have pulled the erasure.');
    expect(api.eraseStaff).toHaveBeenCalledWith(jo);
    expect(api.erase).not.toHaveBeenCalled();
    expect(api.erasureProgress).toHaveBeenCalledWith(jo);
    expect(screen.getByRole('region', { name: /^Erased member of staff ·/ })).toBeDefined();
  });

  it('says in words when the erasure fails, and erases nothing more', async () => {
    await signedInAs('admin');
    api.subjectAccess.mockResolvedValue({ generatedAt: '2026-12-03T09:00:00Z', matchedBy: 'email', applications: [held()] });
    api.erase.mockRejectedValue(new Error('Cannot reach http://127.0.0.1:8787'));
    render(<SubjectAccessPage />);
    fireEvent.input(await screen.findByLabelText('Email'), { target: { value: application.email } });
    fireEvent.click(screen.getByRole('button', { name: 'Find' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Erase this person…' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Erase the application' }));
    await screen.findByText(/The erasure did not finish: Cannot reach/);
    expect(api.erasureProgress).not.toHaveBeenCalled();
  });
});
