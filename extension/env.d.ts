/** Injected by wxt.config.ts at build time. */
declare const __SHORTLIST_SERVER_URL__: string;
declare const __SHORTLIST_DEMO_ORIGIN__: string;
