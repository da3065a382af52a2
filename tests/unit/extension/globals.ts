// Build-time constants that wxt.config.ts defines for the extension bundle (the unit config does not):
// import this module first, before any extension module that reads them.
const g = globalThis as Record<string, unknown>;
g.__SHORTLIST_SERVER_URL__ ??= 'http://fallback.test';
g.__SHORTLIST_DEMO_ORIGIN__ ??= '';
g.__SHORTLIST_ANSWER_TIMING__ ??= false;
export {};
