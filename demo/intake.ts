/**
 * The applications being made up, as drafts, and the random streams every phase of
 * applications.ts draws from: one Intake per demo council, passed from phase to phase.
 */
import { makeCandidate, NamePool, type Candidate } from './candidates';
import { dateMs } from './dates';
import type { TeamKey } from './people';
import { Pipeline, type Draft, type Era } from './pipeline';
import { Rng } from './prng';
import type { Rota } from './rota';
import type { DemoVacancy, VacancyKey } from './vacancies';

export interface ApplicationsInput {
  asOf: string;
  era: Era;
  vacancies: readonly DemoVacancy[];
  teamName: Record<TeamKey, string>;
  rota: Rota;
  seed: number;
}

/** What every phase works on: the drafts so far and the streams they draw from. */
export class Intake {
  readonly drafts: Draft[] = [];
  readonly pipeline: Pipeline;
  private readonly names: NamePool;
  private readonly byKey: Map<VacancyKey, DemoVacancy>;

  constructor(readonly input: ApplicationsInput, readonly rng: Rng) {
    this.pipeline = new Pipeline(input.era, input.rota, new Rng(input.seed, 'pipeline'));
    this.names = new NamePool(new Rng(input.seed, 'names'));
    this.byKey = new Map(input.vacancies.map((v) => [v.spec.key, v] as const));
  }

  vacancy(key: VacancyKey): DemoVacancy {
    const found = this.byKey.get(key);
    if (!found) throw new Error(`no vacancy ${key}`);
    return found;
  }

  /** A new application, recorded as received by a coordinator. */
  receive(v: DemoVacancy, received: string, candidate?: Candidate, team?: TeamKey | null): Draft {
    const { rng } = this;
    const teams = v.spec.teams;
    const d: Draft = {
      id: rng.uuid(dateMs(received)),
      vacancy: v,
      team: team !== undefined ? team : teams.length > 1 ? rng.pick(teams) : (teams[0] ?? null),
      received,
      candidate: candidate ?? makeCandidate(v.spec.role, this.names, this.drafts.length, rng),
      steps: [],
      plan: 'generic',
    };
    this.pipeline.applied(d);
    this.drafts.push(d);
    return d;
  }

  /** An application whose story a journey tells: kept out of the generated plans. */
  scripted(v: DemoVacancy, received: string): Draft {
    const d = this.receive(v, received, undefined, v.spec.teams[0] ?? null);
    d.plan = 'scripted';
    return d;
  }

  /** The drafts of one vacancy still waiting for a plan. */
  unplanned(v: DemoVacancy): Draft[] {
    return this.drafts.filter((d) => d.vacancy === v && d.plan === 'generic');
  }
}
