import type { Stage } from '#shared/schema/index';
import type { TargetStatus } from '#shared/targets';

/** What the overlay shows; built in the background from the local database, rendered in the page. */
export interface DueItem {
  applicationId: string;
  name: string;
  stage: Stage;
  label: string;
  status: TargetStatus;
}

export interface VacancyChoice {
  id: string;
  title: string;
  status: string;
  reference: string | null;
}

export interface TrackedAdvertView {
  kind: 'advert';
  tracked: true;
  vacancy: { id: string; title: string; posts: number; status: string; mode: string; closingDate: string | null };
  counts: Partial<Record<Stage, number>>;
  total: number;
  overdue: DueItem[];
  next: DueItem[];
  shortlistingThisWeek: string[];
  asOf: string;
}

export interface UntrackedAdvertView {
  kind: 'advert';
  tracked: false;
  vacancies: VacancyChoice[];
}

export interface ListingBadge {
  externalId: string;
  applicants: number;
  overdue: number;
}

export interface Duplicate {
  applicationId: string;
  name: string;
  matchedOn: 'ATS reference' | 'email' | 'name';
  summary: string;
}

export interface TrackedCandidateView {
  kind: 'candidate';
  tracked: true;
  applicationId: string;
  name: string;
  vacancyTitle: string;
  stage: Stage;
  daysInStage: number;
  target: { label: string; status: TargetStatus; dueDate: string | null };
  nextStages: Stage[];
}

export interface UntrackedCandidateView {
  kind: 'candidate';
  tracked: false;
  duplicates: Duplicate[];
  vacancies: VacancyChoice[];
}

export type AdvertView = TrackedAdvertView | UntrackedAdvertView;
export type CandidateView = TrackedCandidateView | UntrackedCandidateView;
