import { candidateName } from '#shared/names';
import type { Advert, Application, Stage } from '#shared/schema/index';
import { currentStage, exitOf, nextStages, stageHistory } from '#shared/stages';
import { applicationTarget, vacancyTargets } from '#shared/targets';
import { onDuty } from '#shared/rota';
import type { ShortlistDb } from '@/db/database';
import { nameOf, readPeople } from '@/db/people';
import { signedIn } from '@/overlay/signed-in';
import { boardOf } from '@/overlay/boards';
import type { AdvertView, CandidateView, Duplicate, ListingBadge, VacancyChoice } from '@/overlay/views';

const hostOf = (url: string) => {
  try {
    return new URL(url).host;
  } catch {
    return '';
  }
};

/** A stored advert is on a site when it is stored under the site's board or sits on the same host as the page. */
function isOnSite(advert: Advert, site: string, host: string): boolean {
  return advert.board === boardOf(site) || (host !== '' && hostOf(advert.url) === host);
}

const bareUrl = (url: string) => url.replace(/^https?:\/\//, '').replace(/\/+$/, '');
const sameUrl = (a: string, b: string) => bareUrl(a) === bareUrl(b);

/** The spellings of a URL that `sameUrl` takes as the same page and adverts are usually stored under: looked up in the url index. */
const urlSpellings = (url: string) => ['https://', 'http://'].flatMap((scheme) => [scheme + bareUrl(url), `${scheme + bareUrl(url)}/`]);

/** The tracked advert for a page: by URL, then the board's job id on the same board, then the employer's reference. */
export async function findAdvert(db: ShortlistDb, page: { url: string; site: string; externalId?: string; reference?: string }): Promise<Advert | undefined> {
  const host = hostOf(page.url);
  // The url index first (the overlay's summary waits on this); any other spelling (several trailing slashes) by reading them all.
  const byUrl = (await db.adverts.where('url').anyOf(urlSpellings(page.url)).first()) ?? (await db.adverts.filter((a) => sameUrl(a.url, page.url)).first());
  if (byUrl) return byUrl;
  if (page.externalId) {
    const byId = (await db.adverts.where('externalId').equals(page.externalId).toArray()).find((a) => isOnSite(a, page.site, host));
    if (byId) return byId;
  }
  if (page.reference) return db.adverts.where('reference').equals(page.reference).first();
  return undefined;
}

export async function vacancyChoices(db: ShortlistDb): Promise<VacancyChoice[]> {
  const all = await db.vacancies.toArray();
  const order: Record<string, number> = { open: 0, draft: 1, closed: 2, filled: 3, cancelled: 4 };
  return all
    .sort((a, b) => (order[a.status] ?? 9) - (order[b.status] ?? 9) || a.title.localeCompare(b.title))
    .map((v) => ({ id: v.id, title: v.title, status: v.status, reference: v.reference ?? null }));
}

/** The overlay on an advert: its vacancy, applicants per stage, what is due and overdue, who shortlists this week. */
export async function advertView(db: ShortlistDb, page: { url: string; site: string; externalId?: string; reference?: string }): Promise<AdvertView> {
  const advert = await findAdvert(db, page);
  const vacancy = advert ? await db.vacancies.get(advert.vacancyId) : undefined;
  if (!advert || !vacancy) return { kind: 'advert', tracked: false, vacancies: await vacancyChoices(db) };
  const { settings, asOf } = await signedIn();
  const applications = await db.applications.where('vacancyId').equals(vacancy.id).toArray();
  const events = await db.stage_events.where('applicationId').anyOf(applications.map((a) => a.id)).toArray();
  const summary = vacancyTargets(vacancy, applications, events, settings, asOf, 50);
  const people = await readPeople(db);
  const slots = await db.rota_slots.toArray();
  const item = (i: (typeof summary.next)[number]) => ({
    applicationId: i.application.id,
    name: candidateName(i.application),
    stage: i.target.stage,
    label: i.target.label,
    status: i.target.status,
  });
  const counts = Object.fromEntries(Object.entries(summary.counts).filter(([, n]) => n > 0)) as Partial<Record<Stage, number>>;
  return {
    kind: 'advert',
    tracked: true,
    vacancy: { id: vacancy.id, title: vacancy.title, posts: vacancy.posts, status: vacancy.status, mode: vacancy.mode, closingDate: vacancy.closingDate ?? null },
    counts,
    total: applications.length,
    overdue: summary.next.filter((i) => i.target.status === 'red').map(item),
    next: summary.next.filter((i) => i.target.status !== 'red').slice(0, 5).map(item),
    shortlistingThisWeek: onDuty(slots, asOf, 'shortlisting', vacancy).managerIds.map((id) => nameOf(people, id)),
    asOf,
  };
}

/** Badges for a listing page: for each listed job we track, its applicants and overdue count. */
export async function listingBadges(db: ShortlistDb, site: string, externalIds: string[], pageUrl: string): Promise<ListingBadge[]> {
  const host = hostOf(pageUrl);
  const adverts = (await db.adverts.where('externalId').anyOf(externalIds).toArray()).filter((a) => isOnSite(a, site, host));
  if (!adverts.length) return [];
  const { settings, asOf } = await signedIn();
  const badges: ListingBadge[] = [];
  for (const advert of adverts) {
    const vacancy = await db.vacancies.get(advert.vacancyId);
    if (!vacancy) continue;
    const applications = await db.applications.where('vacancyId').equals(vacancy.id).toArray();
    const events = await db.stage_events.where('applicationId').anyOf(applications.map((a) => a.id)).toArray();
    const summary = vacancyTargets(vacancy, applications, events, settings, asOf);
    badges.push({ externalId: advert.externalId!, applicants: applications.length, overdue: summary.overdue });
  }
  return badges;
}

/** Applications that look like this person: same ATS reference, same email, or same name. */
export async function findDuplicates(db: ShortlistDb, person: { reference?: string; email?: string; name?: string }): Promise<Duplicate[]> {
  const found = new Map<string, Duplicate>();
  const describe = async (a: Application, matchedOn: Duplicate['matchedOn']) => {
    if (found.has(a.id)) return;
    const events = await db.stage_events.where('applicationId').equals(a.id).toArray();
    const exit = exitOf(events);
    const vacancy = await db.vacancies.get(a.vacancyId);
    found.set(a.id, {
      applicationId: a.id,
      name: candidateName(a),
      matchedOn,
      receivedDate: a.receivedDate,
      vacancyTitle: vacancy?.title ?? null,
      stage: currentStage(events),
      exit: exit ? { reason: exit.reason } : null,
    });
  };
  if (person.reference) for (const a of await db.applications.where('atsReference').equals(person.reference).toArray()) await describe(a, 'ATS reference');
  if (person.email) for (const a of await db.applications.where('email').equalsIgnoreCase(person.email).toArray()) await describe(a, 'email');
  if (person.name) {
    const wanted = person.name.trim().toLowerCase().replace(/\s+/g, ' ');
    for (const a of await db.applications.filter((x) => (x.name ?? '').trim().toLowerCase().replace(/\s+/g, ' ') === wanted).toArray()) await describe(a, 'name');
  }
  return [...found.values()];
}

/** The overlay on a candidate page: the tracked application, or what would be a duplicate if captured. */
export async function candidateView(db: ShortlistDb, page: { reference?: string; email?: string; name?: string; url: string }): Promise<CandidateView> {
  const application =
    (page.reference ? await db.applications.where('atsReference').equals(page.reference).first() : undefined) ??
    (await db.applications.filter((a) => Boolean(a.atsUrl) && sameUrl(a.atsUrl!, page.url)).first());
  if (!application) {
    return { kind: 'candidate', tracked: false, duplicates: await findDuplicates(db, page), vacancies: await vacancyChoices(db) };
  }
  const { settings, asOf } = await signedIn();
  const vacancy = await db.vacancies.get(application.vacancyId);
  const events = await db.stage_events.where('applicationId').equals(application.id).toArray();
  const stage = currentStage(events);
  const stay = stageHistory(events, { asOf, division: settings.division }).at(-1);
  const target = vacancy ? applicationTarget(application, vacancy, events, settings, asOf) : null;
  return {
    kind: 'candidate',
    tracked: true,
    applicationId: application.id,
    name: candidateName(application),
    vacancyTitle: vacancy?.title ?? 'Unknown vacancy',
    stage,
    daysInStage: stay?.workingDays ?? 0,
    target: { label: target?.label ?? 'no target', status: target?.status ?? 'none', dueDate: target?.dueDate ?? null },
    nextStages: [...nextStages(stage)],
  };
}
