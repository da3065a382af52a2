// @vitest-environment happy-dom
import { asOf, demo, demoDb } from '../workspace-daily/helpers';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import type { PersonRow } from '#shared/api/index';
import { addWorkingDays, formatDay } from '#shared/calendar';
import type { UserRole } from '#shared/schema/index';
import { ApiError } from '@/sync/api';
import { sessionItem } from '@/sync/session';

const api = vi.hoisted(() => ({
  listPeople: vi.fn(),
  addPerson: vi.fn(),
  updatePerson: vi.fn(),
  inviteAgain: vi.fn(),
  saveSettings: vi.fn(),
  renameCouncil: vi.fn(),
}));
vi.mock('@/ui/workspace/admin/api', () => ({ adminApi: api }));
// Saving the rules reads /v1/me again for this browser; the server is mocked away here.
vi.mock('@/sync/account', () => ({ refreshAccount: vi.fn(async () => undefined) }));

const { PeoplePage } = await import('@/ui/workspace/admin/PeoplePage');
const { RulesPage } = await import('@/ui/workspace/admin/RulesPage');
const { TeamsVacanciesPage } = await import('@/ui/workspace/admin/TeamsVacanciesPage');
const { Workspace } = await import('@/ui/workspace/Workspace');
const { pagesFor } = await import('@/ui/workspace/pages');

async function signedInAs(role: UserRole) {
  const db = await demoDb();
  const session = (await sessionItem.getValue())!;
  await sessionItem.setValue({ ...session, me: { ...session.me, user: { ...session.me.user, id: 'user-sam', name: 'Sam Kerr', role }, organisation: { id: 'org', name: 'Demo Council' } } });
  return db;
}

const person = (over: Partial<PersonRow>): PersonRow => ({
  id: crypto.randomUUID(),
  name: 'Someone',
  email: 'someone@demo.gov.uk',
  role: 'manager',
  teamId: null,
  active: true,
  createdAt: '2026-11-01T09:00:00Z',
  lastSeenAt: null,
  activeTokens: 0,
  invitationExpiresAt: null,
  ...over,
});
const invitation = { id: crypto.randomUUID(), code: 'K7QM-2XHD-9RTB', link: 'https://shortlist.demo.gov.uk/invite/K7QM-2XHD-9RTB', expiresAt: '2026-12-08T09:00:00Z' };

beforeEach(() => {
  for (const f of Object.values(api)) f.mockReset();
});
afterEach(cleanup);

