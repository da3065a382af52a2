import { useEffect, useMemo, useState } from 'preact/hooks';
import { uuidv7 } from 'uuidv7';
import { extractWithProfile } from '@/sites/taught';
import { selectorFor } from '@/sites/read/selector';
import { buildProfile, TEACH_STEPS, type TeachField, type TeachKind } from '@/overlay/ui/teach';
import { askBackground } from '@/overlay/ask';
import { fromPerson } from '@/overlay/content/trusted';
import { FormError } from './requestForm';
import { Shell } from './Shell';

/**
 * The page's own element the person pointed at or clicked, or null for a script's synthetic event
 * or one on our own frame or teach layer (those never teach a field).
 */
function pageElementTouched(e: MouseEvent): Element | null {
  if (!fromPerson(e)) return null;
  const el = e.target as Element;
  return el.closest('shortlist-overlay, shortlist-teach') ? null : el;
}

/** The page element under the pointer, outlined from inside our shadow root (the page's own styles stay untouched). */
function useHover(active: boolean) {
  const [box, setBox] = useState<DOMRect | null>(null);
  const [hovered, setHovered] = useState<Element | null>(null);
  useEffect(() => {
    if (!active) return;
    const over = (e: MouseEvent) => {
      const el = pageElementTouched(e);
      if (!el) return;
      setHovered(el);
      setBox(el.getBoundingClientRect());
    };
    addEventListener('mouseover', over, true);
    return () => removeEventListener('mouseover', over, true);
  }, [active]);
  return { box, hovered };
}

/**
 * Teach mode: the person clicks the name, reference and stage (or title and reference) once;
 * we keep CSS selectors for them, show what would be read, and save the profile for the council.
 */
export function TeachPanel(props: { onDone: (saved: boolean) => void }) {
  const [kind, setKind] = useState<TeachKind>('candidate');
  const [step, setStep] = useState(0);
  const [fields, setFields] = useState<Partial<Record<TeachField, string>>>({});
  const [error, setError] = useState<string | null>(null);
  const steps = TEACH_STEPS[kind];
  const current = steps[step];
  const { box } = useHover(Boolean(current));

  useEffect(() => {
    if (!current) return;
    const click = (e: MouseEvent) => {
      // A page script's .click() or dispatched event never teaches a field: only the person's own click.
      const el = pageElementTouched(e);
      if (!el) return;
      e.preventDefault();
      e.stopPropagation();
      const selector = selectorFor(el);
      if (!selector) return setError('That element cannot be found again reliably; click the text itself.');
      setError(null);
      setFields((f) => ({ ...f, [current.field]: selector }));
      setStep((s) => s + 1);
    };
    const key = (e: KeyboardEvent) => {
      if (fromPerson(e) && e.key === 'Escape') props.onDone(false);
    };
    addEventListener('click', click, true);
    addEventListener('keydown', key, true);
    return () => {
      removeEventListener('click', click, true);
      removeEventListener('keydown', key, true);
    };
  }, [current, props]);

  const url = new URL(location.href);
  const profile = useMemo(() => buildProfile(uuidv7(), url, kind, fields), [kind, fields, url.href]);
  const preview = current ? null : extractWithProfile(profile, document, url);

  async function save() {
    try {
      const { exampleUrl: _example, ...stored } = profile;
      await askBackground({ type: 'overlay:saveProfile', profile: stored });
      props.onDone(true);
    } catch (err) {
      setError((err as Error).message);
    }
  }

  return (
    <>
      {box && current && (
        <div
          aria-hidden="true"
          style={{ position: 'fixed', left: `${box.left - 2}px`, top: `${box.top - 2}px`, width: `${box.width + 4}px`, height: `${box.height + 4}px`, outline: '3px solid #ffdd00', pointerEvents: 'none', zIndex: 2147483645 }}
        />
      )}
      <Shell title="Teach Shortlist this page" host={location.host}>
        <div data-testid="teach-panel">
          {step === 0 && (
            <p>
              <label for="sl-kind">This page shows</label>
              <select id="sl-kind" value={kind} onChange={(e) => { setKind(e.currentTarget.value as TeachKind); setFields({}); }}>
                <option value="candidate">a candidate</option>
                <option value="advert">a job advert</option>
              </select>
            </p>
          )}
          {current ? (
            <>
              <p role="status" data-testid="teach-prompt">
                Step {step + 1} of {steps.length}: {current.prompt}. Esc cancels.
              </p>
              {current.optional && (
                <div class="actions">
                  <button type="button" onClick={() => setStep((s) => s + 1)}>
                    Skip: this page has none
                  </button>
                </div>
              )}
            </>
          ) : (
            <>
              <p>Shortlist will read pages like this one ({profile.host}{profile.pathPattern}) as:</p>
              <table data-testid="teach-preview">
                <tbody>
                  {Object.entries(preview && 'name' in preview ? { name: preview.name, reference: preview.reference, stage: preview.stage, email: preview.email } : preview && preview.kind === 'advert' ? { title: preview.title, reference: preview.reference, closingDate: preview.closingDate } : {}).map(([k, v]) => (
                    <tr key={k}>
                      <td>{k}</td>
                      <td>{v ?? '—'}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
              <div class="actions">
                <button type="button" class="primary" onClick={save}>
                  Save for my council
                </button>
                <button type="button" onClick={() => { setStep(0); setFields({}); }}>
                  Start again
                </button>
              </div>
            </>
          )}
          <FormError error={error} />
          <div class="actions">
            <button type="button" onClick={() => props.onDone(false)}>
              Cancel
            </button>
          </div>
        </div>
      </Shell>
    </>
  );
}
