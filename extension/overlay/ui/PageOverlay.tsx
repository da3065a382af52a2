import { useCallback, useEffect, useState } from 'preact/hooks';
import type { SiteResult } from '@/sites/types';
import type { AdvertView, CandidateView, ListingBadge } from '@/overlay/views';
import { AdvertPanel } from './AdvertPanel';
import { askBackground } from '@/overlay/content/ask';
import { CandidatePanel } from './CandidatePanel';
import { CaptureCandidate } from './CaptureCandidate';
import { SyncNote } from './SyncNote';
import { Shell } from './Shell';
import { TrackAdvert } from './TrackAdvert';

type View = { advert: AdvertView } | { candidate: CandidateView } | { listing: ListingBadge[] };

function load(result: SiteResult): Promise<View> {
  switch (result.kind) {
    case 'advert':
      return askBackground({ type: 'overlay:advert', url: result.url, site: result.site, externalId: result.externalId, reference: result.reference }).then((advert) => ({ advert }));
    case 'candidate':
      return askBackground({ type: 'overlay:candidate', url: result.url, reference: result.reference, email: result.email, name: result.name }).then((candidate) => ({ candidate }));
    case 'advert-list':
      return askBackground({ type: 'overlay:listing', site: result.site, externalIds: result.items.flatMap((i) => (i.externalId ? [i.externalId] : [])) }).then((listing) => ({
        listing,
      }));
  }
}

/** The overlay for one recognised page. Everything the page said is rendered as text. */
export function PageOverlay(props: { result: SiteResult; onListing?: (badges: ListingBadge[]) => void }) {
  const { result } = props;
  const [view, setView] = useState<View | null>(null);
  const [error, setError] = useState<string | null>(null);
  const refresh = useCallback(() => {
    load(result).then(
      (v) => {
        setView(v);
        setError(null);
        if ('listing' in v) props.onListing?.(v.listing);
      },
      (err: Error) => setError(err.message),
    );
  }, [result]);
  useEffect(refresh, [refresh]);

  const title = result.kind === 'advert' ? result.title : result.kind === 'candidate' ? (result.name ?? 'Candidate') : `${result.items.length} jobs on this page`;
  let body;
  if (error) body = <p role="alert" class="error">{error}</p>;
  else if (!view) body = <p>Looking this up…</p>;
  else if ('advert' in view && result.kind === 'advert')
    body = view.advert.tracked ? (
      <AdvertPanel view={view.advert} expired={result.expired} />
    ) : (
      <>
        {result.expired && <p class="warn">This advert has expired on the board.</p>}
        <TrackAdvert view={view.advert} advert={result} onTracked={refresh} />
      </>
    );
  else if ('candidate' in view && result.kind === 'candidate')
    body = view.candidate.tracked ? <CandidatePanel view={view.candidate} onChanged={refresh} /> : <CaptureCandidate view={view.candidate} page={result} onCaptured={refresh} />;
  else if ('listing' in view)
    body = (
      <p data-testid="listing-summary">
        {view.listing.length} of these jobs {view.listing.length === 1 ? 'is' : 'are'} tracked by your council
        {view.listing.length ? `: ${view.listing.reduce((n, b) => n + b.overdue, 0)} overdue in all.` : '.'}
      </p>
    );
  return (
    <Shell title={title}>
      {body}
      <SyncNote />
    </Shell>
  );
}
