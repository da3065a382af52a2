import { useState } from 'preact/hooks';
import { SOURCE_LABELS, SOURCES, type Source } from '#shared/labels';
import type { OverlayPage, UntrackedCandidateView } from '@/overlay/views';
import { loadActions } from '@/overlay/frame/load-actions';
import { duplicateSummary } from './duplicate-words';
import { FormError, useRequestForm } from './requestForm';

/** "Capture candidate": name and reference from the page, duplicates shown before saving. */
export function CaptureCandidate(props: { session: string; view: UntrackedCandidateView; page: Extract<OverlayPage, { kind: 'candidate' }>; onCaptured: () => void }) {
  const { page, view } = props;
  const [name, setName] = useState(page.name ?? '');
  const [email, setEmail] = useState(page.email ?? '');
  const [reference, setReference] = useState(page.reference ?? '');
  const [vacancyId, setVacancyId] = useState('');
  const [source, setSource] = useState<Source>('other_board');
  const [experience, setExperience] = useState<'nqsw' | 'experienced'>('experienced');
  const { error, onSubmit } = useRequestForm(async () => {
    // The page's address (the ATS link) is the session's, taken by the background from the tab.
    await (await loadActions()).captureSessionCandidate(props.session, {
      vacancyId,
      name,
      ...(email ? { email } : {}),
      ...(reference ? { atsReference: reference } : {}),
      source,
      experience,
    });
    props.onCaptured();
  });
  return (
    <form onSubmit={onSubmit} data-testid="capture-candidate" aria-label="Capture candidate">
      <p>This candidate is not tracked yet.</p>
      {view.duplicates.map((d) => (
        <p class="warn" role="note" key={d.applicationId} data-testid="duplicate-warning">
          {duplicateSummary(d)}
        </p>
      ))}
      <label for="sl-name">Name</label>
      <input id="sl-name" required value={name} onInput={(e) => setName(e.currentTarget.value)} />
      <label for="sl-email">Email (optional)</label>
      <input id="sl-email" type="email" value={email} onInput={(e) => setEmail(e.currentTarget.value)} />
      <label for="sl-ref">ATS reference</label>
      <input id="sl-ref" value={reference} onInput={(e) => setReference(e.currentTarget.value)} />
      <label for="sl-cvac">Vacancy</label>
      <select id="sl-cvac" required value={vacancyId} onChange={(e) => setVacancyId(e.currentTarget.value)}>
        <option value="">Choose…</option>
        {view.vacancies.map((v) => (
          <option key={v.id} value={v.id}>
            {v.title} ({v.status})
          </option>
        ))}
      </select>
      <label for="sl-source">Source</label>
      <select id="sl-source" value={source} onChange={(e) => setSource(e.currentTarget.value as Source)}>
        {SOURCES.filter((s) => s !== 'referral').map((s) => (
          <option key={s} value={s}>
            {SOURCE_LABELS[s]}
          </option>
        ))}
      </select>
      <label for="sl-exp">Experience</label>
      <select id="sl-exp" value={experience} onChange={(e) => setExperience(e.currentTarget.value as 'nqsw' | 'experienced')}>
        <option value="experienced">Experienced social worker</option>
        <option value="nqsw">NQSW / ASYE</option>
      </select>
      <div class="actions">
        <button type="submit" class="primary">
          Capture candidate
        </button>
      </div>
      <FormError error={error} />
    </form>
  );
}
