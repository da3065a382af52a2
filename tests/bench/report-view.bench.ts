import { bench, describe } from 'vitest';
import { establishment } from '../../extension/ui/workspace/central-team/establishmentModel';
import { buildReport } from '../../extension/ui/workspace/central-team/reportModel';
import { demoCentralData } from '../unit/workspace-central-team/demo-data';

// What the central team's pages compute on each change of filters, over the demo council.
const asOf = '2026-11-22';
const { demo, data } = demoCentralData(asOf);

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
