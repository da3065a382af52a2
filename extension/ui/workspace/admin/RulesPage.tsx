import { Fragment } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { todayInLondon } from '#shared/calendar';
import type { Division } from '#shared/schema/index';
import { getDb } from '@/db/database';
import { refreshAccount } from '@/sync/account';
import { choicesOf, Options } from '@/ui/common/Options';
import { useSignedIn } from '../daily/useSignedIn';
import { adminApi } from './api';
import { apiFieldErrors } from './fieldErrors';
import { describedBy, Field } from './Field';
import { DIVISION_LABELS, DIVISIONS, draftOf, effectOf, EXTRA_STAGE_LABELS, EXTRA_STAGES, readDraft, retentionFields, type RulesDraft } from './rulesModel';
import './admin.css';

/** Admin: the council's targets, calendar, decisions and retention, with their effect shown before saving. */
export function RulesPage() {
  const { session, settings } = useSignedIn();
  const [draft, setDraft] = useState<RulesDraft | null>(null);
  // Field errors show once a save was tried, then follow the typing; the server's stay until the next save.
  const [tried, setTried] = useState(false);
  const [serverErrors, setServerErrors] = useState<Record<string, string>>({});
  const [saved, setSaved] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const councilName = session?.me.organisation.name ?? '';
  useEffect(() => {
    if (session && !draft) setDraft(draftOf(settings, councilName));
  }, [session]);
  if (session === undefined || !draft) return <p>Loading the council’s rules…</p>;

  const read = readDraft(draft, settings);
  const asOf = todayInLondon(new Date());
  const edit = (change: Partial<RulesDraft>) => {
    setDraft({ ...draft, ...change });
    setSaved(null);
  };
  const text = (key: 'shortlistWorkingDays' | 'interviewWorkingDays' | 'councilName') => (e: { currentTarget: { value: string } }) => edit({ [key]: e.currentTarget.value });
  const err = (key: string): string | undefined => (tried && !read.ok ? read.errors[key] : undefined) ?? serverErrors[key];

  async function save(e: Event) {
    e.preventDefault();
    setTried(true);
    setServerErrors({});
    if (!read.ok) return;
    setBusy(true);
    try {
      await adminApi.saveSettings(read.settings);
      if (read.councilName !== councilName) await adminApi.renameCouncil(read.councilName);
      await refreshAccount(getDb());
      setSaved('Saved. Every browser uses these rules from its next sync (within a minute or two when online).');
    } catch (error) {
      setServerErrors(apiFieldErrors(error));
    } finally {
      setBusy(false);
    }
  }

  const number = (id: string, key: string, value: string, onInput: (v: string) => void, hint?: string) => (
    <input id={id} inputMode="numeric" size={4} value={value} onInput={(e) => onInput(e.currentTarget.value)} {...describedBy(id, err(key), Boolean(hint))} />
  );
  return (
    <section aria-labelledby="rules-title">
      <h1 id="rules-title">The council’s rules</h1>
      <p class="summary">Targets count working days: Monday to Friday, without the bank holidays of the council’s part of the UK.</p>
      <form aria-label="The council’s rules" noValidate onSubmit={save}>
        <fieldset>
          <legend>The council</legend>
          <div class="admin-form">
            <Field id="rules-name" label="Council name, as Shortlist shows it" error={err('councilName')}>
              <input id="rules-name" size={40} value={draft.councilName} onInput={text('councilName')} {...describedBy('rules-name', err('councilName'))} />
            </Field>
            <Field id="rules-division" label="Bank holidays of" error={err('division')}>
              <select id="rules-division" value={draft.division} onChange={(e) => edit({ division: e.currentTarget.value as Division })}>
                <Options choices={choicesOf(DIVISIONS, DIVISION_LABELS)} />
              </select>
            </Field>
          </div>
        </fieldset>
        <fieldset>
          <legend>Targets</legend>
          <div class="admin-form">
            <Field id="rules-shortlist" label="Shortlisting target (working days)" error={err('shortlistWorkingDays')} hint="From receipt (rolling) or the closing date.">
              {number('rules-shortlist', 'shortlistWorkingDays', draft.shortlistWorkingDays, (v) => edit({ shortlistWorkingDays: v }), 'hint')}
            </Field>
            <Field id="rules-interview" label="Interview target (working days)" error={err('interviewWorkingDays')} hint="From the shortlisting decision.">
              {number('rules-interview', 'interviewWorkingDays', draft.interviewWorkingDays, (v) => edit({ interviewWorkingDays: v }), 'hint')}
            </Field>
          </div>
          <p class="muted">Other stages: amber after the ideal, overdue after the maximum. Leave both empty for no target.</p>
          <div class="stage-targets" role="group" aria-label="Targets of the other stages">
            <span class="muted">Stage</span>
            <span class="muted">Ideal</span>
            <span class="muted">Maximum</span>
            <span />
            {EXTRA_STAGES.map((st) => {
              const t = draft.stageTargets[st];
              const set = (k: 'ideal' | 'max') => (v: string) => edit({ stageTargets: { ...draft.stageTargets, [st]: { ...t, [k]: v } } });
              const problem = err(`stageTargets.${st}.ideal`) ?? err(`stageTargets.${st}.max`);
              return (
                <Fragment key={st}>
                  <span>{EXTRA_STAGE_LABELS[st]}</span>
                  {(['ideal', 'max'] as const).map((k) => (
                    <span key={k}>
                      <label class="visually-hidden" for={`rules-${st}-${k}`}>
                        {EXTRA_STAGE_LABELS[st]}: {k === 'ideal' ? 'ideal' : 'maximum'} working days
                      </label>
                      <input id={`rules-${st}-${k}`} inputMode="numeric" value={t[k]} onInput={(e) => set(k)(e.currentTarget.value)} aria-invalid={err(`stageTargets.${st}.${k}`) ? true : undefined} aria-describedby={problem ? `rules-${st}-error` : undefined} />
                    </span>
                  ))}
                  <span id={`rules-${st}-error`} class="field-error" role={problem ? 'alert' : undefined}>
                    {problem ?? ''}
                  </span>
                </Fragment>
              );
            })}
          </div>
        </fieldset>
        <fieldset>
          <legend>Decisions</legend>
          <label>
            <input type="checkbox" checked={draft.managersDecideOwnTeam} onChange={(e) => edit({ managersDecideOwnTeam: e.currentTarget.checked })} /> Team managers may decide
            their own team’s vacancies without being on the rota
          </label>
        </fieldset>
        <fieldset>
          <legend>Keeping personal data</legend>
          <div class="admin-form">
            {retentionFields().map((r) => (
              <Field key={r.key} id={`rules-${r.key}`} label={r.label} error={err(r.key)} hint={r.hint} class="wide">
                {number(`rules-${r.key}`, r.key, draft.retention[r.key] ?? '', (v) => edit({ retention: { ...draft.retention, [r.key]: v } }), r.hint)}
              </Field>
            ))}
          </div>
        </fieldset>
        <section class="effect" aria-label="What this means" aria-live="polite">
          <h2>What this means</h2>
          {read.ok ? effectOf(read.settings, asOf).map((line) => <p key={line}>{line}</p>) : <p>Correct the fields marked above to see what the rules mean.</p>}
        </section>
        <p>
          <button type="submit" class="primary" disabled={busy}>
            Save the rules
          </button>{' '}
          {saved && <span role="status">{saved}</span>}
          {err('form') && (
            <span class="field-error" role="alert">
              {err('form')}
            </span>
          )}
        </p>
      </form>
    </section>
  );
}
