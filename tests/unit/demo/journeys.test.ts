import { describe, expect, it } from 'vitest';
import { addDays, addWorkingDays, londonDateOf, mondayOf, workingDaysBetween } from '#shared/calendar';
import { censusRates, DEFAULT_DEMO_AS_OF, generateDemoCouncil, type DemoCouncil } from '#demo/index';
import { onDuty, queueFor } from '#shared/rota';
import { vacancyTargets } from '#shared/targets';
import { SYNC_TABLES } from '#shared/schema/index';
import { currentStage, historyByApplication, shortlistingDue } from './figures';

/** The default demo, and other Mondays (after New Year, Easter, a summer bank holiday) and seeds. */
const CASES: Array<[string, number | undefined]> = [
  [DEFAULT_DEMO_AS_OF, undefined],
  ['2026-11-23', undefined],
  ['2027-01-04', 5],
  ['2026-04-13', 77],
  ['2026-09-07', 2024],
];

describe.each(CASES)('journeys as of %s (seed %s)', (asOf, seed) => {
  const data: DemoCouncil = generateDemoCouncil({ asOf, seed });
  const { records, journeys } = data;
  const histories = historyByApplication(data);
  const thursday = addDays(mondayOf(asOf), 3);

  it('is valid data whatever the date', () => {
    for (const table of Object.keys(records) as Array<keyof typeof records>) {
      for (const r of records[table]) expect(SYNC_TABLES[table].schema.safeParse(r).success, `${table} ${r.id}`).toBe(true);
    }
    for (const e of records.stage_events) expect(londonDateOf(e.at) < asOf).toBe(true);
  });

  it("Priya: the rolling Children in Care advert, 2 posts, 14 applicants in the stated stages", () => {
    const vacancy = records.vacancies.find((v) => v.id === journeys.priya.vacancyId)!;
    expect(vacancy).toMatchObject({ title: 'Social Worker – Children in Care', posts: 2, mode: 'rolling', status: 'open' });
    const advert = records.adverts.find((a) => a.id === journeys.priya.advertId)!;
    expect(advert.url).toBe(journeys.priya.advertUrl);
    expect(advert.url).toMatch(/^https:\/\/jobs\.communitycare\.co\.uk\/job\/\d+\/social-worker-children-in-care\/$/);

    const apps = records.applications.filter((a) => a.vacancyId === vacancy.id);
    expect(apps).toHaveLength(14);
    const stages = apps.map((a) => currentStage(histories.get(a.id))!);
    const count = (s: string) => stages.filter((x) => x === s).length;
    expect(count('applied')).toBe(6);
    expect(count('shortlisted')).toBe(3);
    expect(count('offered')).toBe(1);
    expect(count('rejected') + count('withdrawn')).toBe(4);

    // Two overdue by one working day, the others due in two.
    const due = journeys.priya.awaiting.map((id) => shortlistingDue(data, id).overdueBy).sort();
    expect(due).toEqual([-2, -2, -2, -2, 1, 1]);
    expect(journeys.priya.overdue.map((id) => shortlistingDue(data, id).overdueBy)).toEqual([1, 1]);

    // Shortlisted: interviews due (5 working days on) by Thursday of this week, none overdue yet.
    for (const id of journeys.priya.shortlisted) {
      const shortlisted = histories.get(id)!.find((e) => e.stage === 'shortlisted')!;
      const interviewDue = addWorkingDays(londonDateOf(shortlisted.at), data.settings.interviewWorkingDays);
      expect(interviewDue >= asOf && interviewDue <= thursday).toBe(true);
    }
    expect(journeys.priya.interviewsDueBy).toBe(thursday);

    // The same through the product's own code (targets and rota).
    const targets = vacancyTargets(vacancy, records.applications, records.stage_events, data.settings, asOf);
    expect(targets.counts).toMatchObject({ applied: 6, shortlisted: 3, offered: 1 });
    expect(targets.overdue).toBe(2);
    expect(onDuty(records.rota_slots, asOf, 'shortlisting', vacancy).managerIds).toEqual(['user-tom']);
  });

  it("Tom: 7 applications awaiting his shortlisting decision this week, due in 2 or overdue 1", () => {
    const week = mondayOf(asOf);
    const slots = records.rota_slots.filter((s) => s.week === week && s.managerId === 'user-tom');
    expect(slots.map((s) => [s.duty, s.teamId])).toEqual([['shortlisting', journeys.tom.teamId]]);

    const waiting = records.applications.filter((a) => {
      const v = records.vacancies.find((x) => x.id === a.vacancyId)!;
      return v.teamIds.includes(journeys.tom.teamId) && currentStage(histories.get(a.id)) === 'applied';
    });
    expect(waiting.map((a) => a.id).sort()).toEqual([...journeys.tom.queue].sort());
    expect(waiting).toHaveLength(7);
    for (const a of waiting) expect(a.assignedTo).toBe('user-tom');
    expect(records.applications.filter((a) => a.assignedTo === 'user-tom' && currentStage(histories.get(a.id)) === 'applied')).toHaveLength(7);

    const queue = queueFor('user-tom', { applications: records.applications, vacancies: records.vacancies, events: records.stage_events, slots: records.rota_slots, settings: data.settings, asOf });
    expect(queue).toHaveLength(7);
    expect(queue.every((q) => q.kind === 'shortlisting_decision')).toBe(true);
    expect(queue.map((q) => q.target.label).sort()).toEqual([
      'due in 2 working days', 'due in 2 working days', 'due in 2 working days', 'due in 2 working days', 'due in 2 working days',
      'overdue 1 working day', 'overdue 1 working day',
    ]);
  });

  it('Priya, journey 2: an untracked Community Care advert for the vacancy created last week', () => {
    const u = journeys.untrackedAdvert;
    expect(records.adverts.some((a) => a.externalId === u.externalId || a.url === u.url)).toBe(false);
    const vacancy = records.vacancies.find((v) => v.id === u.vacancyId)!;
    expect(vacancy).toMatchObject({ title: 'Senior Social Worker – Assessment Team', status: 'open', mode: 'closing-date', reference: u.reference, closingDate: u.closingDate });
    expect(records.adverts.filter((a) => a.vacancyId === vacancy.id)).toHaveLength(0);
    expect(mondayOf(vacancy.openedDate!)).toBe(addDays(mondayOf(asOf), -7));
    expect(u.closingDate > asOf).toBe(true);
  });

  it('Priya, journey 3: the returning candidate withdrew earlier over salary, same email', () => {
    const r = journeys.returningCandidate;
    const earlier = records.applications.find((a) => a.id === r.earlierApplicationId)!;
    expect(earlier.email).toBe(r.email);
    const last = histories.get(earlier.id)!.at(-1)!;
    expect(last).toMatchObject({ stage: 'withdrawn', reason: 'salary' });
    expect(records.applications.filter((a) => a.email === r.email)).toHaveLength(1);
    expect(records.applications.some((a) => a.atsReference === r.newAtsReference)).toBe(false);
  });

  it('Amira: Children with Disabilities at ~24% vacancies, ~19% agency, 3 agency covers ending next month', () => {
    const posts = records.posts.filter((p) => p.teamId === journeys.cwd.teamId);
    const rates = censusRates(posts);
    expect(rates.vacancyRate).toBeGreaterThan(0.23);
    expect(rates.vacancyRate).toBeLessThan(0.25);
    expect(rates.agencyRate).toBeGreaterThan(0.18);
    expect(rates.agencyRate).toBeLessThan(0.2);
    const agency = posts.filter((p) => p.cover === 'agency');
    expect(agency).toHaveLength(3);
    const nextMonth = addDays(`${asOf.slice(0, 7)}-28`, 7).slice(0, 7);
    expect(agency.every((p) => p.coverEndDate?.startsWith(nextMonth))).toBe(true);
    expect(journeys.cwd.agencyEndingNextMonth.sort()).toEqual(agency.map((p) => p.id).sort());
    for (const p of agency) {
      expect(p.agencyName).toBeTruthy();
      expect(p.agencyWeeklyCost).toBeGreaterThanOrEqual(1600);
      expect(p.agencyWeeklyCost).toBeLessThanOrEqual(2400);
    }
  });

  it('the establishment: vacancy rate 15–19%, agency rate 15–18% (census definitions, from posts)', () => {
    const { posts } = records;
    // Written out here rather than through censusRates: vacant includes agency-covered posts.
    const fte = (cover: string) => posts.filter((p) => p.cover === cover).reduce((s, p) => s + p.fte, 0);
    const own = fte('permanent') + fte('interim');
    const vacancyRate = (fte('vacant') + fte('agency')) / (fte('vacant') + fte('agency') + own);
    const agencyRate = fte('agency') / (fte('agency') + own);
    expect(vacancyRate).toBeGreaterThanOrEqual(0.15);
    expect(vacancyRate).toBeLessThanOrEqual(0.19);
    expect(agencyRate).toBeGreaterThanOrEqual(0.15);
    expect(agencyRate).toBeLessThanOrEqual(0.18);
    expect(censusRates(posts).vacancyRate).toBeCloseTo(vacancyRate, 10);
    const agencyPosts = posts.filter((p) => p.cover === 'agency');
    const nextMonth = addDays(`${asOf.slice(0, 7)}-28`, 7).slice(0, 7);
    expect(agencyPosts.filter((p) => p.coverEndDate?.startsWith(nextMonth)).length).toBeGreaterThan(3); // CWD's and others'
    for (const p of agencyPosts) expect(p.coverEndDate! > asOf).toBe(true);
  });
});

describe('Tom, journey step 3: the interview target skips Easter', () => {
  it('shortlisting on the default Monday gives an interview due date after Good Friday and Easter Monday', () => {
    expect(addWorkingDays(DEFAULT_DEMO_AS_OF, 5)).toBe('2026-04-08');
    expect(workingDaysBetween(DEFAULT_DEMO_AS_OF, '2026-04-08')).toBe(5);
  });
});
