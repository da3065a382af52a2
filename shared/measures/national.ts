/**
 * England's figures from the DfE children's social work workforce census at 30 September 2023
 * (domain.md): the national reference line beside each council's own target.
 */
export const NATIONAL_REFERENCE = {
  asOf: '2023-09-30',
  turnover: 0.159,
  vacancyRate: 0.189,
  agencyRate: 0.178,
  caseload: 16.0,
} as const;