describe('people page', () => {
  const sam = person({ id: 'user-sam', name: 'Sam Kerr', role: 'admin', activeTokens: 1, lastSeenAt: new Date().toISOString() });
  const tom = person({ name: 'Tom Okafor', role: 'manager', teamId: demo.records.teams[0]!.id, activeTokens: 2 });

  it('lists role, team, last seen and signed-in browsers', async () => {
    await signedInAs('admin');
    api.listPeople.mockResolvedValue({ people: [sam, tom] });
    render(<PeoplePage />);
    const row = await screen.findByTestId(`person-${tom.id}`);
    expect((within(row).getByLabelText('Role of Tom Okafor') as HTMLSelectElement).value).toBe('manager');
    await waitFor(() => expect((within(row).getByLabelText('Team of Tom Okafor') as HTMLSelectElement).value).toBe(demo.records.teams[0]!.id));
    expect(row.textContent).toContain('never');
    expect(within(screen.getByTestId('person-user-sam')).getByText('just now')).toBeDefined();
    expect(screen.getByTestId('person-user-sam').textContent).toContain('(you)');
  });

  it('adds a person and shows their invitation once: link, code, expiry; no token anywhere', async () => {
    await signedInAs('admin');
    api.listPeople.mockResolvedValue({ people: [sam] });
    const jo = person({ name: 'Jo Bloggs', email: 'jo@demo.gov.uk', invitationExpiresAt: invitation.expiresAt });
    api.addPerson.mockResolvedValue({ person: jo, invitation });
    render(<PeoplePage />);
    await screen.findByTestId('person-user-sam');
    fireEvent.input(screen.getByLabelText('Name'), { target: { value: 'Jo Bloggs' } });
    fireEvent.input(screen.getByLabelText('Work email'), { target: { value: 'jo@demo.gov.uk' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add and invite' }));
    const panel = await screen.findByRole('region', { name: 'Invitation for Jo Bloggs' });
    expect(api.addPerson).toHaveBeenCalledWith({ name: 'Jo Bloggs', email: 'jo@demo.gov.uk', role: 'manager', teamId: null });
    expect((within(panel).getByLabelText('Invitation link') as HTMLInputElement).value).toBe(invitation.link);
    expect(within(panel).getByTestId('invitation-code').textContent).toBe('K7QM-2XHD-9RTB');
    expect(panel.textContent).toContain('Tue 8 Dec 2026');
    const mail = within(panel).getByRole('link', { name: 'Write the email' }).getAttribute('href')!;
    expect(mail.startsWith('mailto:jo%40demo.gov.uk?')).toBe(true);
    expect(decodeURIComponent(mail)).toContain(invitation.link);
    expect(screen.getByTestId(`person-${jo.id}`).textContent).toContain('Invited, until Tue 8 Dec 2026');
  });

  it('says what is wrong next to the field: a bad email before asking, a taken one from the server', async () => {
    await signedInAs('admin');
    api.listPeople.mockResolvedValue({ people: [sam] });
    render(<PeoplePage />);
    await screen.findByTestId('person-user-sam');
    fireEvent.input(screen.getByLabelText('Name'), { target: { value: 'Jo' } });
    fireEvent.input(screen.getByLabelText('Work email'), { target: { value: 'jo at demo' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add and invite' }));
    const email = screen.getByLabelText('Work email');
    await waitFor(() => expect(email.getAttribute('aria-invalid')).toBe('true'));
    expect(document.getElementById(email.getAttribute('aria-describedby')!)!.textContent).toBe('must be an email address');
    expect(api.addPerson).not.toHaveBeenCalled();
    api.addPerson.mockRejectedValue(new ApiError(409, 'user_exists', 'Someone with email jo@demo.gov.uk is already in your organisation: find them in the list'));
    fireEvent.input(email, { target: { value: 'jo@demo.gov.uk' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add and invite' }));
    await waitFor(() => expect(document.getElementById(email.getAttribute('aria-describedby')!)?.textContent).toMatch(/already in your organisation/));
  });

  it('shows the last-admin refusal in words next to the control, and keeps the role', async () => {
    await signedInAs('admin');
    api.listPeople.mockResolvedValue({ people: [sam, tom] });
    api.updatePerson.mockRejectedValue(new ApiError(409, 'last_admin', 'Sam Kerr is the last active admin of your organisation: make someone else an admin first'));
    render(<PeoplePage />);
    const row = await screen.findByTestId('person-user-sam');
    const role = within(row).getByLabelText('Role of Sam Kerr') as HTMLSelectElement;
    fireEvent.change(role, { target: { value: 'central' } });
    await waitFor(() => expect(role.getAttribute('aria-describedby')).toBeTruthy());
    expect(document.getElementById(role.getAttribute('aria-describedby')!)!.textContent).toMatch(/last active admin/);
    expect(api.updatePerson).toHaveBeenCalledWith('user-sam', { role: 'central' });
    await waitFor(() => expect(role.value).toBe('admin'));
  });

  it('deactivates (tokens gone) and reactivates with a new invitation', async () => {
    await signedInAs('admin');
    api.listPeople.mockResolvedValue({ people: [sam, tom] });
    api.updatePerson.mockResolvedValueOnce({ person: { ...tom, active: false, activeTokens: 0 } });
    render(<PeoplePage />);
    const row = await screen.findByTestId(`person-${tom.id}`);
    fireEvent.click(within(row).getByRole('button', { name: 'Deactivate Tom Okafor' }));
    await waitFor(() => expect(screen.getByTestId(`person-${tom.id}`).textContent).toContain('Deactivated'));
    expect(api.updatePerson).toHaveBeenCalledWith(tom.id, { active: false });
    api.updatePerson.mockResolvedValueOnce({ person: { ...tom, invitationExpiresAt: invitation.expiresAt, activeTokens: 0 }, invitation });
    fireEvent.click(within(screen.getByTestId(`person-${tom.id}`)).getByRole('button', { name: 'Reactivate and invite Tom Okafor' }));
    await screen.findByRole('region', { name: 'Invitation for Tom Okafor' });
    expect(api.updatePerson).toHaveBeenLastCalledWith(tom.id, { active: true });
  });
});

describe("the council's rules page", () => {
  it('shows the effect before saving, and saves the validated rules with the rest kept', async () => {
    await signedInAs('admin');
    api.saveSettings.mockImplementation(async (settings) => ({ settings }));
    api.renameCouncil.mockResolvedValue({ organisation: { id: 'org', name: 'Demo Children’s Services' } });
    render(<RulesPage />);
    const effect = await screen.findByRole('region', { name: 'What this means' });
    const dueIn = (n: number) => formatDay(addWorkingDays(asOf, n, demo.settings.division));
    expect(effect.textContent).toContain(`Applications received on ${formatDay(asOf)} (rolling vacancies) are due a shortlisting decision by ${dueIn(demo.settings.shortlistWorkingDays)}`);
    fireEvent.input(screen.getByLabelText('Shortlisting target (working days)'), { target: { value: '3' } });
    await waitFor(() => expect(effect.textContent).toContain(`due a shortlisting decision by ${dueIn(3)}`));
    fireEvent.input(screen.getByLabelText('Council name, as Shortlist shows it'), { target: { value: 'Demo Children’s Services' } });
    fireEvent.click(screen.getByLabelText(/Team managers may decide/));
    fireEvent.click(screen.getByRole('button', { name: 'Save the rules' }));
    await screen.findByText(/Every browser uses these rules from its next sync/);
    expect(api.saveSettings).toHaveBeenCalledWith({ ...demo.settings, shortlistWorkingDays: 3, managersDecideOwnTeam: true });
    expect(api.renameCouncil).toHaveBeenCalledWith('Demo Children’s Services');
  });

  it('refuses what the schema refuses, in words next to each field, and saves nothing', async () => {
    await signedInAs('admin');
    render(<RulesPage />);
    const shortlist = await screen.findByLabelText('Shortlisting target (working days)');
    fireEvent.input(shortlist, { target: { value: 'five' } });
    fireEvent.input(screen.getByLabelText('Offered (conditional): until the candidate accepts: ideal working days'), { target: { value: '9' } });
    fireEvent.input(screen.getByLabelText('Offered (conditional): until the candidate accepts: maximum working days'), { target: { value: '4' } });
    fireEvent.input(screen.getByLabelText('Accepted: until checks are complete: ideal working days'), { target: { value: '5' } });
    fireEvent.input(screen.getByLabelText('Accepted: until checks are complete: maximum working days'), { target: { value: '' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save the rules' }));
    await waitFor(() => expect(shortlist.getAttribute('aria-invalid')).toBe('true'));
    expect(document.getElementById('rules-shortlist-error')!.textContent).toBe('must be a whole number of working days');
    expect(document.getElementById('rules-offered-error')!.textContent).toBe('ideal must not exceed max');
    expect(document.getElementById('rules-accepted-error')!.textContent).toBe('give the maximum too, or clear both for no target');
    expect(screen.getByRole('region', { name: 'What this means' }).textContent).toMatch(/Correct the fields/);
    expect(api.saveSettings).not.toHaveBeenCalled();
    // Corrected, the message goes as the person types.
    fireEvent.input(shortlist, { target: { value: '4' } });
    await waitFor(() => expect(document.getElementById('rules-shortlist-error')).toBeNull());
  });
});

describe('teams and vacancies page', () => {
  it('adds a team through the outbox, with errors next to the field', async () => {
    const db = await signedInAs('coordinator');
    render(<TeamsVacanciesPage />);
    fireEvent.click(await screen.findByRole('button', { name: 'Add a team' }));
    const form = screen.getByRole('form', { name: 'Add a team' });
    fireEvent.click(within(form).getByRole('button', { name: 'Save team' }));
    await waitFor(() => expect(document.getElementById('team-name-error')?.textContent).toBe('must not be empty'));
    const before = await db.outbox.count();
    fireEvent.input(within(form).getByLabelText('Name'), { target: { value: 'Leaving care East' } });
    fireEvent.change(within(form).getByLabelText('Type'), { target: { value: 'leaving_care' } });
    fireEvent.input(within(form).getByLabelText('Area or locality'), { target: { value: 'East' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Save team' }));
    await screen.findByRole('row', { name: /Leaving care East/ });
    const saved = (await db.teams.toArray()).find((t) => t.name === 'Leaving care East')!;
    expect(saved).toMatchObject({ type: 'leaving_care', area: 'East' });
    const entries = await db.outbox.toArray();
    expect(entries.length).toBe(before + 1);
    expect(entries.at(-1)!.mutation).toMatchObject({ table: 'teams', op: 'upsert', recordId: saved.id });
  });

  it('edits a vacancy: an open closing-date vacancy needs its closing date, said next to it', async () => {
    const db = await signedInAs('central');
    const unique = (v: { title: string }) => demo.records.vacancies.filter((w) => w.title === v.title).length === 1;
    const vacancy = demo.records.vacancies.find((v) => v.mode === 'rolling' && v.status === 'open' && unique(v))!;
    render(<TeamsVacanciesPage />);
    fireEvent.click(await screen.findByRole('button', { name: `Edit ${vacancy.title}` }));
    const form = screen.getByRole('form', { name: `Edit ${vacancy.title}` });
    fireEvent.change(within(form).getByLabelText('Shortlisting'), { target: { value: 'closing-date' } });
    fireEvent.input(within(form).getByLabelText('Closing date'), { target: { value: '' } });
    fireEvent.input(within(form).getByLabelText('Number of posts'), { target: { value: '3' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Save vacancy' }));
    await waitFor(() => expect(document.getElementById('vacancy-closingDate-error')?.textContent).toBe('an open closing-date vacancy needs a closing date'));
    expect((await db.vacancies.get(vacancy.id))!.mode).toBe('rolling');
    fireEvent.input(within(form).getByLabelText('Closing date'), { target: { value: '2026-12-18' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Save vacancy' }));
    await waitFor(async () => expect(await db.vacancies.get(vacancy.id)).toMatchObject({ mode: 'closing-date', closingDate: '2026-12-18', posts: 3 }));
  });
});

describe('pages by role', () => {
  const paths = (role: UserRole) => pagesFor(role).map((p) => p.path);
  it('admins get People and the rules; coordinators and central the record forms; managers neither', () => {
    expect(paths('admin')).toEqual(expect.arrayContaining(['/people', '/rules']));
    expect(paths('admin')).not.toContain('/teams');
    for (const role of ['coordinator', 'central'] as const) {
      expect(paths(role)).toContain('/teams');
      expect(paths(role)).not.toContain('/people');
      expect(paths(role)).not.toContain('/rules');
    }
    expect(paths('manager').filter((p) => ['/people', '/rules', '/teams'].includes(p))).toEqual([]);
  });

  it('admins, who change no recruitment data, get no queue, checks or import; the board and a candidate to read', () => {
    expect(paths('admin').filter((p) => ['/queue', '/checks', '/import'].includes(p))).toEqual([]);
    expect(paths('admin')).toEqual(expect.arrayContaining(['/board', '/candidate']));
    for (const role of ['central', 'coordinator', 'manager'] as const) expect(paths(role)).toEqual(expect.arrayContaining(['/queue', '/board', '/candidate', '/checks', '/import']));
  });

  it('shows no navigation and no page until the session is read, then the role\'s own pages', async () => {
    await signedInAs('coordinator');
    let release!: () => void;
    const read = sessionItem.getValue.bind(sessionItem);
    const held = vi.spyOn(sessionItem, 'getValue').mockImplementationOnce(() => new Promise((resolve) => (release = () => void read().then(resolve))));
    render(<Workspace />);
    expect(screen.getByText('Loading…')).toBeTruthy();
    expect(screen.queryByRole('navigation', { name: 'Workspace' })).toBeNull();
    release();
    const nav = await screen.findByRole('navigation', { name: 'Workspace' });
    expect(nav.textContent).toContain('My queue');
    expect(nav.textContent).toContain('Import');
    held.mockRestore();
  });

  it("a manager asking for the people page by its address is told so, and shown none of its controls", async () => {
    await signedInAs('manager');
    location.hash = '#/people';
    render(<Workspace />);
    await screen.findByText(/That page is not for your role \(manager\)/);
    expect(screen.queryByRole('link', { name: 'People' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Add and invite' })).toBeNull();
    expect(api.listPeople).not.toHaveBeenCalled();
  });
});
