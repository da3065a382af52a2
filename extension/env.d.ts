/** Injected by wxt.config.ts at build time. */
declare const __SHORTLIST_SERVER_URL__: string;
declare const __SHORTLIST_DEMO_ORIGIN__: string;
/** True only in the bench's builds: the background times its answers (overlay/background/answer-timing.ts). */
declare const __SHORTLIST_ANSWER_TIMING__: boolean;
