import { describe, expect, it } from 'vitest';
import { addDays, londonDateOf, mondayOf } from '#shared/calendar';
import { DEFAULT_DEMO_AS_OF, generateDemoCouncil, type DemoRecords } from '#demo/index';
import { CHECK_KINDS, describeIssues, EXIT_STAGES, OPEN_STAGES, REJECTION_REASONS, SOURCES, SYNC_TABLES, WITHDRAWAL_REASONS } from '#shared/schema/index';
import { currentStage, historyByApplication, withdrawalReasons } from './figures';

const asOf = DEFAULT_DEMO_AS_OF;
const data = generateDemoCouncil({ asOf });
const { records } = data;
const TABLES = Object.keys(records) as Array<keyof DemoRecords>;
const UUID_V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('demo council: determinism', () => {
  it('gives byte-identical output for the same asOf and seed, and different output for another seed', () => {
    const again = generateDemoCouncil({ asOf });
    expect(JSON.stringify(again)).toBe(JSON.stringify(data));
    const other = generateDemoCouncil({ asOf, seed: 12345 });
    expect(JSON.stringify(other)).not.toBe(JSON.stringify(data));
    expect(other.records.applications[0]?.id).not.toBe(records.applications[0]?.id);
  });

  it('generates well under a second', () => {
    const t0 = performance.now();
    generateDemoCouncil({ asOf: '2026-11-23', seed: 9 });
    expect(performance.now() - t0).toBeLessThan(1000);
  });
});

describe('demo council: records', () => {
  it('every record passes its table schema', () => {
    for (const table of TABLES) {
      const schema = SYNC_TABLES[table].schema;
      for (const record of records[table]) {
        const result = schema.safeParse(record);
        if (!result.success) throw new Error(`${table} ${JSON.stringify(record)}: ${describeIssues(result.error).join('; ')}`);
      }
    }
  });

  it('ids are unique v7-shaped UUIDs', () => {
    const ids = TABLES.flatMap((t) => records[t].map((r) => r.id));
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(UUID_V7);
  });

  it('has the volumes of a mid-sized council', () => {
    expect(records.teams).toHaveLength(8);
    expect(records.posts).toHaveLength(120);
    expect(records.vacancies).toHaveLength(25);
    expect(records.applications).toHaveLength(400);
    expect(new Set(records.vacancies.map((v) => v.status))).toEqual(new Set(['open', 'closed', 'filled', 'cancelled']));
    expect(new Set(records.vacancies.map((v) => v.mode))).toEqual(new Set(['rolling', 'closing-date']));
    expect(new Set(records.vacancies.map((v) => v.role)).size).toBeGreaterThanOrEqual(7);
    expect(new Set(records.teams.map((t) => t.type)).size).toBeGreaterThanOrEqual(7);
    expect(records.rota_slots.length).toBeGreaterThan(400);
  });

  it('names the people of the journeys, with roles', () => {
    const byId = new Map(data.users.map((u) => [u.id, u]));
    expect(byId.get('user-priya')).toMatchObject({ name: 'Priya Shah', role: 'coordinator' });
    expect(byId.get('user-tom')).toMatchObject({ name: 'Tom Okafor', role: 'manager' });
    expect(byId.get('user-amira')).toMatchObject({ name: 'Amira Haddad', role: 'central' });
    expect(byId.get('user-sam')).toMatchObject({ name: 'Sam Kerr', role: 'admin' });
    expect(data.users.filter((u) => u.role === 'manager').length).toBeGreaterThanOrEqual(9);
    expect(data.users.filter((u) => u.role === 'coordinator')).toHaveLength(3);
    expect(byId.size).toBe(data.users.length);
    expect(data.organisation.name).toBe('Wessex Borough Council');
  });

  it('keeps referential integrity', () => {
    const teams = new Set(records.teams.map((t) => t.id));
    const vacancies = new Set(records.vacancies.map((v) => v.id));
    const applications = new Set(records.applications.map((a) => a.id));
    const users = new Set(data.users.map((u) => u.id));
    const managers = new Set(data.users.filter((u) => u.role === 'manager').map((u) => u.id));
    for (const p of records.posts) expect(teams.has(p.teamId)).toBe(true);
    for (const v of records.vacancies) for (const t of v.teamIds) expect(teams.has(t)).toBe(true);
    for (const a of records.adverts) expect(vacancies.has(a.vacancyId)).toBe(true);
    for (const a of records.applications) {
      expect(vacancies.has(a.vacancyId)).toBe(true);
      if (a.assignedTo) expect(managers.has(a.assignedTo)).toBe(true);
    }
    for (const e of records.stage_events) {
      expect(applications.has(e.applicationId)).toBe(true);
      expect(users.has(e.by)).toBe(true);
    }
    for (const c of records.checks) expect(applications.has(c.applicationId)).toBe(true);
    for (const s of records.rota_slots) {
      expect(managers.has(s.managerId)).toBe(true);
      if (s.teamId) expect(teams.has(s.teamId)).toBe(true);
      if (s.vacancyId) expect(vacancies.has(s.vacancyId)).toBe(true);
      expect(!!s.teamId || !!s.vacancyId).toBe(true);
    }
  });

  it('adverts: Community Care Jobs URLs with numeric ids, plus microsite and other boards', () => {
    const cc = records.adverts.filter((a) => a.board === 'Community Care Jobs');
    expect(cc).toHaveLength(24); // every vacancy but the one created last week
    for (const a of cc) {
      expect(a.externalId).toMatch(/^\d+$/);
      expect(a.url).toBe(`https://jobs.communitycare.co.uk/job/${a.externalId}/${a.url.split('/')[5]}/`);
      expect(a.url).toMatch(/^https:\/\/jobs\.communitycare\.co\.uk\/job\/\d+\/[a-z0-9-]+\/$/);
    }
    expect(new Set(cc.map((a) => a.externalId)).size).toBe(cc.length);
    expect(records.adverts.some((a) => a.board === 'Council microsite')).toBe(true);
    expect(records.adverts.some((a) => a.board === 'Guardian Jobs' || a.board === 'Indeed')).toBe(true);
  });

  it('applications: six months of fictional candidates from weighted sources', () => {
    const windowStart = '2025-09-30';
    for (const a of records.applications) {
      expect(a.receivedDate >= windowStart && a.receivedDate < asOf).toBe(true);
      if (a.erased) continue;
      expect(a.email).toMatch(/@example\.(org|com)$/);
      expect(a.atsReference).toMatch(/^TP-\d{6}$/);
      if (a.source === 'referral') expect(a.referrer).toBeTruthy();
    }
    const live = records.applications.filter((a) => !a.erased);
    expect(new Set(live.map((a) => a.email)).size).toBe(live.length);
    expect(new Set(live.map((a) => a.atsReference)).size).toBe(live.length);
    const bySource = new Map<string, number>();
    for (const a of records.applications) bySource.set(a.source, (bySource.get(a.source) ?? 0) + 1);
    const ranked = [...bySource.entries()].sort((x, y) => y[1] - x[1]);
    expect(ranked[0]?.[0]).toBe('community_care');
    for (const s of SOURCES.filter((s) => s !== 'other')) expect(bySource.get(s) ?? 0).toBeGreaterThan(0);
    expect(new Set(records.applications.map((a) => a.experience))).toEqual(new Set(['nqsw', 'experienced']));
    expect(records.applications.filter((a) => a.erased)).toHaveLength(1);
  });
});

