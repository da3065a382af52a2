import { CLAWBACK_BASES, INCENTIVE_KINDS, isoDate, type Incentive, type IncentiveKind, type Leaver, type Staff } from '#shared/schema/index';
import { clawbacksIfLeftToday, referralRewards, upsert, type Clawback, type PlannedUpsert, type ReferralReward } from '#shared/staff/index';
import { staffName } from '#shared/names';

export const BASIS_LABELS = { full: 'Repaid in full', pro_rata: 'Repaid pro rata (the unserved share)' } as const;

export const money = (n: number) => `£${n.toLocaleString('en-GB', { minimumFractionDigits: 0, maximumFractionDigits: 2 })}`;

export interface IncentiveLists {
  incentives: Array<{ incentive: Incentive; name: string }>;
  /** What each person still in post would repay if they left today, largest first. */
  clawbacks: Array<Clawback & { name: string }>;
  /** Refer-a-friend rewards whose referred hire passed probation and that are not paid yet. */
  due: Array<ReferralReward & { referrer: string; hire: string }>;
  /** The rest of the referral rewards, for the record (waiting, paid, lapsed, not started). */
  referrals: Array<ReferralReward & { referrer: string; hire: string }>;
}

/** The incentives page's lists, by shared/staff's clawback and referral rules as of today. */
export function incentiveLists(data: { incentives: readonly Incentive[]; staff: readonly Staff[]; leavers: readonly Leaver[] }, probationMonths: number, today: string): IncentiveLists {
  const names = new Map(data.staff.map((s) => [s.id, staffName(s)]));
  const name = (id: string | null) => (id ? (names.get(id) ?? '(no staff record)') : '');
  const rewards = referralRewards(data.incentives, data.staff, data.leavers, probationMonths, today).map((r) => ({ ...r, referrer: name(r.staffId), hire: name(r.hireStaffId) }));
  return {
    incentives: data.incentives.map((incentive) => ({ incentive, name: name(incentive.staffId) })).sort((a, b) => a.name.localeCompare(b.name)),
    clawbacks: clawbacksIfLeftToday(data.incentives, data.staff, data.leavers, today).map((c) => ({ ...c, name: name(c.staffId) })),
    due: rewards.filter((r) => r.status === 'due'),
    referrals: rewards.filter((r) => r.status !== 'due'),
  };
}

export interface IncentiveDraft {
  staffId: string;
  kind: IncentiveKind;
  amount: string;
  /** Dates paid, separated by commas or spaces. */
  paidOn: string;
  clawbackMonths: string;
  clawbackBasis: (typeof CLAWBACK_BASES)[number];
  referredApplicationId: string;
}

export const incentiveDraft = (i?: Incentive): IncentiveDraft => ({
  staffId: i?.staffId ?? '',
  kind: i?.kind ?? INCENTIVE_KINDS[0],
  amount: i ? String(i.amount) : '',
  paidOn: i?.paidOn.join(', ') ?? '',
  clawbackMonths: String(i?.clawbackMonths ?? 12),
  clawbackBasis: i?.clawbackBasis ?? 'full',
  referredApplicationId: i?.referredApplicationId ?? '',
});

/** The incentive a form writes, or its errors; amounts and months are checked by the record schema in the write. */
export function incentiveChanges(id: string, d: IncentiveDraft): { ok: false; errors: Record<string, string> } | { ok: true; changes: PlannedUpsert[] } {
  const errors: Record<string, string> = {};
  const paidOn = d.paidOn.split(/[\s,]+/).filter(Boolean);
  const bad = paidOn.filter((p) => !isoDate.safeParse(p).success);
  if (!d.staffId) errors.staffId = d.kind === 'refer_a_friend' ? 'choose who referred' : 'choose who is paid';
  if (!/^\s*\d+(\.\d+)?\s*$/.test(d.amount)) errors.amount = 'give the amount in pounds';
  if (bad.length) errors.paidOn = `not a date: ${bad.join(', ')} (write 2026-04-30)`;
  if (!/^\s*\d+\s*$/.test(d.clawbackMonths)) errors.clawbackMonths = 'give whole months (0: no clawback)';
  if (d.kind === 'refer_a_friend' && !d.referredApplicationId) errors.referredApplicationId = 'choose the application of the person referred';
  if (Object.keys(errors).length) return { ok: false, errors };
  return {
    ok: true,
    changes: [
      upsert('incentives', id, {
        staffId: d.staffId,
        kind: d.kind,
        amount: Number(d.amount),
        paidOn: [...new Set(paidOn)].sort(),
        clawbackMonths: Number(d.clawbackMonths),
        clawbackBasis: d.clawbackBasis,
        referredApplicationId: d.kind === 'refer_a_friend' ? d.referredApplicationId : null,
      }),
    ],
  };
}
