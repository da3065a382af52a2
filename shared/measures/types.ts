import type { SocialWorkRole, Post } from '../schema/establishment';
import type { Advert, Application, Source, Vacancy } from '../schema/recruitment';
import type { StageEvent } from '../schema/stage';
import type { TargetSettings } from '../targets';

export interface ReportInput {
  applications: readonly Application[];
  events: readonly StageEvent[];
  vacancies: readonly Vacancy[];
  adverts?: readonly Advert[];
  /** The establishment as it stands, for the vacancy and agency rates. */
  posts?: readonly Post[];
  settings: TargetSettings;
  /** The report date (Europe/London): pending items are judged as of this day. */
  asOf: string;
}

export interface ReportFilters {
  /** Applications received on or after this date (vacancies opened, for time to fill). */
  from?: string;
  /** ... and on or before this date. */
  to?: string;
  /** Vacancies with any of these teams; posts in these teams. */
  teamIds?: readonly string[];
  roles?: readonly SocialWorkRole[];
  /** Application sources; does not apply to vacancy- and post-level measures. */
  sources?: readonly Source[];
  groupBy?: 'month' | 'quarter';
}

/** A rate in [0, 1], or null when the denominator is 0. */
export type Rate = number | null;

export interface Summary {
  count: number;
  mean: number | null;
  median: number | null;
  p90: number | null;
}
