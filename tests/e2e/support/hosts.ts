/** Real host names whose pages the e2e page server answers for (via --host-resolver-rules). */
export const PAGE_HOSTS = [
  'jobs.communitycare.co.uk',
  'jobs.theguardian.com',
  'job-boards.greenhouse.io',
  'boards.greenhouse.io',
  'www.civilservicejobs.service.gov.uk',
  'www.linkedin.com',
  'www.jobs.nhs.uk',
  'jobs.lever.co',
  'apply.workable.com',
  'careers.wessex-borough.example',
  'wessex.tal.net',
  'ats.wessex-borough.example',
] as const;

export const E2E_WORKER_PORT = 8797;
export const E2E_PAGE_PORT = 8798;
