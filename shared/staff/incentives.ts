import { calendarDaysBetween } from '../calendar';
import { addMonths } from '../retention';
import type { Incentive, IncentiveKind, Leaver, Staff } from '../schema/index';
import { inPostOn } from './holders';

/** One payment that would have to be repaid. */
export interface ClawbackPayment {
  paidOn: string;
  /** The first day on which leaving no longer claws this payment back. */
  clearOn: string;
  amount: number;
}

export interface Clawback {
  incentiveId: string;
  staffId: string;
  kind: IncentiveKind;
  payments: ClawbackPayment[];
  /** In pounds, to the penny. */
  total: number;
}

const pence = (x: number) => Math.round(x * 100) / 100;

/**
 * What a person would repay of one incentive if they left on `leavingDate`: every payment made
 * on or before that date whose clawback period (`clawbackMonths` from the payment) has not run
 * out. `full`: the whole payment; `pro_rata`: the share of the period not served, by days.
 * Null when nothing would be repaid.
 */
export function clawbackIfLeaving(incentive: Incentive, leavingDate: string): Clawback | null {
  if (incentive.clawbackMonths <= 0) return null;
  const payments: ClawbackPayment[] = [];
  for (const paidOn of incentive.paidOn) {
    const clearOn = addMonths(paidOn, incentive.clawbackMonths);
    if (paidOn > leavingDate || leavingDate >= clearOn) continue;
    const unserved = calendarDaysBetween(leavingDate, clearOn) / calendarDaysBetween(paidOn, clearOn);
    payments.push({ paidOn, clearOn, amount: pence(incentive.clawbackBasis === 'pro_rata' ? incentive.amount * unserved : incentive.amount) });
  }
  if (!payments.length) return null;
  const total = pence(payments.reduce((sum, p) => sum + p.amount, 0));
  return { incentiveId: incentive.id, staffId: incentive.staffId, kind: incentive.kind, payments, total };
}

/** The clawbacks that would apply if each person still in post left today, largest first. */
export function clawbacksIfLeftToday(incentives: readonly Incentive[], staff: readonly Staff[], leavers: readonly Leaver[], today: string): Clawback[] {
  const inPost = new Set(staff.filter((s) => inPostOn(s, leavers, today)).map((s) => s.id));
  return incentives
    .filter((i) => inPost.has(i.staffId))
    .map((i) => clawbackIfLeaving(i, today))
    .filter((c): c is Clawback => c !== null)
    .sort((a, b) => b.total - a.total || (a.incentiveId < b.incentiveId ? -1 : 1));
}

/**
 * Where a refer-a-friend reward stands. `waiting`: the referred hire is in probation; `due`: they
 * passed it and the reward is not paid; `paid`; `lapsed`: they left before passing it;
 * `not_started`: the referred application has not produced a starter (yet).
 */
export type ReferralStatus = 'not_started' | 'waiting' | 'due' | 'paid' | 'lapsed';

export interface ReferralReward {
  incentiveId: string;
  /** The referrer. */
  staffId: string;
  /** The referred hire's staff record, once they started. */
  hireStaffId: string | null;
  amount: number;
  /** The day the hire has passed probation (start date + probation months). */
  dueOn: string | null;
  status: ReferralStatus;
}

/** Every refer-a-friend reward and where it stands on `today`; the rewards due are `status: 'due'`. */
export function referralRewards(incentives: readonly Incentive[], staff: readonly Staff[], leavers: readonly Leaver[], probationMonths: number, today: string): ReferralReward[] {
  return incentives
    .filter((i) => i.kind === 'refer_a_friend')
    .map((i) => {
      const hire = i.referredApplicationId ? staff.find((s) => s.applicationId === i.referredApplicationId) : undefined;
      const base = { incentiveId: i.id, staffId: i.staffId, amount: i.amount };
      if (!hire) return { ...base, hireStaffId: null, dueOn: null, status: i.paidOn.length ? 'paid' : 'not_started' } satisfies ReferralReward;
      const dueOn = addMonths(hire.startDate, probationMonths);
      const leftInProbation = leavers.some((l) => l.staffId === hire.id && l.leavingDate < dueOn);
      const status: ReferralStatus = i.paidOn.length ? 'paid' : leftInProbation ? 'lapsed' : today >= dueOn ? 'due' : 'waiting';
      return { ...base, hireStaffId: hire.id, dueOn, status };
    });
}
