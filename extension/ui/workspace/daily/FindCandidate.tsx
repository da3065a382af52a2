import { useState } from 'preact/hooks';
import { formatDay } from '#shared/calendar';
import { candidateName } from '#shared/names';
import type { DailyData } from './data';
import { findCandidates } from './findCandidates';

/** The candidate page without a candidate: find one by name, email or ATS reference. */
export function FindCandidate({ data }: { data: DailyData }) {
  const [text, setText] = useState('');
  const found = findCandidates(text, data.applications, data.vacancies);
  return (
    <section aria-labelledby="find-title">
      <h1 id="find-title">Find a candidate</h1>
      <p>
        <label>
          Name, email or ATS reference{' '}
          <input type="search" value={text} onInput={(e) => setText((e.currentTarget as HTMLInputElement).value)} />
        </label>
      </p>
      {text.trim().length >= 2 ? (
        found.length ? (
          <ul>
            {found.map(({ application, vacancy }) => (
              <li key={application.id}>
                <a href={`#/candidate?id=${encodeURIComponent(application.id)}`}>{candidateName(application)}</a>
                {` · ${vacancy?.title ?? 'unknown vacancy'} · received ${formatDay(application.receivedDate)}`}
              </li>
            ))}
          </ul>
        ) : (
          <p role="status">No candidate matches “{text.trim()}”.</p>
        )
      ) : (
        <p class="summary">Or open a candidate from your queue or the board.</p>
      )}
    </section>
  );
}
