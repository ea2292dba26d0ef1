import type { Root } from "mdast";
import { basename, extname } from "node:path";
import { parseDate, type DateValue } from "../dates.js";
import type { DiagnosticBag, Position } from "../diagnostics.js";
import { digest } from "../util/digest.js";
import type { Article, Correction, EntityType } from "./article.js";
import type { SourceFile } from "./discover.js";
import { parseFrontmatter, type ParsedFrontmatter } from "./frontmatter.js";
import { decodeArticle, readArticleFile } from "./read.js";
import { FIELD_HINTS, formatPath, KNOWN_FIELDS, suggestField, validateFrontmatter, validFields, brokenTextPaths, type Frontmatter } from "./schema.js";
import { cleanName, slugify } from "./slug.js";
import { findExcessiveNesting, findInlineOverload, MAX_BRACKET_DEPTH, MAX_CLOSING_BRACKETS, MAX_EMPHASIS_RUNS, MAX_NESTING } from "./body-limits.js";
import { checkHttpUrl, checkImageSource, isExternalUrl, isProtocolRelative, normaliseSitePath } from "./links.js";
import { plainText } from "./plaintext.js";
import { visibleText } from "./visible-text.js";
import { articleStructure } from "./structure.js";
import { isLocalReference, scanBody, type RawMediaRef } from "./media.js";
import { articleMentions } from "../entities/article-mentions.js";
import type { CompiledRegistry } from "../entities/matcher.js";

export interface LoadOptions {
  timezone: string;
  /** The content folder's entity registry, compiled; none means no registered names. */
  registry?: CompiledRegistry;
  /**
   * Parses a body (content/body.ts parseBody): the word count, excerpt and mentions are read
   * from its tree. Passed in because this module must not load remark: a build whose articles
   * all come from the cache never parses a body, and loading remark is a share of its time.
   */
  parse: (file: string, markdown: string) => Root;
}

/**
 * What loading hands a caller that renders the body straight away (the worker pool): the
 * Markdown, its tree (rendered as it is, not parsed again) and its search text (search/docs.ts).
 */
export interface LoadSink {
  body?: string;
  tree?: Root;
  search?: string;
}

/**
 * Reads, parses and validates one article. Every problem goes into `bag`; the article is
 * returned only when it is usable, so one bad file never stops the others being checked.
 */
export function loadArticle(
  file: SourceFile,
  bytes: Uint8Array,
  options: LoadOptions,
  bag: DiagnosticBag,
  sink?: LoadSink,
): Article | undefined {
  const decoded = decodeArticle(bytes);
  if (!decoded.ok) {
    bag.error(file.displayPath, decoded, decoded.rule, decoded.message, decoded.hint);
    return undefined;
  }
  const text = decoded.text;
  if (text.trim() === "") {
    bag.error(file.displayPath, { line: 1, column: 1 }, "file/empty", "the file is empty",
      'write a frontmatter block with at least title and date, then the article text; or delete the file');
    return undefined;
  }

  const fm = parseFrontmatter(text);
  if (sink) sink.body = fm.body;
  for (const p of fm.problems) bag.error(file.displayPath, p.at, p.rule, p.message, p.hint);
  if (fm.problems.length > 0) return undefined;

  const broken = brokenTextPaths(fm.data);
  for (const path of broken) {
    bag.error(file.displayPath, fm.positionOf(path), "frontmatter/broken-character",
      `${formatPath(path)}: holds half of a UTF-16 pair (an escape such as "\\ud800"), which no page, feed or JSON can carry`,
      "write the character itself, or its full escape pair; remove the stray escape");
  }

  for (const key of Object.keys(fm.data)) {
    if (KNOWN_FIELDS.includes(key)) continue;
    const suggestion = suggestField(key);
    bag.warning(file.displayPath, fm.keyPosition(key), "frontmatter/unknown-field", `unknown field "${key}" is ignored`,
      suggestion ? `did you mean "${suggestion}"?` : `known fields: ${KNOWN_FIELDS.join(", ")}`);
  }
  const known = Object.fromEntries(Object.entries(fm.data).filter(([k]) => KNOWN_FIELDS.includes(k)));
  const validated = validateFrontmatter(known);
  if (!validated.ok) {
    for (const problem of validated.problems) {
      const field = String(problem.path[0] ?? "");
      bag.error(file.displayPath, fm.positionOf(problem.path), `frontmatter/${field.replace(/_/g, "-") || "invalid"}`,
        `${formatPath(problem.path)}: ${problem.message}`, problem.hint ?? FIELD_HINTS[field]);
    }
    // The fields that are valid are still checked (a date like 2024-13-01 is valid text), so
    // one run lists every problem in the file, not one field's per run.
    toArticle(file, text, fm, validFields(known), options, bag, undefined, "check-only");
    return undefined;
  }
  if (broken.length > 0) {
    toArticle(file, text, fm, validated.value, options, bag, undefined, "check-only");
    return undefined;
  }
  return toArticle(file, text, fm, validated.value, options, bag, sink, "load");
}

