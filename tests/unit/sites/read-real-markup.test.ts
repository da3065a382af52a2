/**
 * The shared readers added for real pages: UK date styles, closing dates stated in text,
 * label/value pairs by class and as "Label: value" lines, what markup hides, employers
 * named in an advert's text, listing fields told by class or icon, and the confidence rule.
 */
import { describe, expect, it } from 'vitest';
import { offerTrack } from '@/sites/read/confidence';
import { closingDateInText, parseUkDate } from '@/sites/read/dates';
import { hintedFields, salaryInText } from '@/sites/read/hints';
import { ADVERT_LABELS, classPairs, inlinePairs, isFactLine, matchLabels } from '@/sites/read/labels';
import { employerNamedIn } from '@/sites/read/organisation';
import { isHidden, visibleText } from '@/sites/read/visible';
import type { AdvertResult } from '@/sites/types';
import { parseHtml } from './helpers';

describe('UK date styles', () => {
  it.each([
    ['26-08-2026', '2026-08-26'],
    ['2nd May 2018', '2018-05-02'],
    ['Wednesday 2nd May 2018 at 12.30pm', '2018-05-02'],
    ['Noon, Thursday 15 March 2018', '2018-03-15'],
    ['Noon, Thursday 15 March 2018.', '2018-03-15'],
    ['14 Sep 2026', '2026-09-14'],
    ['12.30pm on 3rd of June 2026', '2026-06-03'],
    ['midnight, 1st March 2026', '2026-03-01'],
  ])('%s -> %s', (input, expected) => {
    expect(parseUkDate(input)).toBe(expected);
  });

  it('reads "26-08-2026" day first, never as a month 26', () => {
    expect(parseUkDate('08-12-2026')).toBe('2026-12-08');
    expect(parseUkDate('26-13-2026')).toBeUndefined();
  });
});

describe('label/value pairs', () => {
  it('pairs labels and values marked by class, leaving out rows hidden with display:none', () => {
    const doc = parseHtml(`
      <h4 class="JD-HDLabel">Job Number</h4><span class="JD-HDText">BU04089</span>
      <h4 class="JD-HDLabel">Closing Date</h4><span class="JD-HDText">26-08-2026</span>
      <ul><li style="display:none;"><div class="label">Salary Details:</div><div class="content">Not Specified</div></li></ul>`);
    const pairs = [...classPairs(doc, '.JD-HDLabel', '.JD-HDText'), ...classPairs(doc, '.label', '.content')];
    expect(matchLabels(pairs, ADVERT_LABELS)).toEqual({ reference: 'BU04089', closingDate: '26-08-2026' });
  });

  it('reads "Label: value" blocks, label in bold and value after a line break, and skips paragraphs', () => {
    const doc = parseHtml(`
      <ul><li><i class="icon-graduation-cap"></i><strong>School:</strong><br> George Stephenson High School </li>
          <li><strong>Salary:</strong><br>TMPS/UPS</li></ul>
      <p>Location: North Tyneside</p>
      <p>${'A long paragraph that mentions a salary: it goes on and on. '.repeat(4)}</p>`);
    expect(matchLabels(inlinePairs(doc), ADVERT_LABELS)).toEqual({ employer: 'George Stephenson High School', salary: 'TMPS/UPS', location: 'North Tyneside' });
  });

  it('tells a labelled fact from a title', () => {
    expect(isFactLine('Salary: £20,000 - £30,000 (0)')).toBe(true);
    expect(isFactLine('Assistant Curriculum Leader: Mathematics')).toBe(false);
    expect(isFactLine('Team Manager - MASH')).toBe(false);
  });
});

describe('visible text', () => {
  it('leaves out what markup hides: hidden, display:none, visibility:hidden, screen-reader-only text', () => {
    const doc = parseHtml(`<div id="a"><span class="its-u-visually-hidden">Vacancy ID</span><span>Vacancy ID:</span>
      <span hidden>x</span><span style="visibility: hidden">y</span><span style="DISPLAY:NONE">z</span></div>
      <div style="display:none"><p id="b">gone</p></div>`);
    expect(visibleText(doc.querySelector('#a'))).toBe('Vacancy ID:');
    expect(isHidden(doc.querySelector('#b'))).toBe(true);
    expect(visibleText(doc.querySelector('#b'))).toBeUndefined();
  });

  it('separates words across blocks and line breaks', () => {
    expect(visibleText(parseHtml('<div id="x"><strong>School:</strong><br>Boldon<p>a</p><p>b</p></div>').querySelector('#x'))).toBe('School: Boldon a b');
  });
});

