/** The panel shown on a recognised page, inside a shadow root so the page's styles never reach it. */
export function Overlay(props: { title: string }) {
  return (
    <aside
      aria-label="Shortlist"
      data-testid="shortlist-overlay"
      style={{
        position: 'fixed', right: '16px', bottom: '16px', zIndex: 2147483647, width: '300px',
        background: '#fff', color: '#1b1b1b', border: '1px solid #505a5f', borderRadius: '6px',
        font: '14px system-ui, sans-serif', padding: '10px 12px', boxShadow: '0 2px 8px rgba(0,0,0,.25)',
      }}
    >
      <strong>Shortlist</strong>
      {/* Page text is rendered as text, never as HTML. */}
      <p style={{ margin: '6px 0 0' }}>{props.title}</p>
    </aside>
  );
}
