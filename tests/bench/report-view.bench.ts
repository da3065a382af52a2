import { bench, describe } from 'vitest';
import { generateDemoCouncil } from '#demo/index';
import type { CentralData } from '../../extension/ui/workspace/central-team/data';
import { establishment } from '../../extension/ui/workspace/central-team/establishmentModel';
import { buildReport } from '../../extension/ui/workspace/central-team/reportModel';

// What the central team's pages compute on each change of filters, over the demo council.
const asOf = '2026-11-22';
const demo = generateDemoCouncil({ asOf });
const data: CentralData = {
  teams: demo.records.teams,
  posts: demo.records.posts,
  vacancies: demo.records.vacancies,
  adverts: demo.records.adverts,
  applications: demo.records.applications,
  events: demo.records.stage_events,
  slots: demo.records.rota_slots,
  people: [],
  settings: demo.settings,
  organisation: demo.organisation.name,
  userId: 'user-amira',
  asOf,
};

describe(`report page over the demo council (${data.applications.length} applications, ${data.events.length} stage events)`, () => {
  bench('this quarter, all teams', () => {
    buildReport(data, { period: 'this-quarter' });
  });
  bench('last 12 months, one team', () => {
    buildReport(data, { period: 'last-12-months', teamId: demo.journeys.cwd.teamId });
  });
  bench('establishment: rates per team and overall', () => {
    establishment(data.teams, data.posts, asOf);
  });
});
