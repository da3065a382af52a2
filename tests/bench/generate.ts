import { addDays } from '#shared/calendar';
import type { ReportInput } from '#shared/measures/index';
import type { Post, Team } from '#shared/schema/establishment';
import { DEFAULT_SETTINGS } from '#shared/schema/organisation';
import { SOURCES, type Application, type Vacancy } from '#shared/schema/recruitment';
import { OPEN_STAGES, type StageEvent } from '#shared/schema/stage';

/** mulberry32: a small seeded generator, so every run measures the same data. */
function random(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const uuid = (kind: number, n: number) => `0190a6f0-000${kind}-7000-8000-${String(n).padStart(12, '0')}`;

/** The teams the vacancies name, as records: a push must create them before the vacancies that reference them. */
export function teamsOf(vacancies: readonly Vacancy[]): Team[] {
  const ids = [...new Set(vacancies.flatMap((v) => v.teamIds ?? []))];
  return ids.map((id, i) => ({ id, name: `Team ${i}`, type: 'assessment' }));
}

/** 10,000 applications with exactly 10 stage events each over 200 vacancies and 40 teams. */
export function generate(applications = 10_000, eventsEach = 10): ReportInput {
  const rnd = random(20260402);
  const int = (n: number) => Math.floor(rnd() * n);
  const teams = Array.from({ length: 40 }, (_, i) => uuid(1, i));
  const vacancies: Vacancy[] = Array.from({ length: 200 }, (_, i) => ({
    id: uuid(2, i), title: `Vacancy ${i}`, teamIds: [teams[i % 40]!], role: i % 3 ? 'social_worker' : 'senior_social_worker', posts: 1 + (i % 3),
    mode: i % 2 ? 'rolling' : 'closing-date', openedDate: addDays('2025-01-06', int(500)), status: 'open',
  }));
  for (const v of vacancies) if (v.mode === 'closing-date') v.closingDate = addDays(v.openedDate!, 28);
  const apps: Application[] = [];
  const events: StageEvent[] = [];
  let eventId = 0;
  for (let n = 0; n < applications; n++) {
    const vacancy = vacancies[int(vacancies.length)]!;
    const received = addDays(vacancy.openedDate!, int(60));
    const app: Application = {
      id: uuid(3, n), vacancyId: vacancy.id, name: `Candidate ${n}`, source: SOURCES[int(SOURCES.length)]!, referrer: 'R',
      experience: rnd() < 0.3 ? 'nqsw' : 'experienced', receivedDate: received,
    };
    apps.push(app);
    const furthest = int(OPEN_STAGES.length);
    const exits = furthest < OPEN_STAGES.length - 1 && rnd() < 0.6;
    const stages: string[] = [...OPEN_STAGES.slice(0, furthest + 1)];
    // Pad to the event count with re-bookings (or repeated records of the first stage), as replicas produce.
    const pad = eventsEach - stages.length - (exits ? 1 : 0);
    const padAt = stages.includes('interview_booked') ? stages.indexOf('interview_booked') : 0;
    stages.splice(padAt, 0, ...Array<string>(pad).fill(stages[padAt]!));
    if (exits) stages.push(rnd() < 0.5 ? 'rejected' : 'withdrawn');
    let ms = Date.parse(`${received}T09:00:00Z`);
    for (const stage of stages) {
      ms += int(6 * 86_400_000);
      events.push({
        id: uuid(4, eventId++), applicationId: app.id, stage: stage as StageEvent['stage'], at: new Date(ms).toISOString(), by: 'u',
        reason: stage === 'rejected' ? 'not_qualified' : stage === 'withdrawn' ? 'declined_offer' : null,
        interviewAt: stage === 'interview_booked' ? new Date(ms + 3 * 86_400_000).toISOString() : null,
      });
    }
  }
  // Shuffle arrival order, as sync delivers it; then copy, as records read back from
  // storage are laid out in memory in the order they are read.
  for (let i = events.length - 1; i > 0; i--) {
    const j = int(i + 1);
    [events[i], events[j]] = [events[j]!, events[i]!];
  }
  const stored = structuredClone(events);
  const covers: Post['cover'][] = ['permanent', 'permanent', 'permanent', 'agency', 'vacant', 'interim'];
  const posts: Post[] = Array.from({ length: 600 }, (_, i) => ({ id: uuid(5, i), teamId: teams[i % 40]!, role: 'social_worker', fte: 1, cover: covers[i % 6]! }));
  return { applications: apps, events: stored, vacancies, adverts: [], posts, settings: DEFAULT_SETTINGS, asOf: '2026-11-30' };
}

