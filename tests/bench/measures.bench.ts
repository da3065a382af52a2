import { bench, describe } from 'vitest';
import { computeReport } from '#shared/measures/index';
import { generate } from './generate';

const input = generate();
if (input.events.length !== 100_000) throw new Error(`expected 100,000 events, generated ${input.events.length}`);

describe('computeReport', () => {
  bench('10,000 applications, 100,000 stage events, no filters', () => {
    computeReport(input);
  }, { time: 3000 });

  bench('same data, filtered by period, team and source, by quarter', () => {
    computeReport(input, { from: '2025-06-01', to: '2026-05-31', teamIds: input.vacancies.slice(0, 20).flatMap((v) => v.teamIds), sources: ['community_care', 'referral'], groupBy: 'quarter' });
  }, { time: 3000 });
});
