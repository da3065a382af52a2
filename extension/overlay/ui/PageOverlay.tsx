import { useCallback, useLayoutEffect, useState } from 'preact/hooks';
import { NO_SESSION, type FrameView } from '@/overlay/views';
import { askBackground } from '@/overlay/ask';
import { AdvertPanel } from './AdvertPanel';
import { CandidatePanel } from './CandidatePanel';
import { CaptureCandidate } from './CaptureCandidate';
import { SyncNote } from './SyncNote';
import { Shell, type ShellLayout } from './Shell';
import { TrackAdvert } from './TrackAdvert';

/**
 * The overlay for one recognised page, in the overlay's frame: it asks the background for its
 * session's view (what the page said, and what the council knows of it). Everything the page
 * said is rendered as text.
 */
export function PageOverlay(props: { session: string; onLayout?: (layout: ShellLayout) => void }) {
  const { session } = props;
  const [frame, setFrame] = useState<FrameView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const refresh = useCallback(() => {
    askBackground({ type: 'overlay:view', session }).then(
      (v) => {
        performance.mark('frame:view');
        setFrame(v);
        setError(null);
      },
      (err: Error) => setError(err.message),
    );
  }, [session]);
  // Asked at once on mounting, not after the next animation frame (Shell.tsx says why).
  useLayoutEffect(refresh, [refresh]);

  const page = frame?.page;
  const view = frame?.view;
  const title = !page ? 'Shortlist' : page.kind === 'advert' ? page.title : page.kind === 'candidate' ? (page.name ?? 'Candidate') : `${page.items.length} jobs on this page`;
  let body;
  if (error) body = <p role="alert" class="error">{error}</p>;
  else if (!page || !view) body = <p>Looking this up…</p>;
  else if ('advert' in view && page.kind === 'advert')
    body = view.advert.tracked ? (
      <AdvertPanel view={view.advert} expired={page.expired} />
    ) : (
      <>
        {page.expired && <p class="warn">This advert has expired on the board.</p>}
        <TrackAdvert session={session} view={view.advert} advert={page} onTracked={refresh} />
      </>
    );
  else if ('candidate' in view && page.kind === 'candidate')
    body = view.candidate.tracked ? (
      <CandidatePanel session={session} view={view.candidate} onChanged={refresh} />
    ) : (
      <CaptureCandidate session={session} view={view.candidate} page={page} onCaptured={refresh} />
    );
  else if ('listing' in view)
    body = (
      <p data-testid="listing-summary">
        {view.listing.length} of these jobs {view.listing.length === 1 ? 'is' : 'are'} tracked by your council
        {view.listing.length ? `: ${view.listing.reduce((n, b) => n + b.overdue, 0)} overdue in all.` : '.'}
      </p>
    );
  // Placement is remembered per site: the tab's host, which the background names (the frame's own host is the extension).
  // Nothing until there is something to show; nothing at all for a session the background does not know (a frame the page made).
  if (!frame && (!error || error.startsWith(NO_SESSION))) return null;
  return (
    <Shell title={title} host={frame?.host ?? 'unknown'} onLayout={props.onLayout}>
      {body}
      <SyncNote />
    </Shell>
  );
}
