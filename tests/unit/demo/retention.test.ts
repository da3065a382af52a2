import { describe, expect, it } from 'vitest';
import { addDays } from '#shared/calendar';
import { addMonths } from '#shared/retention';
import { DEFAULT_EXIT_THEMES, type Staff } from '#shared/schema/index';
import { clawbacksIfLeftToday, holderOf, inPostOn, referralRewards } from '#shared/staff/index';
import { DEFAULT_DEMO_AS_OF, DEMO_MANAGERS, generateDemoCouncil, HR_BUSINESS_PARTNER, PRINCIPAL_SOCIAL_WORKER } from '#demo/index';

// The retention side of the demo council (demo/retention.ts) looks like the seeds of issue 16.

const lastCensusDay = (date: string) => (date.slice(5) > '09-30' ? `${date.slice(0, 4)}-09-30` : `${Number(date.slice(0, 4)) - 1}-09-30`);

describe.each([DEFAULT_DEMO_AS_OF, '2026-11-23', '2027-06-14'])('demo retention as of %s', (asOf) => {
  const data = generateDemoCouncil({ asOf });
  const r = data.records;
  const cutoff = addDays(asOf, -1);
  /** FTE leavers in the year to `to` ÷ FTE in post on `to` (the census definition). */
  const turnover = (to: string) => {
    const left = r.leavers.filter((l) => l.leavingDate > addMonths(to, -12) && l.leavingDate <= to);
    return left.reduce((a, l) => a + l.fte, 0) / r.staff.filter((s) => inPostOn(s, r.leavers, to)).reduce((a, s) => a + s.fte, 0);
  };

  it('turns over about 16% a year, in the census year to 30 September and in the rolling year', () => {
    for (const to of [lastCensusDay(cutoff), cutoff]) {
      expect(turnover(to), to).toBeGreaterThan(0.13);
      expect(turnover(to), to).toBeLessThan(0.19);
    }
    expect(r.leavers.every((l) => l.leavingDate <= cutoff)).toBe(true);
    expect(new Set(r.leavers.map((l) => l.destination)).size).toBeGreaterThanOrEqual(4);
    expect(new Set(r.leavers.map((l) => l.reason)).size).toBeGreaterThanOrEqual(5);
  });

  it('is consistent with the establishment: one holder per permanent post, leavers freed the posts that are free or were refilled after', () => {
    const posts = new Map(r.posts.map((p) => [p.id, p]));
    for (const p of r.posts) {
      const holders = r.staff.filter((s) => s.postId === p.id && inPostOn(s, r.leavers, cutoff));
      expect(holders.length, `${p.cover} post ${p.id}`).toBe(p.cover === 'permanent' ? 1 : 0);
    }
    for (const l of r.leavers) {
      const person = r.staff.find((s) => s.id === l.staffId)!;
      expect(person.postId).toBe(l.postId);
      expect(person.startDate < l.leavingDate).toBe(true);
      // Whoever holds the post now started after the leaver went.
      const now = holderOf(l.postId, r.staff, r.leavers, cutoff);
      if (now) expect(now.startDate > l.leavingDate).toBe(true);
      else expect(['vacant', 'agency']).toContain(posts.get(l.postId)!.cover);
    }
  });

  it('makes each demo starter the holder of a post of their vacancy (a hire that starts becomes the holder)', () => {
    const started = new Set(r.stage_events.filter((e) => e.stage === 'started').map((e) => e.applicationId));
    const hires = r.staff.filter((s) => s.applicationId);
    expect(hires.length).toBeGreaterThan(5);
    for (const s of hires) {
      expect(started.has(s.applicationId!)).toBe(true);
      const app = r.applications.find((a) => a.id === s.applicationId)!;
      const vacancy = r.vacancies.find((v) => v.id === app.vacancyId)!;
      expect(s).toMatchObject({ name: app.name, role: vacancy.role });
    }
  });

  it('offers every leaver an exit interview, most held with themes from the council list, notes only on held ones', () => {
    expect(r.exit_interviews.map((e) => e.leaverId).sort()).toEqual(r.leavers.map((l) => l.id).sort());
    const held = r.exit_interviews.filter((e) => e.outcome === 'held');
    expect(held.length / r.exit_interviews.length).toBeGreaterThan(0.5);
    expect(r.exit_interviews.some((e) => e.outcome === 'declined')).toBe(true);
    for (const e of r.exit_interviews) {
      for (const t of e.themes) expect(DEFAULT_EXIT_THEMES).toContain(t);
      if (e.outcome !== 'held') expect(e).toMatchObject({ themes: [] });
      if (e.outcome !== 'held') expect(e.notes ?? null).toBeNull();
      expect(e.offeredOn <= cutoff && (e.heldOn ?? e.offeredOn) <= cutoff).toBe(true);
    }
  });

  it('holds Stay conversations by the principal social worker and an HR business partner, with every outcome', () => {
    expect(new Set(r.stay_conversations.map((s) => s.heldBy))).toEqual(new Set([PRINCIPAL_SOCIAL_WORKER.id, HR_BUSINESS_PARTNER.id]));
    expect(new Set(r.stay_conversations.map((s) => s.outcome))).toEqual(new Set(['open', 'stayed', 'transferred', 'left']));
    const left = r.stay_conversations.filter((s) => s.outcome === 'left');
    for (const s of left) expect(r.leavers.some((l) => l.staffId === s.staffId && l.leavingDate > s.heldOn)).toBe(true);
    expect(data.users.map((u) => u.id)).toEqual(expect.arrayContaining([PRINCIPAL_SOCIAL_WORKER.id, HR_BUSINESS_PARTNER.id]));
    expect(r.stay_conversations.find((s) => s.id === data.journeys.retention.confidentialStay.id)).toMatchObject({ outcome: 'open' });
  });

  it('has two transfers, one moved (no leaver) and one waiting; internal moves are never leavers', () => {
    expect(r.transfers.map((t) => t.decision).sort()).toEqual(['approved', 'pending']);
    const moved = r.transfers.find((t) => t.movedOn)!;
    const person = r.staff.find((s) => s.id === moved.staffId)!;
    expect(person.postId).toBe(moved.toPostId);
    expect(r.posts.find((p) => p.id === person.postId)!.teamId).toBe(moved.toTeamId);
    expect(r.leavers.some((l) => l.staffId === moved.staffId)).toBe(false);
  });

  it('runs golden hellos and retention payments with clawbacks today, and refer-a-friend rewards', () => {
    const running = clawbacksIfLeftToday(r.incentives, r.staff, r.leavers, asOf);
    expect(new Set(running.map((c) => c.kind))).toEqual(new Set(['golden_hello', 'retention_payment']));
    for (const i of r.incentives) for (const d of i.paidOn) expect(d <= cutoff).toBe(true);
    const referrals = referralRewards(r.incentives, r.staff, r.leavers, data.settings.probationMonths, asOf);
    expect(referrals.length).toBe(r.incentives.filter((i) => i.kind === 'refer_a_friend').length);
    for (const x of referrals) expect(x.hireStaffId).not.toBeNull();
  });

  it('follows two ASYE cohorts of one intake, a programme against its control group, with leavers in each', () => {
    const [academy, control] = [r.cohorts.find((c) => !c.isControl)!, r.cohorts.find((c) => c.isControl)!];
    expect(academy.startMonth).toBe(control.startMonth);
    const members = (id: string) => r.staff.filter((s) => s.cohortId === id);
    const leftOf = (list: Staff[]) => list.filter((s) => r.leavers.some((l) => l.staffId === s.id)).length;
    expect(members(academy.id).length).toBeGreaterThanOrEqual(6);
    expect(members(control.id).length).toBeGreaterThanOrEqual(5);
    // The control group loses more, as Hampshire hopes its new programme shows.
    expect(leftOf(members(control.id)) / members(control.id).length).toBeGreaterThan(leftOf(members(academy.id)) / members(academy.id).length);
  });

  it('records thirteen confirmed weeks of caseload per team, on Mondays, around the limit of 15', () => {
    expect(r.caseload_weeks).toHaveLength(13 * r.teams.length);
    const managers = new Set(Object.values(DEMO_MANAGERS).map((m) => m.id));
    const ratios = r.caseload_weeks.map((w) => w.casesHeld / w.fteHoldingCases);
    expect(Math.min(...ratios)).toBeGreaterThan(9);
    expect(Math.max(...ratios)).toBeLessThan(21);
    expect(ratios.filter((x) => x > data.settings.caseloadLimit).length).toBeGreaterThan(0);
    expect(r.caseload_weeks.filter((w) => w.confirmedBy === null)).toHaveLength(1);
    for (const w of r.caseload_weeks) {
      expect(new Date(`${w.weekStart}T12:00:00Z`).getUTCDay()).toBe(1);
      expect(w.weekStart < asOf).toBe(true);
      if (w.confirmedBy) expect(managers.has(w.confirmedBy)).toBe(true);
    }
  });

  it('gives the retention journeys a holder of Tom\'s team, and every team its manager', () => {
    const { tomsHolder } = data.journeys.retention;
    const post = r.posts.find((p) => p.id === tomsHolder.postId)!;
    expect(r.teams.find((t) => t.id === post.teamId)).toMatchObject({ managerId: 'user-tom' });
    expect(holderOf(post.id, r.staff, r.leavers, cutoff)?.id).toBe(tomsHolder.staffId);
    expect(r.teams.every((t) => t.managerId)).toBe(true);
  });
});