/**
 * Checks the values of the fields (dates, names, URLs, the body's limits) and makes the
 * article. `check-only` runs the checks on the fields that passed the schema, when others did
 * not, and makes nothing.
 */
function toArticle(
  file: SourceFile,
  text: string,
  fm: ParsedFrontmatter,
  data: Partial<Frontmatter>,
  options: LoadOptions,
  bag: DiagnosticBag,
  sink: LoadSink | undefined,
  mode: "load" | "check-only",
): Article | undefined {
  let ok = true;
  const fail = (path: (string | number)[], rule: string, message: string, hint?: string) => {
    // An empty path is a problem with the file itself (its name), not with a field.
    if (path.length === 0) bag.error(file.displayPath, undefined, rule, message, hint);
    else bag.error(file.displayPath, fm.positionOf(path), rule, `${formatPath(path)}: ${message}`, hint ?? FIELD_HINTS[String(path[0])]);
    ok = false;
  };
  const date = (value: string, path: (string | number)[]): DateValue | undefined => {
    const parsed = parseDate(value, options.timezone);
    if (parsed.ok) return parsed.value;
    fail(path, "frontmatter/date", parsed.message, parsed.hint);
    return undefined;
  };

  const published = data.date === undefined ? undefined : date(data.date, ["date"]);
  const updated = data.updated === undefined ? undefined : date(data.updated, ["updated"]);
  if (published && updated && before(updated, published)) {
    fail(["updated"], "frontmatter/updated-before-date", "is earlier than the publication date",
      "updated is when the article last changed; it cannot be before date");
  }
  const corrections: Correction[] = [];
  (data.corrections ?? []).forEach((c, i) => {
    const d = date(c.date, ["corrections", i, "date"]);
    // Like updated: a correction cannot come before the article it corrects (a mistyped year).
    if (d && published && before(d, published)) {
      fail(["corrections", i, "date"], "frontmatter/correction-before-date", "is earlier than the publication date",
        "a correction is dated when it was made, on or after date");
    } else if (d) corrections.push({ date: d, text: c.text });
  });

  const slug = resolveSlug(file, data, fail);
  /** `single`: the field holds one name as text (author: Jane Doe), so it has no [index]. */
  const names = (values: readonly string[] | undefined, path: string[], rule: string, single = false): string[] => {
    const out: string[] = [];
    if (values && values.length > MAX_NAMES) {
      fail(path, "frontmatter/too-many-names", `has ${values.length} names (at most ${MAX_NAMES})`,
        "keep the names the article is really about: each one gets a page listing the article, and every listing repeats them");
      return out;
    }
    (values ?? []).forEach((value, i) => {
      const name = cleanName(value);
      if (slugify(name) === "") {
        fail(single ? path : [...path, i], rule, `"${value}" has no letters or digits, so it cannot have a page`,
          "use a name made of words, or remove the entry");
      } else if (!out.includes(name)) out.push(name);
    });
    return out;
  };
  const tags = names(data.tags, ["tags"], "frontmatter/tag-name");
  const entities: Record<EntityType, string[]> = {
    person: names(data.entities?.people, ["entities", "people"], "frontmatter/entity-name"),
    organization: names(data.entities?.organizations, ["entities", "organizations"], "frontmatter/entity-name"),
    place: names(data.entities?.places, ["entities", "places"], "frontmatter/entity-name"),
  };
  const authors = typeof data.author === "string"
    ? names([data.author], ["author"], "frontmatter/author-name", true)
    : names(data.author, ["author"], "frontmatter/author-name");

  if (data.image && data.image.alt === "") {
    fail(["image", "alt"], "frontmatter/image-alt", "must describe the image for readers who cannot see it",
      'write what the photo shows: alt: "Border guards at the Al-Qaim crossing"');
  }
  const canonical = data.canonical === undefined ? undefined : checkHttpUrl(data.canonical);
  if (canonical && !canonical.ok) fail(["canonical"], "frontmatter/canonical", canonical.message, canonical.hint);
  const imageSrc = data.image ? checkImageSource(data.image.src) : undefined;
  if (imageSrc && !imageSrc.ok) fail(["image", "src"], "frontmatter/image-src", imageSrc.message, imageSrc.hint);
  if (imageSrc?.ok && isExternalUrl(imageSrc.value)) {
    bag.warning(file.displayPath, fm.positionOf(["image", "src"]), "frontmatter/image-external",
      `image.src: ${imageSrc.value} is on another host: feeds and link previews use it, but the article page does not show it`,
      "put the image file beside the article so the page can show it (pages load nothing from other hosts)");
  }
  const redirectFrom: string[] = [];
  (data.redirect_from ?? []).forEach((path, i) => {
    const normalised = normaliseSitePath(path);
    if (normalised) {
      if (!redirectFrom.includes(normalised)) redirectFrom.push(normalised);
    } else if (isProtocolRelative(path)) {
      fail(["redirect_from", i], "frontmatter/redirect-from",
        `"${path}" is not a site path: a path starting with // names another host (a protocol-relative URL)`,
        "write the old path from the site root with a single slash, e.g. /2024/12/old-slug/");
    } else {
      fail(["redirect_from", i], "frontmatter/redirect-from", `"${path}" is not a site path`,
        "write the old path from the site root, e.g. /2024/12/old-slug/ (no .., no query string)");
    }
  });

  const nesting = findExcessiveNesting(fm.body);
  if (nesting) {
    bag.error(file.displayPath, { line: fm.bodyLine + nesting.line, column: 1 }, "body/too-deep",
      `this ${NESTING_NAMES[nesting.kind]} nested ${nesting.depth} levels deep (at most ${MAX_NESTING})`,
      "flatten it: nesting this deep takes minutes to render and can crash the build");
    ok = false;
  }
  const inline = findInlineOverload(fm.body);
  if (inline) {
    bag.error(file.displayPath, { line: fm.bodyLine + inline.line, column: 1 }, "body/too-complex",
      inline.kind === "emphasis"
        ? `this paragraph has ${inline.count} runs of *, _ or ~ (at most ${MAX_EMPHASIS_RUNS})`
        : inline.kind === "brackets"
          ? `this paragraph nests [brackets] ${inline.count} deep (at most ${MAX_BRACKET_DEPTH})`
          : `this paragraph has ${inline.count} closing brackets ] (at most ${MAX_CLOSING_BRACKETS})`,
      "split it into shorter paragraphs, or put literal text in a code block: markup this dense takes minutes to render and can crash the build");
    ok = false;
  }
  if (!ok || !published || mode === "check-only" || data.title === undefined) return undefined;
  const tree = options.parse(file.displayPath, fm.body);
  const visible = visibleText(tree);
  if (sink) {
    sink.tree = tree;
    sink.search = visible.search;
  }
  const body = plainText(visible.prose);
  const excludedEntities = (data.entities?.exclude ?? []).map(cleanName);
  const mediaRefs: RawMediaRef[] = [];
  if (data.image && isLocalReference(data.image.src)) {
    mediaRefs.push({ src: data.image.src, alt: data.image.alt, kind: "lead-image", at: fm.positionOf(["image", "src"]) });
  }
  for (const ref of scanBody(fm.body, fm.bodyLine)) mediaRefs.push(ref);
  const article: Omit<Article, "structure"> = {
    id: file.contentPath,
    sourcePath: file.absolutePath,
    file: file.displayPath,
    digest: digest(text),
    title: cleanName(data.title),
    slug,
    date: published,
    updated,
    authors,
    summary: data.summary === undefined ? undefined : cleanName(data.summary),
    excerpt: body.firstParagraph,
    tags,
    entities,
    excludedEntities,
    mentions: articleMentions(visible.prose, entities, excludedEntities, options.registry),
    image: data.image && imageSrc?.ok
      ? { src: imageSrc.value, alt: cleanName(data.image.alt), caption: data.image.caption }
      : undefined,
    draft: data.draft ?? false,
    canonical: canonical?.ok ? canonical.value : undefined,
    corrections,
    redirectFrom,
    mediaRefs,
    media: [],
    wordCount: body.wordCount,
    bodyLine: fm.bodyLine,
    fieldLines: Object.fromEntries(["slug", "date", "title", "redirect_from", "tags", "author", "entities"]
      .filter((k) => k in fm.data)
      .map((k) => [k, fm.keyPosition(k).line])),
  };
  return { ...article, structure: articleStructure(article) };
}

