import type { Diagnostic } from "../diagnostics.js";
import { formatText } from "../diagnostics.js";

/**
 * Markup the preview server adds to HTML responses; never part of a built site. The overlay
 * shows why the last rebuild failed while the last good page stays visible beneath it.
 */
export function liveReloadScript(eventsPath: string): string {
  return `<script>new EventSource(${JSON.stringify(eventsPath)}).onmessage=function(){location.reload()}</script>`;
}

export function overlayHtml(diagnostics: Diagnostic[], error?: string): string {
  const text = [error, diagnostics.length ? formatText(diagnostics) : ""].filter(Boolean).join("\n\n");
  return (
    `<div id="dateline-overlay" role="alertdialog" aria-label="Build failed" style="position:fixed;inset:0;z-index:2147483647;` +
    `overflow:auto;background:rgba(20,0,0,.92);color:#fff;font:14px/1.5 ui-monospace,monospace;padding:2rem">` +
    `<h2 style="color:#ff8080;margin-top:0">Build failed: showing the last good site underneath</h2>` +
    `<pre style="white-space:pre-wrap">${escapeHtml(text)}</pre>` +
    `<button type="button" onclick="this.parentNode.remove()">Dismiss</button></div>`
  );
}

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
