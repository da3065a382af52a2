/**
 * UK date parsing to YYYY-MM-DD. Day-first numeric dates (31/12/2026) as UK sites write
 * them; instants with a time (ISO 8601 with an offset) are taken as the Europe/London date,
 * so "2026-06-30T23:30:00Z" is 1 July.
 */

const MONTHS: Record<string, number> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, sept: 9, oct: 10, nov: 11, dec: 12,
};

const pad = (n: number) => String(n).padStart(2, '0');

function ymd(year: number, month: number, day: number): string | undefined {
  if (year < 100) year += 2000;
  if (month < 1 || month > 12 || day < 1 || day > 31 || year < 1900 || year > 2200) return undefined;
  const d = new Date(Date.UTC(year, month - 1, day));
  // Rejects 31 February and friends, which Date would roll into March.
  if (d.getUTCMonth() !== month - 1) return undefined;
  return `${year}-${pad(month)}-${pad(day)}`;
}

const londonDate = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit',
});

/** The Europe/London calendar date of an instant. */
export function londonYmd(instant: Date): string | undefined {
  if (Number.isNaN(instant.getTime())) return undefined;
  const parts = londonDate.formatToParts(instant);
  const get = (type: string) => parts.find((p) => p.type === type)?.value;
  return `${get('year')}-${get('month')}-${get('day')}`;
}

const MONTH_NAME = '(jan|feb|mar|apr|may|jun|jul|aug|sept?|oct|nov|dec)[a-z]*\\.?';
const DAY_FIRST = new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th)?(?:\\s+of)?[\\s-]+${MONTH_NAME},?[\\s-]+(\\d{4})\\b`, 'i');
const MONTH_FIRST = new RegExp(`\\b${MONTH_NAME}\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})\\b`, 'i');
const ISO = /\b(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})?)?/;
const NUMERIC = /\b(\d{1,2})[/.-](\d{1,2})[/.-](\d{4}|\d{2})\b/;

/**
 * Finds a date in text such as "31 December 2026", "Sunday 2nd July 2023",
 * "Apply before 10:00 pm on Sunday 2nd July 2023", "31/12/2026", "Aug 14, 2026",
 * "2020-12-31T23:59:59+0000". Returns undefined when there is none.
 */
export function parseUkDate(input: string | null | undefined): string | undefined {
  if (!input) return undefined;
  const text = String(input).trim();

  const iso = ISO.exec(text);
  if (iso) {
    const [, y, m, d, hh, mm, ss, zone] = iso;
    if (hh !== undefined && zone !== undefined) {
      const offset = zone === 'Z' ? 'Z' : `${zone.slice(0, 3)}:${zone.slice(-2)}`;
      return londonYmd(new Date(`${y}-${m}-${d}T${hh}:${mm}:${ss ?? '00'}${offset}`));
    }
    // A date, or a local time with no zone: the date as written.
    return ymd(Number(y), Number(m), Number(d));
  }

  const dayFirst = DAY_FIRST.exec(text);
  if (dayFirst) {
    const month = MONTHS[(dayFirst[2] ?? '').toLowerCase().slice(0, 3)];
    if (month) return ymd(Number(dayFirst[3]), month, Number(dayFirst[1]));
  }
  const monthFirst = MONTH_FIRST.exec(text);
  if (monthFirst) {
    const month = MONTHS[(monthFirst[1] ?? '').toLowerCase().slice(0, 3)];
    if (month) return ymd(Number(monthFirst[3]), month, Number(monthFirst[2]));
  }
  const numeric = NUMERIC.exec(text);
  if (numeric) return ymd(Number(numeric[3]), Number(numeric[2]), Number(numeric[1]));
  return undefined;
}

const CLOSING_IN_TEXT = /\b(?:closing date(?:\s+for\s+(?:applications|receipt of applications))?|applications?\s+(?:close|must be received by)|deadline for applications|closes(?:\s+on)?)\s*(?:is|:|-|–)?\s*([^.\n]{0,60}?\d{4})/i;

/**
 * The closing date an advert states in its text: "Closing date for applications: Noon,
 * Thursday 15 March 2018", "Applications close 26 August 2026". Undefined when none is stated.
 */
export function closingDateInText(text: string | undefined): string | undefined {
  if (!text) return undefined;
  const m = CLOSING_IN_TEXT.exec(text);
  return m?.[1] ? parseUkDate(m[1]) : undefined;
}
