import './globals';
import 'fake-indexeddb/auto';
import { uuidv7 } from 'uuidv7';
import type { Application, Team } from '#shared/schema/index';
import { ShortlistDb, setDb } from '@/db/database';
import type { Endpoint } from '@/sync/api';
import type { FakeServer } from './fake-server';

let n = 0;

/** A database of its own for each test (fake-indexeddb keeps them all in memory). */
export function freshDb(label = 'db'): ShortlistDb {
  const db = new ShortlistDb(`test-${label}-${process.pid}-${++n}-${uuidv7()}`);
  setDb(db);
  return db;
}

export const newId = () => uuidv7();

export function teamFields(over: Partial<Team> = {}): Omit<Team, 'id'> {
  return { name: 'Front door North', type: 'front_door', area: 'North', ...over };
}

export function applicationFields(over: Partial<Application> = {}): Omit<Application, 'id'> {
  return {
    vacancyId: '0190a000-0000-7000-8000-000000000001',
    name: 'Sam Candidate',
    email: 'sam@example.org',
    phone: '07700 900123',
    source: 'community_care',
    experience: 'experienced',
    receivedDate: '2026-03-02',
    atsReference: 'ATS-1',
    teamPreference: 'Front door',
    ...over,
  };
}

export function endpointOf(server: FakeServer, token = 'token-alice-0001'): Endpoint {
  return { serverUrl: server.baseUrl, token };
}

/** Outbox entries in local order, as plain objects. */
export async function outbox(db: ShortlistDb) {
  return db.outbox.orderBy('localId').toArray();
}
