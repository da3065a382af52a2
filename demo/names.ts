/**
 * Small fixed lists for fictional people and organisations. Candidates are random pairs of
 * a first and a last name, so no real person is described; emails use example.org/.com.
 */

export const ORGANISATION_NAME = 'Wessex Borough Council';
/** The council's own (fictional, reserved) domains: staff email, microsite and ATS. */
export const STAFF_DOMAIN = 'wessexborough.example.org';
export const MICROSITE_ORIGIN = 'https://socialwork.wessexborough.example.org';
export const ATS_ORIGIN = 'https://careers.wessexborough.example.org';
export const COMMUNITY_CARE_ORIGIN = 'https://jobs.communitycare.co.uk';

export const FIRST_NAMES = [
  'Aisha', 'Ben', 'Chloe', 'Daniel', 'Efua', 'Fatima', 'George', 'Hannah', 'Imran', 'Jade',
  'Kwame', 'Laura', 'Mohammed', 'Niamh', 'Oliver', 'Precious', 'Rachel', 'Sanjay', 'Tariq', 'Una',
  'Victoria', 'Wei', 'Yusuf', 'Zara', 'Amara', 'Callum', 'Deborah', 'Eilidh', 'Farah', 'Gareth',
  'Harpreet', 'Isla', 'Joseph', 'Kerry', 'Leon', 'Martha', 'Nadia', 'Owen', 'Rosa', 'Simone',
] as const;

export const LAST_NAMES = [
  'Adeyemi', 'Bennett', 'Chowdhury', 'Davies', 'Evans', 'Fletcher', 'Gallagher', 'Hughes', 'Iqbal', 'Jenkins',
  'Kowalski', 'Lewis', 'Mensah', 'Nowak', "O'Brien", 'Patel', 'Quinn', 'Rahman', 'Sutherland', 'Thompson',
  'Usman', 'Varma', 'Walsh', 'Yildiz', 'Zielinski', 'Ahmed', 'Brooks', 'Campbell', 'Doherty', 'Ellis',
  'Francis', 'Grant', 'Hollis', 'Ibrahim', 'Kaur', 'Lindqvist', 'Morgan', 'Novak', 'Osei', 'Pearce',
] as const;

/**
 * Names of the council's own staff (post holders, leavers), from lists that share no name with
 * the candidates', so a search of a browser for a candidate's name never finds a colleague.
 * (A hire keeps the name they applied with.)
 */
export const STAFF_FIRST_NAMES = [
  'Abigail', 'Bilal', 'Ciara', 'Dominic', 'Esther', 'Femi', 'Gemma', 'Hamza', 'Ivy', 'Jonah',
  'Keira', 'Luke', 'Maryam', 'Nathan', 'Olivia', 'Priti', 'Rhys', 'Sadia', 'Tobias', 'Vanessa',
] as const;
export const STAFF_LAST_NAMES = [
  'Ashworth', 'Baptiste', 'Cartwright', 'Dlamini', 'Eriksen', 'Fairclough', 'Gill', 'Hartley', 'Igwe', 'Jarvis',
  'Khan-Wright', 'Lowe', 'Mahmood', 'Nwosu', 'Okonkwo', 'Pritchard', 'Rowntree', 'Sandhu', 'Tierney', 'Whitlock',
] as const;

export const EMAIL_DOMAINS = ['example.org', 'example.com'] as const;

/** Fictional agencies supplying locum social workers. */
export const AGENCIES = [
  'Northway Social Care Recruitment',
  'Brightpath Locums',
  'Castlegate Care Staffing',
  'Meridian Children’s Services Agency',
  'Harbour Social Work Solutions',
] as const;

/** An email a person might use: first.last or firstlast plus digits, lower case, ASCII only. */
export function emailFor(first: string, last: string, n: number, domain: string): string {
  const clean = (s: string) => s.toLowerCase().replace(/[^a-z]/g, '');
  const local = n % 3 === 0 ? `${clean(first)}.${clean(last)}` : n % 3 === 1 ? `${clean(first)}${clean(last)}${n % 100}` : `${clean(first)[0] ?? 'x'}${clean(last)}${n % 1000}`;
  return `${local}@${domain}`;
}

/** URL slug as Madgex writes them: lower case words joined by hyphens. */
export function slugify(title: string): string {
  return title
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80) || 'job';
}
