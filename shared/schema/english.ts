import * as z from 'zod/mini';
import en from 'zod/v4/locales/en.js';

/**
 * zod/mini brings no locale: without one, an issue a schema gives no words of its own reads
 * "Invalid input". This module configures zod's English messages ("Too big: expected string
 * to have <=200 characters") where a person reads a refusal: the worker (its 4xx answers) and
 * the extension's pages (their forms, the overlay frame's actions). The service worker does not
 * import it (1 KB gzip, issue 15): the refusals it gives a person carry their own words.
 */
z.config(en());
