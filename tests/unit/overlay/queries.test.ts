import 'fake-indexeddb/auto';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { beforeEach, describe, expect, it } from 'vitest';
import { todayInLondon } from '#shared/calendar';
import { generateDemoCouncil } from '#demo/index';
import type { ShortlistDb } from '@/db/database';
import { advertView, findAdvert, candidateView, findDuplicates, listingBadges } from '@/overlay/background/queries';
import { captureCandidate, moveStage, trackAdvert } from '@/overlay/frame/writes';
import { siteModules } from '@/sites/index';
import { BOARD_NAMES, boardOf } from '@/overlay/boards';
import { taughtModule } from '@/sites/taught';
import { suggestPathPattern } from '@/overlay/ui/teach';
import { duplicateSummary } from '@/overlay/ui/duplicate-words';
import { demoBrowserAsPriya } from './demo-browser';

const asOf = todayInLondon(new Date());
const demo = generateDemoCouncil({ asOf });
let db: ShortlistDb;
let n = 0;

beforeEach(async () => {
  fakeBrowser.reset();
  db = await demoBrowserAsPriya(`overlay-${n++}`, demo);
});

const { priya, untrackedAdvert, returningCandidate } = demo.journeys;

describe('the overlay on an advert', () => {
  it("finds Priya's advert by the board's job id even at another URL, with 14 applicants and 2 overdue", async () => {
    const view = await advertView(db, { url: `http://localhost:8790/job/${priya.externalId}/x/`, site: 'communitycare', externalId: priya.externalId });
    expect(view.tracked).toBe(true);
    if (!view.tracked) return;
    expect(view.vacancy.id).toBe(priya.vacancyId);
    expect(view.total).toBe(14);
    expect(view.counts.applied).toBe(priya.awaiting.length);
    expect(view.overdue.map((o) => o.applicationId).sort()).toEqual([...priya.overdue].sort());
    expect(view.overdue.every((o) => o.status === 'red' && o.label === 'overdue 1 working day')).toBe(true);
  });

  it('finds an advert by its URL however the page spells it: the other scheme, with or without trailing slashes', async () => {
    const stored = (await db.adverts.get(priya.advertId))!;
    const bare = stored.url.replace(/^https?:\/\//, '').replace(/\/+$/, '');
    for (const url of [`http://${bare}`, `https://${bare}/`, `https://${bare}//`]) expect((await findAdvert(db, { url, site: 'other' }))?.id).toBe(priya.advertId);
    // Stored with several trailing slashes (not a spelling the url index is asked for): still found, by reading them all.
    await db.adverts.put({ ...stored, id: '019a0000-0000-7000-8000-00000000a002', url: 'https://jobs.example.org/job/77//', externalId: '77' });
    expect((await findAdvert(db, { url: 'http://jobs.example.org/job/77', site: 'other' }))?.id).toBe('019a0000-0000-7000-8000-00000000a002');
  });

  it('does not match a job id from another board, and offers vacancies to link instead', async () => {
    const view = await advertView(db, { url: 'https://jobs.example.org/job/1', site: 'greenhouse', externalId: priya.externalId });
    expect(view.tracked).toBe(false);
    if (view.tracked) return;
    expect(view.vacancies.length).toBe(demo.records.vacancies.length);
    expect(view.vacancies[0]!.status).toBe('open');
  });

  it('tracks an advert by linking it to a vacancy, and queues it for sync', async () => {
    const before = await db.outbox.count();
    const { advertId } = await trackAdvert(db, { url: untrackedAdvert.url, site: 'communitycare', title: untrackedAdvert.title, externalId: untrackedAdvert.externalId, vacancyId: untrackedAdvert.vacancyId });
    expect((await db.adverts.get(advertId))?.board).toBe('Community Care Jobs');
    expect(await db.outbox.count()).toBe(before + 1);
    const view = await advertView(db, { url: untrackedAdvert.url, site: 'communitycare', externalId: untrackedAdvert.externalId });
    expect(view.tracked).toBe(true);
  });

  it('creates the vacancy from the page when asked, and says what is missing otherwise', async () => {
    await expect(trackAdvert(db, { url: 'https://x.example/job/1', site: 'generic', title: 'SW' })).rejects.toThrow(/Choose a vacancy/);
    const { vacancyId } = await trackAdvert(db, {
      url: 'https://x.example/job/1', site: 'generic', title: 'Senior Social Worker', closingDate: '2026-12-31',
      newVacancy: { title: 'Senior Social Worker', role: 'senior_social_worker', posts: 2, mode: 'closing-date', teamIds: [] },
    });
    expect(await db.vacancies.get(vacancyId)).toMatchObject({ title: 'Senior Social Worker', posts: 2, closingDate: '2026-12-31', status: 'open' });
  });

  it('badges listed jobs the council tracks', async () => {
    const badges = await listingBadges(db, 'communitycare', [priya.externalId, '99999999'], 'https://jobs.communitycare.co.uk/jobs/');
    expect(badges).toEqual([{ externalId: priya.externalId, applicants: 14, overdue: priya.overdue.length }]);
  });

  it('names boards after the site modules, and finds a board’s adverts by board or by their URL being on the page’s host', async () => {
    expect(boardOf('communitycare')).toBe('Community Care Jobs');
    expect(boardOf('madgex')).toBe(siteModules.find((m) => m.id === 'madgex')!.name);
    // The background's names-only map is the registry's names, module for module.
    for (const m of [...siteModules, taughtModule([])]) expect(boardOf(m.id)).toBe(m.name);
    expect(Object.keys(BOARD_NAMES).sort()).toEqual([...siteModules.map((m) => m.id), 'taught'].sort());
    expect(boardOf('constructor')).toBe('constructor');
    // Stored under another name (as imported or by an older version) but at a Guardian Jobs URL: still the Madgex site's.
    const guardian = { vacancyId: priya.vacancyId, url: 'https://jobs.theguardian.com/job/8765432/childrens-social-worker/', board: 'Guardian Jobs', title: 'Social worker', externalId: '8765432' };
    await db.adverts.put({ id: '019a0000-0000-7000-8000-00000000a001', ...guardian });
    expect(await listingBadges(db, 'madgex', ['8765432'], 'https://jobs.theguardian.com/jobs/social-care/')).toEqual([{ externalId: '8765432', applicants: 14, overdue: priya.overdue.length }]);
    expect(await listingBadges(db, 'communitycare', ['8765432'], 'https://jobs.communitycare.co.uk/jobs/')).toEqual([]);
  });
});

describe('the overlay on a candidate', () => {
  it('warns about an earlier application with the same email before capture', async () => {
    const dups = await findDuplicates(db, { email: returningCandidate.email.toUpperCase(), name: 'Someone Else' });
    expect(dups).toHaveLength(1);
    expect(dups[0]!.matchedOn).toBe('email');
    expect(dups[0]).toMatchObject({ stage: 'withdrawn', exit: { reason: 'salary' }, vacancyTitle: expect.any(String) });
    expect(duplicateSummary(dups[0]!)).toMatch(/^A candidate with the same email applied in [A-Z][a-z]+ \d{4} for .+ \(withdrawn: salary\)\.$/);
  });

  it('captures a candidate with an applied event, assigned to the manager on shortlisting duty', async () => {
    const { applicationId } = await captureCandidate(db, { vacancyId: returningCandidate.vacancyId, name: returningCandidate.name, email: returningCandidate.email, atsReference: returningCandidate.newAtsReference, source: 'other_board', experience: 'experienced' });
    const app = await db.applications.get(applicationId);
    expect(app?.assignedTo).toBe('user-tom');
    const view = await candidateView(db, { reference: returningCandidate.newAtsReference, url: 'http://ats.example/x' });
    expect(view.tracked && view.stage).toBe('applied');
  });

  it('allows only moves the stage machine allows, and records who made them', async () => {
    const id = priya.awaiting[0]!;
    await expect(moveStage(db, { applicationId: id, stage: 'offered' })).rejects.toThrow(/shortlist and interview first/);
    await moveStage(db, { applicationId: id, stage: 'shortlisted' });
    const events = await db.stage_events.where('applicationId').equals(id).toArray();
    expect(events.some((e) => e.stage === 'shortlisted' && e.by === 'user-priya')).toBe(true);
  });

  it('refuses what the workspace refuses: a booking without a time, a reason of the wrong kind; stores only what the stage needs', async () => {
    const id = priya.awaiting[0]!;
    await moveStage(db, { applicationId: id, stage: 'shortlisted', reason: 'salary', note: '  strong practice examples ' });
    await expect(moveStage(db, { applicationId: id, stage: 'interview_booked' })).rejects.toThrow('choose the date and time of the interview');
    await expect(moveStage(db, { applicationId: id, stage: 'withdrawn', reason: 'not_qualified' })).rejects.toThrow('"not_qualified" is not a reason for a withdrawal');
    await moveStage(db, { applicationId: id, stage: 'interview_booked', interviewAt: '2026-04-02T10:30:00+01:00' });
    const events = await db.stage_events.where('applicationId').equals(id).toArray();
    expect(events.find((e) => e.stage === 'shortlisted')).toMatchObject({ reason: null, note: 'strong practice examples' });
    expect(events.find((e) => e.stage === 'interview_booked')?.interviewAt).toBe('2026-04-02T09:30:00.000Z');
  });
});

describe('teaching a page', () => {
  it('turns id-bearing path segments into wildcards', () => {
    expect(suggestPathPattern(new URL('https://ats.example/ats/candidate/TP-106446'))).toBe('/ats/candidate/*');
    expect(suggestPathPattern(new URL('https://ats.example/recruit/candidates/view'))).toBe('/recruit/candidates/view');
  });
});
