/**
 * The ids and facts each journey of design/journeys.md starts from, read off the generated
 * records (and, for the untracked advert and the returning candidate, made up to fit them).
 */
import type { Advert } from '../shared/schema/index';
import type { ApplicationsResult } from './applications';
import { addDays, addMonths, mondayOf } from './dates';
import type { Establishment } from './establishment';
import { COMMUNITY_CARE_ORIGIN, slugify } from './names';
import { PRIYA, TOM } from './people';
import type { Era } from './pipeline';
import { Rng } from './prng';
import type { DemoJourneys } from './types';
import type { AdvertIds, DemoVacancy, VacancyKey } from './vacancies';

export interface JourneysInput {
  asOf: string;
  seed: number;
  era: Era;
  establishment: Establishment;
  vacancies: readonly DemoVacancy[];
  adverts: readonly Advert[];
  ids: AdvertIds;
  apps: ApplicationsResult;
}

export function journeysOf(input: JourneysInput): Omit<DemoJourneys, 'retention'> {
  const { asOf, seed, era, establishment, vacancies, adverts, ids, apps } = input;
  const byKey = (key: VacancyKey) => {
    const v = vacancies.find((x) => x.spec.key === key);
    if (!v) throw new Error(`no vacancy ${key}`);
    return v;
  };
  const cic = byKey('cic_sw');
  const cicAdvert = adverts.find((a) => a.vacancyId === cic.record.id && a.board === 'Community Care Jobs');
  if (!cicAdvert?.externalId) throw new Error('demo: Priya’s advert is missing');
  const newAssessment = byKey('assessment_ssw_new');
  // An id in the board's range that no tracked advert uses.
  const rng = new Rng(seed, 'journeys');
  let untrackedId = String(4_290_000 + rng.int(0, 9_999));
  while (ids.usedExternalIds.has(untrackedId)) untrackedId = String(Number(untrackedId) + 1);
  const cwdTeamId = establishment.teamId.disabilities;
  const nextMonth = addMonths(`${asOf.slice(0, 7)}-01`, 1).slice(0, 7);

  return {
    priya: {
      userId: PRIYA.id,
      vacancyId: cic.record.id,
      advertId: cicAdvert.id,
      advertUrl: cicAdvert.url,
      externalId: cicAdvert.externalId,
      ...apps.facts.priya,
      interviewsDueBy: addDays(mondayOf(asOf), 3),
    },
    tom: { userId: TOM.id, teamId: establishment.teamId.children_in_care, queue: apps.facts.tomQueue },
    untrackedAdvert: {
      vacancyId: newAssessment.record.id,
      externalId: untrackedId,
      title: newAssessment.record.title,
      reference: newAssessment.record.reference ?? '',
      closingDate: newAssessment.record.closingDate ?? '',
      url: `${COMMUNITY_CARE_ORIGIN}/job/${untrackedId}/${slugify(newAssessment.record.title)}/`,
    },
    returningCandidate: {
      earlierApplicationId: apps.facts.duplicate.applicationId,
      name: apps.facts.duplicate.name,
      email: apps.facts.duplicate.email,
      newAtsReference: `TP-${200_000 + apps.nextReferenceNumber * 7 + 3}`,
      vacancyId: cic.record.id,
    },
    cwd: {
      teamId: cwdTeamId,
      agencyEndingNextMonth: establishment.posts
        .filter((p) => p.teamId === cwdTeamId && p.cover === 'agency' && p.coverEndDate?.startsWith(nextMonth))
        .map((p) => p.id),
    },
    erasedApplicationId: apps.facts.erasedApplicationId,
    quarter: { start: era.quarterStart, previousStart: era.previousQuarterStart },
  };
}
