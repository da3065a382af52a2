import type { Application, Vacancy } from '#shared/schema/index';

export interface FoundCandidate {
  application: Application;
  vacancy: Vacancy | undefined;
}

/** Applications whose name, email or ATS reference contains the text (case-insensitive), newest first. */
export function findCandidates(text: string, applications: readonly Application[], vacancies: readonly Vacancy[], limit = 20): FoundCandidate[] {
  const q = text.trim().toLowerCase();
  if (q.length < 2) return [];
  const byId = new Map(vacancies.map((v) => [v.id, v]));
  return applications
    .filter((a) => [a.name, a.email, a.atsReference].some((f) => f?.toLowerCase().includes(q)))
    .sort((a, b) => (a.receivedDate < b.receivedDate ? 1 : a.receivedDate > b.receivedDate ? -1 : 0))
    .slice(0, limit)
    .map((application) => ({ application, vacancy: byId.get(application.vacancyId) }));
}
