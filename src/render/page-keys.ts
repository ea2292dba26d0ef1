import type { PublishedArticle } from "../model/library.js";
import type { PlannedPage } from "../pages/plan.js";
import { digest } from "../util/digest.js";
import { isHtmlSpec, type HtmlSpec } from "../pages/plan.js";
import { renderPage, templateInput, type RenderEnv, type TemplateInput } from "./page.js";
import type { TemplateData } from "./views.js";

/**
 * A page's key is a digest of everything its template receives, so two builds give a page
 * the same key exactly when they would give it the same bytes (with the templates, config
 * and versions mixed in through `pagesKey`). It is computed by running the real render path
 * with two substitutes: templates that return their data as JSON instead of HTML, and bodies
 * that stand in as the article's digest instead of its HTML (the HTML is a function of the
 * digest and the pipeline version, which `pagesKey` covers). Because the key comes from the
 * same code that renders, a new page kind or view field is covered without being listed
 * anywhere, and no dependency map can drift out of date; pages that are not rendered through
 * templates (feeds, sitemaps) are keyed by their own bytes, made with the stand-in bodies.
 */
/**
 * `bodyIdentity` names everything an article's body HTML is made from (its text's digest, the
 * entity links and media it is rendered with): the stand-in body carries it, in the HTML and
 * in the headings, so any page showing either is keyed on it.
 */
export function keyingEnv(env: Omit<RenderEnv, "templates" | "renderBody">, bodyIdentity: (article: PublishedArticle) => string): RenderEnv {
  return {
    ...env,
    templates: { render: async (data) => JSON.stringify(data) },
    renderBody: async (article) => {
      const identity = `\u0000body:${bodyIdentity(article)}`;
      return { html: identity, headings: [{ depth: 1, id: identity, text: identity }] };
    },
  };
}

/**
 * Renders a page and keys it from one view, for builds that render every page (nothing to
 * reuse): the key is what `pageKeys` would compute, without building the view twice. For an
 * article page the view's body is swapped for the stand-in the keying env gives; article
 * views use the body nowhere else, and if one ever did, the key would differ from the keying
 * env's and the next build would re-render the page: slower, never stale. Pages not made
 * from templates are keyed by their bytes; site feeds show bodies, so they are rendered with
 * the stand-ins as well.
 */
export async function renderAndKey(page: PlannedPage, env: RenderEnv, keying: RenderEnv, pagesKey: string): Promise<{ output: string | Uint8Array; key: string }> {
  const spec = page.spec;
  if (isHtmlSpec(spec)) {
    const { data, label, standIn } = await keyableInput({ ...page, spec }, env, keying);
    const output = await env.templates.render(data, label);
    return { output, key: htmlPageKey(pagesKey, page.output, data, standIn) };
  }
  const output = await renderPage(page, env);
  const keyedBytes = spec.kind === "feed" ? await renderPage(page, keying) : output;
  return { output, key: pageKey(pagesKey, page.output, keyedBytes) };
}

/**
 * An HTML page's template input, and the stand-in for its body that its key is made with
 * (article pages only): what renderAndKey needs, in a form that can travel to a worker thread.
 */
export async function keyableInput(page: PlannedPage & { spec: HtmlSpec }, env: RenderEnv, keying: RenderEnv): Promise<TemplateInput & { standIn?: string }> {
  const input = await templateInput(page, env);
  if (page.spec.kind !== "article" || input.data.page.template !== "article") return input;
  const standIn = await keying.renderBody(env.ctx.library.articles[page.spec.index]!);
  return { ...input, standIn: standIn.html };
}

/** The key of an HTML page rendered from `data`: its view with the body swapped for its stand-in. */
export function htmlPageKey(pagesKey: string, output: string, data: TemplateData, standIn: string | undefined): string {
  return pageKey(pagesKey, output, keyedJson(data, standIn));
}

/**
 * The JSON an HTML page is keyed on. Page worker threads receive a page's view as this text
 * (with the body sent beside it), so the key is hashed from the very bytes the view was sent
 * as, and no thread serializes a view twice.
 */
export function keyedJson(data: TemplateData, standIn: string | undefined): string {
  const keyed = standIn === undefined || data.page.template !== "article" ? data : { ...data, page: { ...data.page, bodyHtml: standIn } };
  return JSON.stringify(keyed);
}

/**
 * A page's key from what it is keyed on (its keyed JSON, or a generated file's bytes): the one
 * formula, so keys made on a page thread and on the main thread cannot differ.
 */
export function pageKey(pagesKey: string, output: string, keyed: string | Uint8Array): string {
  return digest(pagesKey, output, keyed);
}

/**
 * Keys every page; `known` may vouch for a page's key from the previous build (when nothing
 * the page shows has changed, see incremental/page-deps.ts) so it need not be recomputed.
 */
export async function pageKeys(
  pages: readonly PlannedPage[],
  env: RenderEnv,
  pagesKey: string,
  known: (page: PlannedPage) => string | undefined = () => undefined,
): Promise<{ keys: Map<string, string>; computed: number }> {
  const keys = new Map<string, string>();
  let computed = 0;
  for (const page of pages) {
    let key = known(page);
    if (key === undefined) {
      key = pageKey(pagesKey, page.output, await renderPage(page, env));
      computed++;
    }
    keys.set(page.output, key);
  }
  return { keys, computed };
}
