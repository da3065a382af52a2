/** The overlay's own styles, inside its shadow root: the page's CSS never reaches it and ours never leaks out. */
export const OVERLAY_CSS = `
:host { all: initial; }
.sl { position: fixed; z-index: 2147483646; width: 320px; max-height: 70vh; overflow: auto; background: #fff; color: #1b1b1b;
  border: 1px solid #505a5f; border-radius: 6px; box-shadow: 0 2px 10px rgba(0,0,0,.25); font: 14px/1.4 system-ui, -apple-system, 'Segoe UI', sans-serif; }
.sl * { box-sizing: border-box; }
.sl header { display: flex; align-items: center; gap: 6px; padding: 6px 8px; background: #1d70b8; color: #fff; border-radius: 5px 5px 0 0; }
.sl header .grip { cursor: move; flex: 1; font-weight: 700; background: none; border: 0; color: inherit; text-align: left; font: inherit; font-weight: 700; padding: 2px; }
.sl header button { background: #fff; color: #1d70b8; border: 0; border-radius: 3px; padding: 1px 8px; cursor: pointer; font: inherit; }
.sl .body { padding: 8px 10px; }
.sl h2 { font-size: 15px; margin: 0 0 4px; }
.sl h3 { font-size: 13px; margin: 10px 0 4px; text-transform: uppercase; letter-spacing: .03em; color: #505a5f; }
.sl p { margin: 4px 0; overflow-wrap: anywhere; }
.sl td { overflow-wrap: anywhere; }
.sl ul { margin: 0; padding: 0 0 0 16px; }
.sl li { margin: 2px 0; }
.sl table { border-collapse: collapse; width: 100%; }
.sl td { padding: 1px 4px; border-bottom: 1px solid #e5e5e5; }
.sl td.n { text-align: right; font-variant-numeric: tabular-nums; }
.sl label { display: block; margin: 6px 0 2px; font-weight: 600; font-size: 13px; }
.sl input, .sl select { width: 100%; font: inherit; padding: 3px 4px; border: 1px solid #505a5f; border-radius: 3px; }
.sl .actions { display: flex; flex-wrap: wrap; gap: 6px; margin-top: 8px; }
.sl .actions button, .sl form button { font: inherit; padding: 3px 10px; border: 1px solid #1d70b8; border-radius: 4px; background: #fff; color: #1d70b8; cursor: pointer; }
.sl button.primary { background: #1d70b8; color: #fff; }
.sl :focus-visible { outline: 3px solid #ffdd00; outline-offset: 1px; }
.sl .green { color: #00703c; } .sl .amber { color: #b35900; } .sl .red { color: #d4351c; font-weight: 700; }
.sl .warn { background: #fff4e5; border-left: 4px solid #b35900; padding: 4px 6px; margin: 6px 0; }
.sl .error { color: #d4351c; }
.sl .muted { color: #505a5f; font-size: 12px; }
.sl dl { margin: 4px 0 8px; } .sl dl div { display: flex; gap: 6px; } .sl dt { font-weight: 600; min-width: 6.5em; } .sl dd { margin: 0; }
.sl p.sync { position: sticky; bottom: 0; margin: 6px -10px -8px; padding: 4px 10px; background: #fff; border-top: 1px solid #e5e5e5; font-size: 13px; }
.sl.collapsed { width: auto; }
/* In its own frame the panel fills the frame, which the content script sizes and places to fit it. */
.sl.framed { position: static; max-height: 100vh; border-radius: 6px; box-shadow: none; }
.sl.framed.collapsed { width: max-content; }
`;