describe('hintedFields', () => {
  it('reads values by class and by the icon in front of them; an empty value is no value', () => {
    const row = parseHtml(`<div id="row"><h3>Teacher</h3><p class="search-school-name">Chantry Middle School</p>
      <ul><li><i class="icon-location"></i> </li><li><i class="icon-pound"></i> MPS-UPS</li><li><i class="icon-clock"></i> 1.0 fte</li></ul>
      <span class="job-closing-date">30/04/2026</span></div>`).querySelector('#row') as Element;
    expect(hintedFields(row)).toEqual({ employer: 'Chantry Middle School', salary: 'MPS-UPS', closingDate: '30/04/2026' });
  });
});

/** Readers of facts stated in prose: what each reads from a text, and what it must not take for its fact. */
describe.each([
  {
    reader: 'closingDateInText',
    read: closingDateInText,
    reads: [
      ['Closing date for applications: Noon, Thursday 15 March 2018.', '2018-03-15'],
      ['Closing date for applications: 26 August 2026', '2026-08-26'],
      ['The closing date is Wednesday 2nd May 2018 at 12.30pm.', '2018-05-02'],
      ['Applications close 30/04/2026 at midnight.', '2026-04-30'],
    ],
    // Another date in the advert (an interview, a start, a publication) is not the closing date.
    ignores: ['Interviews will be held on Wednesday 6th May 2026. Start date: 1 September 2026.', 'The closing date for the first round will be announced soon. Published 3 March 2026.'],
  },
  {
    reader: 'employerNamedIn',
    read: employerNamedIn,
    reads: [
      // The organisation the advert names most, not a partner named once.
      ['Teach at Zhejiang University of Finance and Economics, validated by Bangor University academics. The University is committed… collaborations beyond Bangor University.', 'Bangor University'],
      ['Kent County Council is recruiting social workers.', 'Kent County Council'],
      ['Join the London Borough of Tower Hamlets children’s services.', 'London Borough of Tower Hamlets'],
      ['The University of Leeds invites applications.', 'University of Leeds'],
    ],
    ignores: ['Our Council and the University both say so.'],
  },
  {
    reader: 'salaryInText',
    read: salaryInText,
    reads: [
      ['Northtown | £39,186 - £42,708 per annum | Closes 14/05/2026', '£39,186 - £42,708 per annum'],
      ['£14.50 to £15.20 per hour', '£14.50 to £15.20 per hour'],
      ['Pay £33,000 per annum plus benefits', '£33,000 per annum'],
      ['£28k - £31k', '£28k - £31k'],
    ],
    // A sum of money that is not a salary.
    ignores: ['Council invests £3m in family hubs', 'A £3,000 golden hello'],
  },
])('$reader', ({ read, reads, ignores }) => {
  it.each(reads)('reads %s', (text, expected) => {
    expect(read(text)).toBe(expected);
  });
  it.each(ignores)('takes nothing from %s', (text) => {
    expect(read(text)).toBeUndefined();
  });
});

describe('offerTrack', () => {
  const advert = (over: Partial<AdvertResult>): AdvertResult => ({ kind: 'advert', site: 'generic-advert', url: 'https://x.test/', title: 'Social Worker', expired: false, missing: [], ...over });

  it('offers tracking for a title and at least two of employer, closing date, reference, salary', () => {
    expect(offerTrack(advert({ employer: 'Kent County Council', salary: '£40,000' }))).toBe(true);
    expect(offerTrack(advert({ closingDate: '2026-04-30', reference: 'K-1' }))).toBe(true);
  });

  it('does not offer it with fewer; location does not count', () => {
    expect(offerTrack(advert({ employer: 'Kent County Council', location: 'Maidstone' }))).toBe(false);
    expect(offerTrack(advert({}))).toBe(false);
    expect(offerTrack(advert({ title: '  ', employer: 'A', salary: 'B' }))).toBe(false);
  });

  it('trusts what a generic reading says it found over the fields it holds', () => {
    expect(offerTrack(advert({ employer: 'A', salary: 'B', found: ['title', 'employer'] }))).toBe(false);
    expect(offerTrack(advert({ employer: 'A', salary: 'B', found: ['title', 'employer', 'salary'] }))).toBe(true);
  });

  it('is false for listings, candidates and nothing', () => {
    expect(offerTrack(null)).toBe(false);
    expect(offerTrack({ kind: 'advert-list', site: 's', url: 'u', items: [], missing: [] })).toBe(false);
    expect(offerTrack({ kind: 'candidate', site: 's', url: 'u', missing: [] })).toBe(false);
  });
});
