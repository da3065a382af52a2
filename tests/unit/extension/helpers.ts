import './globals';
import 'fake-indexeddb/auto';
import { uuidv7 } from 'uuidv7';
import type { Application, Team } from '#shared/schema/index';
import { ShortlistDb, setDb } from '@/db/database';
import type { Endpoint } from '@/sync/api';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { pullChanges } from '@/sync/pull';
import { pushOutbox } from '@/sync/push';
import { FakeServer } from './fake-server';

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

/** A test's start: the fake browser's storage emptied, and a new fake server (of the users given, if any). */
export function resetBrowserAndServer(...args: ConstructorParameters<typeof FakeServer>): FakeServer {
  fakeBrowser.reset();
  return new FakeServer(...args);
}

/**
 * A test's start for two browsers of one organisation: a new fake server (of the users given, if
 * any), a colleague's database, then the database under test, which is left the current one.
 */
export function colleagueAndMine(label: string, ...users: ConstructorParameters<typeof FakeServer>) {
  const server = resetBrowserAndServer(...users);
  const colleague = freshDb(`${label}-colleague`);
  return { server, colleague, mine: freshDb(label) };
}

/** One sync of a browser: its outbox pushed to the server, then the server's changes pulled. */
export async function syncVia(server: FakeServer, d: ShortlistDb): Promise<void> {
  await pushOutbox(d, endpointOf(server), server.fetch);
  await pullChanges(d, endpointOf(server), server.fetch);
}
