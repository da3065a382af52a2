/**
 * Ports of an e2e run, apart from `npm start`'s 8787 and 8790 so both can run at once.
 * E2E_PORT_BASE moves both (and the state folder) so several runs can share a machine.
 */
const base = Number(process.env.E2E_PORT_BASE ?? 8797);
export const E2E_WORKER_PORT = base;
export const E2E_PAGE_PORT = base + 1;
export const E2E_STATE_NAME = base === 8797 ? '.e2e' : `.e2e-${base}`;
/** The README journeys' own `npm start` stack (worker, localhost demo pages), beside the shared one. */
export const E2E_README_WORKER_PORT = base + 2;
export const E2E_README_DEMO_PORT = base + 3;
