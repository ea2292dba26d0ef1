import type { Diagnostic } from "../diagnostics.js";
import { formatText } from "../diagnostics.js";
import { escapeHtml } from "../util/html.js";

/**
 * Markup the preview server adds to HTML responses; never part of a built site. Everything is
 * external (a script and a stylesheet served by the preview server itself) and the overlay has
 * no inline style or handler, so a site that ships a strict Content-Security-Policy
 * (`script-src 'self'; style-src 'self'`) still reloads and still shows the overlay.
 */
export const CLIENT_PREFIX = "/__dateline/";
export const EVENTS_PATH = `${CLIENT_PREFIX}events`;
export const CLIENT_SCRIPT_PATH = `${CLIENT_PREFIX}client.js`;
export const CLIENT_STYLE_PATH = `${CLIENT_PREFIX}overlay.css`;

export function clientTags(): string {
  return `<link rel="stylesheet" href="${CLIENT_STYLE_PATH}"><script src="${CLIENT_SCRIPT_PATH}" defer></script>`;
}

/** Reloads on every finished rebuild; the dismiss button is wired here, not inline. */
export const CLIENT_SCRIPT = `(function () {
  var source = new EventSource(${JSON.stringify(EVENTS_PATH)});
  source.onmessage = function () { location.reload(); };
  document.addEventListener("click", function (event) {
    var target = event.target;
    if (target && target.id === "dateline-overlay-dismiss") {
      var overlay = document.getElementById("dateline-overlay");
      if (overlay) overlay.remove();
    }
  });
})();
`;

export const CLIENT_STYLE = `#dateline-overlay{position:fixed;inset:0;z-index:2147483647;overflow:auto;
background:rgba(20,0,0,.92);color:#fff;font:14px/1.5 ui-monospace,monospace;padding:2rem}
#dateline-overlay h2{color:#ff8080;margin-top:0}
#dateline-overlay pre{white-space:pre-wrap}
`;

export function overlayHtml(diagnostics: Diagnostic[], error?: string): string {
  const text = [error, diagnostics.length ? formatText(diagnostics) : ""].filter(Boolean).join("\n\n");
  return (
    `<div id="dateline-overlay" role="alertdialog" aria-labelledby="dateline-overlay-title">` +
    `<h2 id="dateline-overlay-title">Build failed: showing the last good site underneath</h2>` +
    `<pre>${escapeHtml(text)}</pre>` +
    `<button type="button" id="dateline-overlay-dismiss">Dismiss</button></div>`
  );
}
