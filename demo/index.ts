/**
 * The demo council: `generateDemoCouncil({ asOf })` returns a believable English council's
 * recruitment data for the six months to `asOf`, every record valid against its schema in
 * shared/schema, deterministic for a given (asOf, seed). Pure TypeScript: runs in Node, the
 * Workers runtime and the browser. The journeys of design/journeys.md are built in; see
 * `journeys` in the result for the ids end-to-end tests need.
 */
import { settingsSchema } from '../shared/schema/index';
import { generateApplications } from './applications';
import { addDays, addMonths, addWorkingDays, quarterStart } from './dates';
import { censusRates, generateEstablishment, TEAM_SPECS } from './establishment';
import { ORGANISATION_NAME } from './names';
import { journeysOf } from './journeys';
import { DEMO_USERS, MANAGERS, SERVICE_MANAGER, type TeamKey } from './people';
import { Rota } from './rota';
import type { DemoCouncil, DemoOptions } from './types';
import { generateRetention } from './retention';
import { generateAdverts, generateVacancies } from './vacancies';

export { censusRates } from './establishment';
export { DEMO_USERS, PRIYA, TOM, AMIRA, SAM, PRINCIPAL_SOCIAL_WORKER, HR_BUSINESS_PARTNER } from './people';
export type { DemoCouncil, DemoJourneys, DemoOptions, DemoRecords, DemoRole, DemoUser } from './types';
export { Rng, Quota } from './prng';
export { communityCareJobPage, communityCareListingPage, tribepadJobPage, atsCandidatePage, escapeHtml, jsonInScript, isExpired, salaryText, COMMUNITY_CARE_HOST, ATS_HOST } from './pages';
export type { JobPageOptions } from './pages';
export { demoPageRoutes, localDemoPath, mappedUrl } from './routes';
export type { DemoPageRoute, IndexLinks } from './routes';
export { demoAtsCsvExport, csvField, CSV_HEADER, CSV_SOURCE_TEXT } from './csv';
export type { DemoCsvExport, CsvProblem, CsvDuplicate } from './csv';
export { ORGANISATION_NAME, slugify } from './names';

export const DEFAULT_DEMO_SEED = 20260330;
/**
 * The journeys read best on a Monday at the end of a quarter, the week before Easter
 * (Tom's interview targets skip Good Friday and Easter Monday).
 */
export const DEFAULT_DEMO_AS_OF = '2026-03-30';
/** Weeks of rota planned after asOf. */
const ROTA_WEEKS_AHEAD = 4;
/** The council's settings: five working days to shortlist and to interview, England and Wales holidays. */
const DEMO_SETTINGS = {
  division: 'england-and-wales',
  shortlistWorkingDays: 5,
  interviewWorkingDays: 5,
  // Offer decision after interview, and checks after acceptance (domain.md examples).
  stageTargets: { interviewed: { ideal: 2, max: 5 }, offered: { ideal: 5, max: 10 }, accepted: { ideal: 20, max: 30 } },
  retentionMonths: 6,
};

export function generateDemoCouncil(options: DemoOptions): DemoCouncil {
  const { asOf } = options;
  const seed = (options.seed ?? DEFAULT_DEMO_SEED) >>> 0;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(asOf)) throw new RangeError(`asOf must be a date written YYYY-MM-DD, not ${JSON.stringify(asOf)}`);
  const cutoff = addDays(asOf, -1);
  const windowStart = addMonths(asOf, -6);
  const q0 = quarterStart(asOf);
  const era = { quarterStart: q0, previousQuarterStart: addMonths(q0, -3), cutoff };

  const establishment = generateEstablishment(asOf, seed);
  const ctx = { asOf, cutoff, windowStart, teamId: establishment.teamId };
  const vacancies = generateVacancies(ctx, seed);
  const { adverts, ids } = generateAdverts(vacancies, ctx, seed);
  const rota = new Rota(asOf);
  const teamName = Object.fromEntries(TEAM_SPECS.map((t) => [t.key, t.name])) as Record<TeamKey, string>;
  const apps = generateApplications({ asOf, era, vacancies, teamName, rota, seed });
  const councilWide = vacancies
    .filter((v) => v.spec.teams.length === 0)
    .map((v) => ({ vacancyId: v.record.id, from: v.record.openedDate ?? windowStart, to: addWorkingDays(v.record.closingDate ?? asOf, 15) }));
  const rotaSlots = rota.slots(windowStart, ROTA_WEEKS_AHEAD, establishment.teamId, councilWide, seed);

  const journeys = journeysOf({ asOf, seed, era, establishment, vacancies, adverts, ids, apps });
  const retention = generateRetention({
    asOf,
    seed,
    establishment,
    vacancies: vacancies.map((v) => v.record),
    applications: apps.applications,
    stageEvents: apps.stageEvents,
  });

  return {
    asOf,
    seed,
    organisation: { name: ORGANISATION_NAME },
    users: DEMO_USERS.map((u) => ({ ...u })),
    settings: settingsSchema.parse(DEMO_SETTINGS),
    records: {
      teams: establishment.teams,
      posts: establishment.posts,
      vacancies: vacancies.map((v) => v.record),
      adverts,
      applications: apps.applications,
      stage_events: apps.stageEvents,
      rota_slots: rotaSlots,
      checks: apps.checks,
      ...retention.records,
    },
    journeys: { ...journeys, retention: retention.journey },
  };
}

/** Managers by team key and the service manager, for tests and demo pages. */
export const DEMO_MANAGERS = { ...MANAGERS, service: SERVICE_MANAGER };
/** Census rates of the whole establishment (domain.md definitions). */
export const demoRates = (data: DemoCouncil) => censusRates(data.records.posts);
