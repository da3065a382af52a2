/**
 * Whether an event came from the person (the browser's input), not from a page script's
 * dispatchEvent or .click(): the only events the overlay acts on inside the page.
 */
export const fromPerson = (event: Event): boolean => event.isTrusted;
