import { inject } from 'vitest';

/** What the global setup hands to every e2e test file. */
export interface E2EContext {
  /** Null when no Chromium was found outside CI: the tests are then skipped, loudly. */
  chromium: string | null;
  extensionDir: string;
  workerUrl: string;
  pageServerPort: number;
  stateDir: string;
  /** The date the demo council was generated for (today in London when the suite started). */
  demoAsOf: string;
}

declare module 'vitest' {
  export interface ProvidedContext {
    e2e: E2EContext;
  }
}

export function e2eContext(): E2EContext {
  return inject('e2e');
}
