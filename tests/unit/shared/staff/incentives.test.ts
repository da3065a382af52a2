import { describe, expect, it } from 'vitest';
import { clawbackIfLeaving, clawbacksIfLeftToday, referralRewards } from '#shared/staff/index';
import { incentive, leaver, person, U } from './fixtures';

describe('clawback that would apply if a person left', () => {
  it('a payment is repaid whole inside its period and not from the day the period ends', () => {
    const hello = incentive({ paidOn: ['2026-01-15'], clawbackMonths: 12 });
    expect(clawbackIfLeaving(hello, '2026-01-14')).toBeNull(); // not paid yet
    expect(clawbackIfLeaving(hello, '2026-01-15')).toEqual({
      incentiveId: U(700),
      staffId: U(201),
      kind: 'golden_hello',
      payments: [{ paidOn: '2026-01-15', clearOn: '2027-01-15', amount: 2000 }],
      total: 2000,
    });
    expect(clawbackIfLeaving(hello, '2027-01-14')?.total).toBe(2000);
    expect(clawbackIfLeaving(hello, '2027-01-15')).toBeNull();
  });

  it('pro rata: the unserved share of the period, by days, to the penny', () => {
    const retention = incentive({ kind: 'retention_payment', amount: 3000, paidOn: ['2025-04-01'], clawbackMonths: 12, clawbackBasis: 'pro_rata' });
    // 1 Apr 2025 to 1 Apr 2026 is 365 days; leaving on 1 Oct 2025 leaves 182 of them unserved.
    expect(clawbackIfLeaving(retention, '2025-10-01')?.total).toBe(1495.89);
    expect(clawbackIfLeaving(retention, '2025-04-01')?.total).toBe(3000);
  });

  it('instalments each carry their own period; no clawback period, nothing to repay', () => {
    const twoHalves = incentive({ amount: 1000, paidOn: ['2025-06-01', '2025-12-01'], clawbackMonths: 12 });
    expect(clawbackIfLeaving(twoHalves, '2026-07-01')).toMatchObject({ payments: [{ paidOn: '2025-12-01', clearOn: '2026-12-01', amount: 1000 }], total: 1000 });
    expect(clawbackIfLeaving(twoHalves, '2026-03-01')?.total).toBe(2000);
    expect(clawbackIfLeaving(incentive({ paidOn: ['2026-01-15'], clawbackMonths: 0 }), '2026-02-01')).toBeNull();
  });

  it('the list for today: people still in post only, largest first', () => {
    const [a, b, c] = [person(1), person(2), person(3)];
    const list = clawbacksIfLeftToday(
      [
        incentive({ id: U(701), staffId: a.id, paidOn: ['2026-06-01'], amount: 1500 }),
        incentive({ id: U(702), staffId: b.id, paidOn: ['2026-06-01'], amount: 5000 }),
        incentive({ id: U(703), staffId: c.id, paidOn: ['2026-06-01'], amount: 9000 }),
        incentive({ id: U(704), staffId: a.id, paidOn: ['2024-06-01'], amount: 700 }),
      ],
      [a, b, c],
      [leaver(c, '2026-10-31')],
      '2026-11-20',
    );
    expect(list.map((x) => [x.incentiveId, x.total])).toEqual([
      [U(702), 5000],
      [U(701), 1500],
    ]);
  });
});

describe('referral reward due when a referred hire passes probation', () => {
  const referrer = person(1);
  const reward = incentive({ id: U(710), kind: 'refer_a_friend', staffId: referrer.id, amount: 500, clawbackMonths: 0, referredApplicationId: U(500) });
  const hire = person(2, { startDate: '2026-03-02', applicationId: U(500) });

  it('waits through probation, is due from the day it ends, and is no longer due once paid', () => {
    expect(referralRewards([reward], [referrer, hire], [], 6, '2026-09-01')).toEqual([
      { incentiveId: U(710), staffId: referrer.id, hireStaffId: hire.id, amount: 500, dueOn: '2026-09-02', status: 'waiting' },
    ]);
    expect(referralRewards([reward], [referrer, hire], [], 6, '2026-09-02')[0]!.status).toBe('due');
    expect(referralRewards([{ ...reward, paidOn: ['2026-09-30'] }], [referrer, hire], [], 6, '2026-10-01')[0]!.status).toBe('paid');
  });

  it('lapses when the hire leaves before passing probation; not started until the referred application starts', () => {
    expect(referralRewards([reward], [referrer, hire], [leaver(hire, '2026-08-31')], 6, '2026-10-01')[0]!.status).toBe('lapsed');
    // Leaving after passing probation keeps the reward due.
    expect(referralRewards([reward], [referrer, hire], [leaver(hire, '2026-09-02')], 6, '2026-10-01')[0]!.status).toBe('due');
    expect(referralRewards([reward], [referrer], [], 6, '2026-10-01')[0]).toMatchObject({ hireStaffId: null, dueOn: null, status: 'not_started' });
    // Other kinds are no referral rewards.
    expect(referralRewards([incentive()], [referrer], [], 6, '2026-10-01')).toEqual([]);
  });
});
