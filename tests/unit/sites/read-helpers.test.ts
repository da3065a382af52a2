/** The shared readers in extension/sites/read/, one behaviour per test. */
import { describe, expect, it } from 'vitest';
import { parseUkDate } from '@/sites/read/dates';
import { findJsonLd, readJsonLd } from '@/sites/read/jsonld';
import { readLabelled, ADVERT_LABELS } from '@/sites/read/labels';
import { formatJobLocation } from '@/sites/read/location';
import { readMicrodata } from '@/sites/read/microdata';
import { listItem, readByMarkup } from '@/sites/read/result';
import { formatBaseSalary } from '@/sites/read/salary';
import { scriptObject } from '@/sites/read/script-object';
import { clean, decodeEntities, htmlToText, textOf } from '@/sites/read/text';
import { parseHtml } from './helpers';

describe('parseUkDate', () => {
  it.each([
    ['31 December 2026', '2026-12-31'],
    ['31st Dec 2026', '2026-12-31'],
    ['Sunday 2nd July 2023', '2023-07-02'],
    ['Apply before 10:00 pm on Sunday 2nd July 2023', '2023-07-02'],
    ['31/12/2026', '2026-12-31'],
    ['01/04/2026', '2026-04-01'], // day first, as UK sites write it
    ['26/04/2026 23:59', '2026-04-26'],
    ['31.12.26', '2026-12-31'],
    ['2026-12-31', '2026-12-31'],
    ['Aug 14, 2026', '2026-08-14'],
    ['December 31, 2026', '2026-12-31'],
    ['2020-12-31T23:59:59+0000', '2020-12-31'],
    ['2026-06-30T23:30:00Z', '2026-07-01'], // BST: already 1 July in London
    ['2026-12-31T23:30:00Z', '2026-12-31'], // GMT in winter
    ['2026-03-31T23:59:00+01:00', '2026-03-31'],
    ['2026-04-12T23:59:00', '2026-04-12'], // local time without zone: the date as written
  ])('%s -> %s', (input, expected) => {
    expect(parseUkDate(input)).toBe(expected);
  });

  it.each(['', 'ongoing', '31 February 2026', '13/13/2026', 'Closing soon', undefined])('no date in %s', (input) => {
    expect(parseUkDate(input)).toBeUndefined();
  });
});

describe('formatBaseSalary', () => {
  it('formats a range with its unit', () => {
    expect(formatBaseSalary({ currency: 'GBP', value: { minValue: 38000, maxValue: 45000, unitText: 'YEAR' } })).toBe('£38,000 - £45,000 per year');
  });
  it('formats a single amount, hourly, with pence', () => {
    expect(formatBaseSalary({ currency: 'GBP', value: { value: 32.5, unitText: 'HOUR' } })).toBe('£32.50 per hour');
  });
  it('accepts amounts written as strings with commas', () => {
    expect(formatBaseSalary({ currency: 'GBP', value: { minValue: '43,857', maxValue: '47,754' } })).toBe('£43,857 - £47,754');
  });
  it('keeps the employer\'s words over the numbers', () => {
    expect(formatBaseSalary({ currency: 'GBP', value: { minValue: '27373', maxValue: '34510', value: '£27,373.50 to £34,510 DOE' } })).toBe('£27,373.50 to £34,510 DOE');
    expect(formatBaseSalary({ currency: 'GBP', value: { value: 'negotiable', unitText: 'YEAR' } })).toBe('negotiable');
  });
  it('uses the currency code where it has no symbol', () => {
    expect(formatBaseSalary({ currency: 'CHF', value: { value: 90000 } })).toBe('90,000 CHF');
  });
  it('returns undefined for nothing useful', () => {
    expect(formatBaseSalary(undefined)).toBeUndefined();
    expect(formatBaseSalary({ currency: 'GBP', value: { minValue: 'lots' } })).toBeUndefined();
  });
});