/**
/**
 * Where the `redirect_from` entry that gave the old path `from` is written: its line and
 * column. Articles keep only the line of the field: finding an entry needs the full YAML
 * parse the fast reader skips, which an archive migrated with an old path on every article
 * would pay on every load. A clash is rare, so its file is read again when one is reported.
 */
export async function locateRedirectFrom(article: Pick<Article, "sourcePath" | "fieldLines">, from: string): Promise<Position> {
  const field: Position = { line: article.fieldLines.redirect_from || 1, column: 1 };
  const decoded = await readArticleFile(article.sourcePath).catch(() => undefined);
  if (!decoded?.ok) return field;
  const fm = parseFrontmatter(decoded.text);
  const entries = fm.data.redirect_from;
  if (!Array.isArray(entries)) return field;
  const i = entries.findIndex((entry) => typeof entry === "string" && normaliseSitePath(entry) === from);
  return i === -1 ? field : fm.positionOf(["redirect_from", i]);
}

/**
 * Tags and authors are repeated on every card that lists the article, and each one gets a
 * page of cards: 10,000 tags on one article meant 10,000 pages of 10,000 links (the build ran
 * for many minutes). Real articles carry a handful; the limit is far above that.
 */
export const MAX_NAMES = 200;

const NESTING_NAMES = { quote: "block quote is", list: "list is", "quote-and-list": "mix of block quotes and lists is" } as const;

