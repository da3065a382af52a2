/**
 * The shortlisting and interviewing rota: every week of the six months and the next four,
 * each team has one manager on each duty. Team managers pair up and alternate weekly; in the
 * week of asOf every team manager shortlists for their own team (so Tom shortlists Children
 * in Care this week), and the service manager covers interviewing one week in six.
 */
import type { RotaSlot } from '../shared/schema/index';
import { addDays, dateMs, dayNumber, mondayOf } from './dates';
import { MANAGERS, SERVICE_MANAGER, type TeamKey } from './people';
import { Rng } from './prng';

const BUDDY: Record<TeamKey, TeamKey> = {
  front_door: 'assessment',
  assessment: 'front_door',
  cp_east: 'cp_west',
  cp_west: 'cp_east',
  children_in_care: 'leaving_care',
  leaving_care: 'children_in_care',
  disabilities: 'fostering',
  fostering: 'disabilities',
};

export const TEAM_KEYS = Object.keys(MANAGERS) as TeamKey[];

export class Rota {
  private readonly thisWeek: number;
  constructor(asOf: string) {
    this.thisWeek = dayNumber(mondayOf(asOf));
  }

  private weekIndex(date: string): number {
    return Math.round((dayNumber(mondayOf(date)) - this.thisWeek) / 7);
  }

  /** User id on a duty for a team (null team: council-wide roles such as IRO) in the week of `date`. */
  managerFor(team: TeamKey | null, duty: RotaSlot['duty'], date: string): string {
    if (team === null) return SERVICE_MANAGER.id;
    const w = this.weekIndex(date);
    const ownWeek = ((w % 2) + 2) % 2 === 0;
    const own = MANAGERS[team].id;
    const buddy = MANAGERS[BUDDY[team]].id;
    if (duty === 'shortlisting') return ownWeek ? own : buddy;
    if (((w % 6) + 6) % 6 === 0) return SERVICE_MANAGER.id;
    return ownWeek ? buddy : own;
  }

  slots(from: string, weeksAfter: number, teamId: Record<TeamKey, string>, councilWide: Array<{ vacancyId: string; from: string; to: string }>, seed: number): RotaSlot[] {
    const rng = new Rng(seed, 'rota');
    const out: RotaSlot[] = [];
    for (let week = mondayOf(from); dayNumber(week) <= this.thisWeek + 7 * weeksAfter; week = addDays(week, 7)) {
      // Slots were planned a month ahead: their ids carry that time.
      const createdMs = dateMs(addDays(week, -28));
      for (const team of TEAM_KEYS) {
        for (const duty of ['shortlisting', 'interviewing'] as const) {
          out.push({ id: rng.uuid(createdMs), week, duty, managerId: this.managerFor(team, duty, week), teamId: teamId[team] });
        }
      }
      // Council-wide recruitments (no team) get a slot scoped to the vacancy while it runs.
      for (const c of councilWide) {
        if (week >= mondayOf(c.from) && week <= mondayOf(c.to)) {
          for (const duty of ['shortlisting', 'interviewing'] as const) {
            out.push({ id: rng.uuid(createdMs), week, duty, managerId: SERVICE_MANAGER.id, vacancyId: c.vacancyId });
          }
        }
      }
    }
    return out;
  }
}