describe('demo council: stage histories', () => {
  const histories = historyByApplication(data);
  const appById = new Map(records.applications.map((a) => [a.id, a]));

  it('every application starts at Applied on its received date and moves one stage at a time', () => {
    expect(histories.size).toBe(records.applications.length);
    for (const [id, events] of histories) {
      const app = appById.get(id)!;
      expect(events[0]?.stage).toBe('applied');
      expect(londonDateOf(events[0]!.at)).toBe(app.receivedDate);
      let position = 0;
      let exited = false;
      for (const e of events.slice(1)) {
        expect(exited, `${id}: nothing after an exit`).toBe(false);
        if ((EXIT_STAGES as readonly string[]).includes(e.stage)) {
          exited = true;
          continue;
        }
        const next = (OPEN_STAGES as readonly string[]).indexOf(e.stage);
        expect(next, `${id}: ${OPEN_STAGES[position]} -> ${e.stage}`).toBe(position + 1);
        position = next;
      }
    }
  });

  it('exits carry a reason of the right kind, and withdrawals are mostly "took another job"', () => {
    for (const e of records.stage_events) {
      if (e.stage === 'rejected') expect(REJECTION_REASONS).toContain(e.reason);
      if (e.stage === 'withdrawn') expect(WITHDRAWAL_REASONS).toContain(e.reason);
    }
    const reasons = withdrawalReasons(data);
    const total = Object.values(reasons).reduce((s, n) => s + n, 0);
    const ranked = Object.entries(reasons).sort((a, b) => b[1] - a[1]);
    expect(ranked[0]?.[0]).toBe('took_another_job');
    expect((reasons.took_another_job ?? 0) / total).toBeGreaterThan(0.4);
    for (const r of ['salary', 'location', 'declined_offer']) expect(reasons[r] ?? 0).toBeGreaterThan(0);
    const rejections = records.stage_events.filter((e) => e.stage === 'rejected').length;
    expect(rejections).toBeGreaterThan(total); // we turn down more than leave
  });

  it('events are in time order, strictly within each application, and nothing happens on or after asOf', () => {
    const ats = records.stage_events.map((e) => e.at);
    expect([...ats].sort()).toEqual(ats);
    for (const events of histories.values()) {
      for (let i = 1; i < events.length; i++) expect(events[i]!.at > events[i - 1]!.at).toBe(true);
    }
    for (const e of records.stage_events) expect(londonDateOf(e.at) < asOf).toBe(true);
  });

  it('interviews are booked with a time, and held on the booked day', () => {
    for (const events of histories.values()) {
      const booked = events.find((e) => e.stage === 'interview_booked');
      const held = events.find((e) => e.stage === 'interviewed');
      if (booked) expect(booked.interviewAt).toBeTruthy();
      if (held) {
        expect(booked).toBeDefined();
        expect(londonDateOf(held.at)).toBe(londonDateOf(booked!.interviewAt!));
        expect(held.at > booked!.interviewAt!).toBe(true);
      }
    }
  });

  it('records who did what: managers decide, coordinators book', () => {
    const role = new Map(data.users.map((u) => [u.id, u.role]));
    for (const e of records.stage_events) {
      if (e.stage === 'shortlisted' || e.stage === 'interviewed' || e.stage === 'offered') expect(role.get(e.by)).toBe('manager');
      if (e.stage === 'interview_booked' || e.stage === 'accepted') expect(role.get(e.by)).toBe('coordinator');
    }
  });

  it('open vacancies have candidates at every stage; filled ones ended in hires', () => {
    const stageCount = new Map<string, number>();
    for (const events of histories.values()) {
      const s = currentStage(events)!;
      stageCount.set(s, (stageCount.get(s) ?? 0) + 1);
    }
    for (const s of [...OPEN_STAGES, ...EXIT_STAGES]) expect(stageCount.get(s) ?? 0, s).toBeGreaterThan(0);
    for (const v of records.vacancies.filter((x) => x.status === 'filled')) {
      const accepted = records.applications.filter((a) => a.vacancyId === v.id && histories.get(a.id)!.some((e) => e.stage === 'accepted'));
      expect(accepted.length, v.title).toBe(v.posts);
    }
  });
});

