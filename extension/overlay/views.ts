import type { PageFacts } from '@/messages/overlay';
import type { ExitReason, Stage } from '#shared/labels';
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

/** An earlier application that looks like this person: the facts; the frame words them (ui/duplicate-words.ts). */
export interface Duplicate {
  applicationId: string;
  name: string;
  matchedOn: 'ATS reference' | 'email' | 'name';
  receivedDate: string;
  /** Null when the vacancy is not in this browser. */
  vacancyTitle: string | null;
  stage: Stage;
  /** For a rejection or withdrawal: its reason, if one was given. */
  exit: { reason: ExitReason | null } | null;
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

/** What the content script read from the page, with the address the background took from the tab. */
export type OverlayPage = PageFacts & { url: string };

/** Where the overlay sits on a site, and whether it is folded to its tab (kept per host in the extension's storage). */
export interface Placement {
  right: number;
  bottom: number;
  collapsed: boolean;
}

export type PageView = { advert: AdvertView } | { candidate: CandidateView } | { listing: ListingBadge[] };

/** Everything the overlay frame shows for its session. */
export interface FrameView {
  page: OverlayPage;
  /** The tab's host: placement is remembered per site. */
  host: string;
  view: PageView;
}

/**
 * A tracked advert's counts without a single candidate in them (no names, emails, notes or
 * outcomes): what the content script may draw at once, in a closed root, before the frame
 * with the full panel has loaded.
 */
export interface AdvertSummary {
  vacancy: Omit<TrackedAdvertView['vacancy'], 'id'>;
  counts: Partial<Record<Stage, number>>;
  total: number;
  overdue: number;
  /** How many next-due items the panel lists (it shows at most five). */
  dueNext: number;
}

/** The summary of a tracked advert's view; nothing for any other view (candidate pages stay frame-only). */
export function summaryOf(view: PageView): AdvertSummary | undefined {
  if (!('advert' in view) || !view.advert.tracked) return undefined;
  const { vacancy: { id: _id, ...vacancy }, counts, total, overdue, next } = view.advert;
  return { vacancy, counts, total, overdue: overdue.length, dueNext: next.length };
}

/** The content script's answer to "this tab shows this page". */
export interface OverlayOpened {
  session: string;
  placement: Placement;
  /** For listing pages: the badges to put beside the jobs the council tracks. */
  badges: ListingBadge[];
  /** For a tracked advert: its counts, drawn by the content script until the frame takes over. */
  summary?: AdvertSummary;
}

/** How a refused session begins its error: the frame then shows nothing (it may be framed by the page itself). */
export const NO_SESSION = 'No overlay session';