/**
 * Whether `later` (an update or correction) comes before publication. A plain date names a
 * whole day: `updated: 2024-12-02` after `date: 2024-12-02T09:30:00+03:00` is the same day, not
 * six hours early.
 */
function before(later: DateValue, published: DateValue): boolean {
  const end = later.dateOnly ? later.epochMs + 86_400_000 : later.epochMs + 1;
  return end <= published.epochMs;
}

/** Strips a `2024-12-02-` prefix Jekyll users put on file names; the date lives in frontmatter. */
const DATE_PREFIX = /^\d{4}-\d{2}-\d{2}-/;

function resolveSlug(
  file: SourceFile,
  data: Pick<Frontmatter, "slug">,
  fail: (path: (string | number)[], rule: string, message: string, hint?: string) => void,
): string {
  if (data.slug !== undefined) {
    const slug = slugify(data.slug);
    if (slug !== data.slug) {
      fail(["slug"], "frontmatter/slug", slug
        ? `"${data.slug}" is not a URL-safe slug`
        : `"${data.slug}" has no letters or digits`,
        slug ? `write slug: ${slug}` : "use lowercase words joined by hyphens, or remove slug to use the file name");
    }
    return slug;
  }
  const stem = basename(file.contentPath, extname(file.contentPath)).replace(DATE_PREFIX, "");
  const slug = slugify(stem);
  if (!slug) {
    fail([], "content/file-name", `the file name "${basename(file.contentPath)}" gives no usable slug`,
      "rename the file with words (border-talks.md) or set slug: in the frontmatter");
  }
  return slug;
}