describe('demo council: rota and checks', () => {
  it('has one manager on each duty for each team, every week of the six months and the next four', () => {
    const teams = records.teams.map((t) => t.id);
    const from = mondayOf('2025-09-30');
    const to = addDays(mondayOf(asOf), 28);
    const weeks = new Set(records.rota_slots.map((s) => s.week));
    for (let w = from; w <= to; w = addDays(w, 7)) {
      expect(weeks.has(w), w).toBe(true);
      for (const team of teams) {
        for (const duty of ['shortlisting', 'interviewing'] as const) {
          expect(records.rota_slots.filter((s) => s.week === w && s.teamId === team && s.duty === duty), `${w} ${duty}`).toHaveLength(1);
        }
      }
    }
    expect([...weeks].every((w) => w >= from && w <= to)).toBe(true);
  });

  it('checks every accepted candidate, in date order; some still outstanding with the start date on hold', () => {
    const histories = historyByApplication(data);
    const accepted = records.applications.filter((a) => histories.get(a.id)!.some((e) => e.stage === 'accepted'));
    expect(accepted.length).toBeGreaterThanOrEqual(20);
    let outstanding = 0;
    for (const app of accepted) {
      const checks = records.checks.filter((c) => c.applicationId === app.id);
      expect(checks.map((c) => c.kind).sort()).toEqual([...CHECK_KINDS].sort());
      const complete = histories.get(app.id)!.find((e) => e.stage === 'checks_complete');
      for (const c of checks) {
        if (c.notApplicable) continue;
        if (c.received) expect(c.requested! <= c.received).toBe(true);
        if (c.cleared) expect(c.received! <= c.cleared).toBe(true);
        if (complete) expect(c.cleared && c.cleared <= londonDateOf(complete.at)).toBeTruthy();
      }
      if (!complete && checks.some((c) => !c.notApplicable && !c.cleared)) {
        outstanding++;
        expect(checks.some((c) => c.note?.startsWith('Start date on hold'))).toBe(true);
      }
    }
    expect(outstanding).toBeGreaterThan(0);
    expect(records.checks.some((c) => c.kind === 'overseas_conduct' && !c.notApplicable)).toBe(true);
  });
});

describe('demo generator: runs anywhere', () => {
  it('uses no Node, DOM or clock APIs, and imports only shared code (Workers runtime and browser safe)', async () => {
    const { readdirSync, readFileSync } = await import('node:fs');
    const dir = new URL('../../../demo/', import.meta.url);
    const files = readdirSync(dir).filter((f) => f.endsWith('.ts'));
    expect(files.length).toBeGreaterThanOrEqual(10);
    for (const file of files) {
      const source = readFileSync(new URL(file, dir), 'utf8');
      expect(source, file).not.toMatch(/from ['"]node:|require\(|process\.|\bdocument\.|\bwindow\.|Date\.now\(|new Date\(\)|Math\.random/);
      for (const [, spec] of source.matchAll(/from '([^']+)'/g)) expect(spec, `${file} imports ${spec}`).toMatch(/^\.\.?\//);
    }
  });
});
