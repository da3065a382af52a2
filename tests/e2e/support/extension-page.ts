import type { Page } from 'playwright-core';
import type { ExtensionBrowser } from './browser';

/** An extension page used to talk to the background and read the extension's own IndexedDB. */
export async function openExtensionPage(browser: ExtensionBrowser, file = 'options.html'): Promise<Page> {
  const page = await browser.context.newPage();
  await page.goto(browser.extensionPage(file));
  return page;
}

/** Sends a message to the background as an extension page does; returns its Reply. */
export function ask<T = unknown>(page: Page, message: Record<string, unknown>): Promise<{ ok: boolean; data?: T; error?: string; issues?: string[] }> {
  return page.evaluate((m) => (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<never> } } }).chrome.runtime.sendMessage(m), message);
}

/** Every row of a table of the extension's database, read with the plain IndexedDB API. */
export function readTable<T = Record<string, unknown>>(page: Page, table: string): Promise<T[]> {
  return page.evaluate(
    (name) =>
      new Promise<T[]>((resolve, reject) => {
        const open = indexedDB.open('shortlist');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const req = open.result.transaction(name, 'readonly').objectStore(name).getAll();
          req.onsuccess = () => {
            resolve(req.result as T[]);
            open.result.close();
          };
          req.onerror = () => reject(req.error);
        };
      }),
    table,
  );
}

export interface StatusData {
  signedIn: boolean;
  lastSyncedAt: string | null;
  pending: number;
  lastError: { kind: string; message: string } | null;
}

/** Asks for a sync and waits until it succeeded with nothing left in the outbox (usable in hooks too). */
export async function syncUntilClean(page: Page, timeoutMs = 30_000): Promise<StatusData> {
  const deadline = Date.now() + timeoutMs;
  let last: StatusData | undefined;
  while (Date.now() < deadline) {
    await ask(page, { type: 'syncNow' });
    last = (await ask<StatusData>(page, { type: 'getStatus' })).data;
    if (last && last.pending === 0 && last.lastError === null && last.lastSyncedAt !== null) return last;
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`sync did not finish cleanly within ${timeoutMs / 1000}s: ${JSON.stringify(last)}`);
}

/**
 * Every row of every object store of every IndexedDB database of the extension's origin, as one
 * JSON text to search for personal data (a database this code does not know of counts too).
 */
export function everythingInIndexedDb(page: Page): Promise<string> {
  return page.evaluate(async () => {
    const out: Record<string, Record<string, unknown>> = {};
    for (const { name } of await indexedDB.databases()) {
      if (!name) continue;
      out[name] = await new Promise<Record<string, unknown>>((resolve, reject) => {
        const open = indexedDB.open(name);
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const stores = [...db.objectStoreNames];
          const rows: Record<string, unknown> = {};
          if (!stores.length) return resolve(rows);
          const tx = db.transaction(stores, 'readonly');
          for (const s of stores) tx.objectStore(s).getAll().onsuccess = (e) => (rows[s] = (e.target as IDBRequest).result);
          tx.oncomplete = () => {
            db.close();
            resolve(rows);
          };
          tx.onerror = () => reject(tx.error);
        };
      });
    }
    return JSON.stringify(out);
  });
}
