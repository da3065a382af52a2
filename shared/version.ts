/** Product version, reported by the worker's /health and shown by the extension. */
export const APP_VERSION = '0.1.0';
