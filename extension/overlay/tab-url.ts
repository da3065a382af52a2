/** A tab's URL as the overlay names a page: without its #fragment (the same page scrolled or tabbed within). */
export const withoutFragment = (url: string) => url.split('#')[0]!;
