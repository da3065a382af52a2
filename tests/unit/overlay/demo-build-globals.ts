// A demo build's constant (wxt.config.ts defines it from WXT_DEMO_ORIGIN): import this module first.
(globalThis as Record<string, unknown>).__SHORTLIST_DEMO_ORIGIN__ = 'http://localhost:8790';
export {};
