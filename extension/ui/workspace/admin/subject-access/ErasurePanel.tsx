import { useEffect, useRef, useState } from 'preact/hooks';
import type { ErasureProgressResponse } from '#shared/api/index';
import { send } from '@/messages/send';
import { adminApi } from '../api';
import { FormError } from '../Field';
import { eraseButtonWords, progressWords, type ErasurePlan } from './subjectAccessModel';

/** How often the page asks the server how far an erasure has got while it is not everywhere yet. */
const POLL_MS = 5_000;

/**
 * Erase, with a confirmation that names what goes, then the erasure's progress across the
 * council's browsers (how many active browsers have pulled past it), asked again every few
 * seconds until every one has.
 */
export function ErasurePanel(props: { plan: ErasurePlan; onErased: (ids: string[]) => void }) {
  const { plan } = props;
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>();
  const [erased, setErased] = useState<string[] | null>(null);
  const dialog = useRef<HTMLElement>(null);
  const opener = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (confirming) dialog.current?.focus();
  }, [confirming]);

  if (erased) return <ErasureProgress applicationIds={erased} />;
  const records = [...plan.applicationIds, ...plan.staffIds];
  if (!records.length) return <p class="muted">Nothing left to erase: every application and staff record found is erased already.</p>;

  const cancel = () => {
    setConfirming(false);
    setError(undefined);
    // Back to the button that opened it, for a keyboard user.
    setTimeout(() => opener.current?.focus(), 0);
  };
  async function erase() {
    setBusy(true);
    try {
      for (const id of plan.applicationIds) await adminApi.erase(id);
      for (const id of plan.staffIds) await adminApi.eraseStaff(id);
      setErased(records);
      props.onErased(records);
      // This browser's own copy goes at once; the others' on their next sync.
      void send({ type: 'syncNow' });
    } catch (err) {
      setError(`The erasure did not finish: ${(err as Error).message}. Try again: what was erased stays erased.`);
    } finally {
      setBusy(false);
    }
  }
  if (!confirming) {
    return (
      <p>
        <button type="button" ref={opener} class="danger" onClick={() => setConfirming(true)}>
          Erase this person…
        </button>
      </p>
    );
  }
  return (
    <section
      class="confirm-erase"
      role="alertdialog"
      aria-labelledby="erase-title"
      aria-describedby="erase-lines"
      tabIndex={-1}
      ref={dialog}
      onKeyDown={(e) => e.key === 'Escape' && cancel()}
    >
      <h3 id="erase-title">{plan.title}</h3>
      <p>This cannot be undone. It takes:</p>
      <ul id="erase-lines">
        {plan.lines.map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
      <p class="actions">
        <button type="button" class="danger" disabled={busy} onClick={() => void erase()}>
          {eraseButtonWords(plan)}
        </button>{' '}
        <button type="button" onClick={cancel}>
          Cancel
        </button>{' '}
        <FormError error={error} />
      </p>
    </section>
  );
}

function ErasureProgress(props: { applicationIds: string[] }) {
  const [progress, setProgress] = useState<Record<string, ErasureProgressResponse>>({});
  const [error, setError] = useState<string | null>(null);
  const check = async () => {
    try {
      // The ids of the applications and staff records erased: the server finds the erasure of either.
      const answers = await Promise.all(props.applicationIds.map((id) => adminApi.erasureProgress(id)));
      setProgress(Object.fromEntries(answers.map((a) => [a.applicationId, a])));
      setError(null);
      return answers.every((a) => progressWords(a).done);
    } catch (err) {
      setError((err as Error).message);
      return false;
    }
  };
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    let stopped = false;
    const loop = async () => {
      if ((await check()) || stopped) return;
      timer = setTimeout(() => void loop(), POLL_MS);
    };
    void loop();
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, []);
  const words = Object.values(progress).map((p) => progressWords(p));
  // Several records of one person erase together: the slowest one says how far it got.
  const slowest = Object.values(progress).sort((a, b) => a.pulledPast / (a.active || 1) - b.pulledPast / (b.active || 1))[0];
  const shown = slowest ? progressWords(slowest) : null;
  return (
    <section class="erasure-progress" aria-labelledby="progress-title" aria-live="polite">
      <h3 id="progress-title">Erased: the erasure across the council’s browsers</h3>
      {shown ? (
        <>
          <p role="status">{shown.headline}</p>
          {slowest && slowest.active > 0 && <progress max={slowest.active} value={slowest.pulledPast} aria-label="Browsers that have pulled the erasure" />}
          {shown.waiting.length > 0 && <p class="muted">Waiting for: {shown.waiting.join('; ')}. A browser counts once it syncs again after pulling the erasure.</p>}
        </>
      ) : (
        !error && <p>Asking the server…</p>
      )}
      {error && (
        <p role="alert" class="status-red">
          Could not read the progress: {error}
        </p>
      )}
      {words.length > 0 && !words.every((w) => w.done) && (
        <button type="button" onClick={() => void check()}>
          Check again
        </button>
      )}
    </section>
  );
}
