/** Ports of the e2e run, apart from `npm start`'s 8787 and 8790 so both can run at once. */
export const E2E_WORKER_PORT = 8797;
export const E2E_PAGE_PORT = 8798;
