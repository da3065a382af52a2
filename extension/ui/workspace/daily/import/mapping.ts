import { labelledValues } from '../../../../../shared/labelledValues';

/** The application fields an ATS export can fill, and how to recognise their column headers. */
export const { values: IMPORT_FIELDS, labels: IMPORT_FIELD_LABELS } = labelledValues({
  atsReference: 'ATS reference (applicant ID)',
  name: 'Candidate name',
  email: 'Email',
  phone: 'Phone',
  receivedDate: 'Application date',
  jobReference: 'Job reference',
  jobTitle: 'Job title',
  source: 'Source',
  referrer: 'Referred by',
  experience: 'Experience',
  yearsQualified: 'Years qualified',
});
export type ImportField = (typeof IMPORT_FIELDS)[number];

/** Fields without which a row cannot become an application. */
export const REQUIRED_FIELDS: readonly ImportField[] = ['name', 'receivedDate', 'jobReference'];

/** Header patterns, most specific first; matched against the header lower-cased with spaces collapsed. */
const GUESSES: Record<ImportField, RegExp[]> = {
  atsReference: [/^(applicant|candidate|application) ?(id|ref|reference|number|no\.?)$/, /^ats ?(id|ref|reference)$/, /^id$/],
  name: [/^(candidate|applicant)? ?(full )?name$/],
  email: [/e-?mail/],
  phone: [/phone|mobile|telephone/],
  receivedDate: [/^(application|applied|received|submitted)( on)? ?date/, /^date (applied|received|submitted)/, /^(applied|received|submitted)( on)?$/],
  jobReference: [/^(job|vacancy|post|advert) ?(ref|reference|id|code)$/, /^(job|vacancy) ?number$/],
  jobTitle: [/^(job|vacancy|post|role) ?title$/, /^(job|vacancy|position)$/],
  source: [/^(source|how did you hear|channel|where did you see)/],
  referrer: [/refer(red|rer)/],
  experience: [/^experience( level)?$/, /qualified status|career stage/],
  yearsQualified: [/years?.*(qualified|pqe|experience)/, /^pqe$/],
};

export type ColumnMapping = Record<ImportField, number | null>;

/** A first guess of which column holds which field; each column used at most once. */
export function guessMapping(headers: readonly string[]): ColumnMapping {
  const normal = headers.map((h) => h.trim().toLowerCase().replace(/[_\s]+/g, ' '));
  const used = new Set<number>();
  const mapping = Object.fromEntries(IMPORT_FIELDS.map((f) => [f, null])) as ColumnMapping;
  for (const field of IMPORT_FIELDS) {
    for (const pattern of GUESSES[field]) {
      const index = normal.findIndex((h, i) => !used.has(i) && pattern.test(h));
      if (index >= 0) {
        mapping[field] = index;
        used.add(index);
        break;
      }
    }
  }
  return mapping;
}

/** Required fields the mapping leaves without a column. */
export const unmappedRequired = (mapping: ColumnMapping) => REQUIRED_FIELDS.filter((f) => mapping[f] === null);