describe('formatJobLocation', () => {
  it('joins town, region and postcode, without the country, and several places with ;', () => {
    expect(formatJobLocation([
      { address: { addressLocality: 'Leeds', addressRegion: 'West Yorkshire', postalCode: 'LS1 1UR', addressCountry: 'GB' } },
      { address: { addressLocality: 'Bradford' } },
    ])).toBe('Leeds, West Yorkshire, LS1 1UR; Bradford');
  });
  it('says Remote for telecommute jobs with no place', () => {
    expect(formatJobLocation(undefined, 'TELECOMMUTE')).toBe('Remote');
  });
});

describe('text', () => {
  it('decodes named, decimal and hex references, leaving unknown ones alone', () => {
    expect(decodeEntities('Children &amp; Families &#163;40k &#xA3;5 &rsquo; &bogus; &#0;')).toBe('Children & Families £40k £5 ’ &bogus; &#0;');
  });
  it('collapses whitespace including no-break spaces', () => {
    expect(clean('  Senior\u00a0 Social\n\tWorker ')).toBe('Senior Social Worker');
  });
  it('turns description HTML into text lines, even when escaped twice, dropping scripts', () => {
    expect(htmlToText('&lt;p&gt;One &amp;amp; two&lt;/p&gt;&lt;ul&gt;&lt;li&gt;Three&lt;/li&gt;&lt;/ul&gt;')).toBe('One & two\nThree');
    expect(htmlToText('<p>Hi</p><script>alert(1)</script><br>there')).toBe('Hi\nthere');
  });
  it('reads text without the code of inline scripts, and tag-like text as text', () => {
    const doc = parseHtml('<h1><b>Team</b> Manager &lt;script&gt;x()&lt;/script&gt;<script>var a = 1;</script><style>h1{}</style></h1>');
    expect(textOf(doc.querySelector('h1'))).toBe('Team Manager <script>x()</script>');
  });
});

describe('JSON-LD', () => {
  it('finds JobPosting in @graph, arrays and mainEntity, with schema.org URLs as types', () => {
    const doc = parseHtml(`
      <script type="application/ld+json">{"@graph":[{"@type":"WebPage"},{"@type":"JobPosting","title":"A"}]}</script>
      <script type="application/ld+json">[{"@type":"http://schema.org/JobPosting","title":"B"}]</script>
      <script type="application/ld+json">{"@type":"WebPage","mainEntity":{"@type":"JobPosting","title":"C"}}</script>
      <script type="application/ld+json; charset=utf-8">{"@type":"JobPosting","title":"D"}</script>`);
    expect(findJsonLd(doc).map((p) => p.title)).toEqual(['A', 'B', 'C', 'D']);
  });
  it('repairs trailing commas, comments wrappers and raw newlines; skips what it cannot', () => {
    const doc = parseHtml(`
      <script type="application/ld+json"><!--{"@type":"JobPosting","title":"Line
      break",}--></script>
      <script type="application/ld+json">{"@type": "JobPosting", "title": </script>`);
    expect(findJsonLd(doc).map((p) => p.title)).toEqual(['Line       break']);
  });
  it('decodes entities and drops markup in values; reads identifier as the reference', () => {
    const doc = parseHtml(`<script type="application/ld+json">{"@type":"JobPosting","title":"<b>Senior</b> Practitioner &amp; AMHP","identifier":{"@type":"PropertyValue","value":"SC&#47;01"},"hiringOrganization":"Kent &amp; Medway"}</script>`);
    expect(readJsonLd(doc)).toMatchObject({ title: 'Senior Practitioner & AMHP', reference: 'SC/01', employer: 'Kent & Medway' });
  });
});

