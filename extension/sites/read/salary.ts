/** Salary text from schema.org baseSalary (MonetaryAmount), e.g. "£38,000 - £45,000 per year". */
import { clean } from './text';

const SYMBOLS: Record<string, string> = { GBP: '£', USD: '$', EUR: '€', AUD: 'A$', CAD: 'C$', NZD: 'NZ$' };
const UNITS: Record<string, string> = {
  YEAR: 'per year', ANNUM: 'per year', MONTH: 'per month', WEEK: 'per week', DAY: 'per day', HOUR: 'per hour',
};

type Json = unknown;
const isObject = (v: Json): v is Record<string, Json> => typeof v === 'object' && v !== null && !Array.isArray(v);

function toNumber(v: Json): number | undefined {
  if (typeof v === 'number' && Number.isFinite(v)) return v;
  if (typeof v === 'string' && /^\s*[\d,]+(\.\d+)?\s*$/.test(v)) return Number(v.replace(/[,\s]/g, ''));
  return undefined;
}

function money(n: number, currency: string | undefined): string {
  const digits = Number.isInteger(n) ? 0 : 2;
  const amount = n.toLocaleString('en-GB', { minimumFractionDigits: digits, maximumFractionDigits: digits });
  const symbol = currency ? SYMBOLS[currency.toUpperCase()] : undefined;
  if (symbol) return `${symbol}${amount}`;
  return currency ? `${amount} ${currency}` : amount;
}

/**
 * Formats a JobPosting's baseSalary. A value that is words ("negotiable", "£27,373.50 to
 * £34,510 DOE") is what the employer wrote, so it wins over min/max numbers.
 */
export function formatBaseSalary(baseSalary: Json): string | undefined {
  if (typeof baseSalary === 'string') return clean(baseSalary);
  if (typeof baseSalary === 'number') return money(baseSalary, undefined);
  if (Array.isArray(baseSalary)) return formatBaseSalary(baseSalary[0]);
  if (!isObject(baseSalary)) return undefined;

  const currency = typeof baseSalary.currency === 'string' ? baseSalary.currency : undefined;
  const raw = baseSalary.value;
  const value: Record<string, Json> = isObject(raw) ? raw : { value: raw };
  const unitKey = String(value.unitText ?? baseSalary.unitText ?? '').toUpperCase();
  const unit = UNITS[unitKey];

  const single = value.value;
  if (typeof single === 'string' && toNumber(single) === undefined) return clean(single);

  const min = toNumber(value.minValue);
  const max = toNumber(value.maxValue);
  const one = toNumber(single);
  let amount: string | undefined;
  if (min !== undefined && max !== undefined && min !== max) amount = `${money(min, currency)} - ${money(max, currency)}`;
  else if (min !== undefined || max !== undefined) amount = money((min ?? max) as number, currency);
  else if (one !== undefined) amount = money(one, currency);
  if (!amount) return undefined;
  return unit ? `${amount} ${unit}` : amount;
}
