// @vitest-environment happy-dom
import { asOf, demoDb } from './helpers';
import { afterEach, expect, it } from 'vitest';
import { cleanup, render, screen, waitFor } from '@testing-library/preact';
import { TOM } from '#demo/index';
import type { Application, StageEvent, Vacancy } from '#shared/schema/index';
import { CandidatePage } from '@/ui/workspace/daily/CandidatePage';

afterEach(cleanup);

const uuid = (n: number) => `019a0000-0000-7000-8000-${String(n).padStart(12, '0')}`;
const vacancy: Vacancy = { id: uuid(1), title: 'Social Worker – Fostering', teamIds: [], role: 'social_worker', posts: 1, mode: 'rolling', status: 'open' };
const application: Application = { id: uuid(2), vacancyId: vacancy.id, name: 'Ann Lee', source: 'microsite', experience: 'experienced', receivedDate: asOf };

it('an event the server marked recorded late says so, with when it was entered', async () => {
  const db = await demoDb({ empty: true });
  const events: StageEvent[] = [
    { id: uuid(3), applicationId: application.id, stage: 'applied', at: `${asOf}T08:00:00.000Z`, by: TOM.id },
    { id: uuid(4), applicationId: application.id, stage: 'shortlisted', at: `${asOf}T09:00:00.000Z`, by: TOM.id, recordedLate: true, enteredAt: '2099-01-04T10:00:00.000Z' },
  ];
  await db.vacancies.put(vacancy);
  await db.applications.put(application);
  await db.stage_events.bulkPut(events);
  render(<CandidatePage route={{ path: '/candidate', params: new URLSearchParams(`id=${application.id}`) }} />);
  await waitFor(() => expect(screen.getByText(/recorded late/)).toBeTruthy());
  const late = screen.getAllByText(/recorded late/);
  expect(late).toHaveLength(1);
  expect(late[0]!.textContent).toMatch(/^ \(recorded late, on .*2099\)$/);
});