describe('microdata', () => {
  it('reads an itemtype JobPosting with nested organisation and place', () => {
    const doc = parseHtml(`
      <div itemscope itemtype="https://schema.org/JobPosting">
        <h1 itemprop="title">Social Worker <b>(ASYE)</b></h1>
        <div itemprop="hiringOrganization" itemscope itemtype="https://schema.org/Organization"><span itemprop="name">Hillshire Council</span></div>
        <div itemprop="jobLocation" itemscope itemtype="https://schema.org/Place">
          <div itemprop="address" itemscope itemtype="https://schema.org/PostalAddress"><span itemprop="addressLocality">Hilltown</span></div>
        </div>
        <meta itemprop="validThrough" content="2026-07-31">
        <span itemprop="baseSalary">£33,000</span>
      </div>`);
    expect(readMicrodata(doc)).toMatchObject({ title: 'Social Worker (ASYE)', employer: 'Hillshire Council', location: 'Hilltown', closingDate: '2026-07-31', salary: '£33,000' });
  });
  it('is undefined without a JobPosting scope', () => {
    expect(readMicrodata(parseHtml('<div itemscope itemtype="https://schema.org/Person"></div>'))).toBeUndefined();
  });
});

describe('label-matched dt/dd and th/td', () => {
  it('matches labels by text, case and colons aside, whatever the order', () => {
    const doc = parseHtml(`
      <dl><dt>CLOSING DATE:</dt><dd>1 May 2026</dd><dt>Salary *</dt><dd>£40k</dd><dd>plus supplement</dd></dl>
      <table><tr><th>Location</th><td>Leeds</td></tr><tr><td>Job ref</td><td>LCC-1</td></tr></table>`);
    expect(readLabelled(doc, ADVERT_LABELS)).toEqual({ closingDate: '1 May 2026', salary: '£40k, plus supplement', location: 'Leeds', reference: 'LCC-1' });
  });
  it('never reads by position: an unknown label is not taken for a known one', () => {
    const doc = parseHtml('<dl><dt>Grade</dt><dd>PO3</dd><dt>Hours</dt><dd>37</dd></dl>');
    expect(readLabelled(doc, ADVERT_LABELS)).toEqual({});
  });
});

describe('script objects', () => {
  it('reads an assigned JSON literal without running the script, strings with brackets included', () => {
    const doc = parseHtml('<script>var X = [{"a":"b ] } [","n":1}]; other();</script>');
    expect(scriptObject(doc, 'X')).toEqual([{ a: 'b ] } [', n: 1 }]);
  });
  it('accepts single quotes and trailing commas; undefined when absent or broken', () => {
    expect(scriptObject(parseHtml("<script>var Y = {'JobId': '7',};</script>"), 'Y')).toEqual({ JobId: '7' });
    expect(scriptObject(parseHtml('<script>var Z = {"a":</script>'), 'Z')).toBeUndefined();
    expect(scriptObject(parseHtml('<p>nothing</p>'), 'Z')).toBeUndefined();
  });
});

describe('Civil Service SID', () => {
  it('reads the vacancy id from a SID whose "+" arrived as a space', async () => {
    const { sidParams } = await import('@/sites/civil-service-jobs');
    const sid = btoa('joblist_view_vac=1862348&x=>>>?');
    expect(sid).toContain('+');
    const url = new URL(`https://www.civilservicejobs.service.gov.uk/csr/index.cgi?SID=${sid}`);
    expect(sidParams(url).get('joblist_view_vac')).toBe('1862348');
  });
});

describe('listing rows and page kinds', () => {
  it('a list item keeps only the fields the row shows', () => {
    expect(listItem('Social Worker', 'https://x.test/1', { location: 'Leeds', salary: undefined, reference: '', externalId: '1' })).toEqual({
      title: 'Social Worker',
      href: 'https://x.test/1',
      location: 'Leeds',
      externalId: '1',
    });
  });
  it('the first kind whose markup the page holds reads it; none, or a reader that throws, is null', () => {
    const url = new URL('https://x.test/');
    const seen: string[] = [];
    const reader = (name: string) => () => (seen.push(name), null);
    const extract = readByMarkup([['.job', reader('job')], ['.board', reader('board')]]);
    extract(parseHtml('<div class="board"></div><div class="job"></div>'), url);
    extract(parseHtml('<div class="board"></div>'), url);
    expect(extract(parseHtml('<p>neither</p>'), url)).toBeNull();
    expect(seen).toEqual(['job', 'board']);
    const throwing = readByMarkup([['p', () => { throw new Error('broken page'); }]]);
    expect(throwing(parseHtml('<p>x</p>'), url)).toBeNull();
  });
});
