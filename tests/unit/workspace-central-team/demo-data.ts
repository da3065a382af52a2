import { generateDemoCouncil, type DemoCouncil } from '#demo/index';
import type { CentralData } from '../../../extension/ui/workspace/central-team/data';

/** The demo council as the central team's pages read it (what `loadCentralData` returns), signed in as Amira. */
export function demoCentralData(asOf: string): { demo: DemoCouncil; data: CentralData } {
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
  return { demo, data };
}
