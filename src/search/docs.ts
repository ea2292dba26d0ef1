import type { PackedAt, PackReaders } from "../cache/html-pack.js";
import type { SiteConfig } from "../config.js";
import { readBody } from "../content/source.js";
import { visibleText } from "../content/visible-text.js";
import { formatDisplayDate } from "../dates.js";
import { DatelineError } from "../errors.js";
import type { PublishedArticle } from "../model/library.js";
import { href } from "../model/routes.js";
import { serializeDocWithText, type DocRecord } from "./format.js";
import { digest, hash53 } from "../util/digest.js";
import { MAX_TF } from "./postings.js";
import type { SearchTokenizer } from "./tokenize.js";

/**
 * One article as the search index sees it: its plain text (read from the file again, so
 * bodies never sit in memory all at once), the document file made from it, and its terms.
 */
export interface IndexedDoc {
  /** The document file's bytes. */
  file: string;
  /** Distinct terms and their frequencies (title words count as several occurrences). */
  terms: string[];
  tfs: number[];
}

/** A title word weighs as much as this many body words: a headline says what a story is about. */
const TITLE_WEIGHT = 3;

/**
 * What a document's file and terms are a function of, besides the index settings: the
 * article file's text (title, date, body) and its URL, which the document shows and which
 * also depends on the timezone and the route layout, not only on the file.
 */
export function docFingerprint(article: Pick<PublishedArticle, "digest" | "url">): string {
  let print = fingerprints.get(article);
  if (print === undefined) {
    // The file's own sha256 (80 bits of it) and a cheap hash of the URL: no hashing of the text.
    print = `${article.digest.slice(0, 20)}.${hash53(article.url).toString(36)}`;
    fingerprints.set(article, print);
  }
  return print;
}

/**
 * Per article object: a serve session's Library keeps the objects of unchanged articles from
 * one rebuild to the next (incremental/library-memo.ts), and nothing changes an article once
 * its Library is made, so each is hashed once, not 10,000 times per rebuild.
 */
const fingerprints = new WeakMap<object, string>();

/**
 * Everything outside the articles that changes document files or terms. `code` is Dateline's
 * code digest (cache/keys.ts): how a body becomes search text is code, and a patch keeps the
 * documents of unchanged articles, so without it a fix to that text (text of raw HTML kept
 * by mistake, say) would never reach the documents already written.
 */
export function settingsKey(config: Pick<SiteConfig, "pathPrefix" | "timezone" | "language">, tokenizerSource: string, format: number, code: string): string {
  return digest(String(format), tokenizerSource, code, config.pathPrefix, config.timezone, config.language).slice(0, 16);
}

/** What reading one document needs: plain data, so it can travel to a worker thread. */
export interface DocInput {
  sourcePath: string;
  digest: string;
  /** The article file, for messages. */
  file: string;
  record: Omit<DocRecord, "text">;
  /** Where loading stored the content (the article cache's pack): read there before the file. */
  packed?: PackedAt;
}

/**
 * The part of a document made from the article's text: its searchable text and terms. Made
 * where the article is loaded (work/article-task.ts), which has the body in hand, and kept
 * with the article in the cache, so a full index need not read and parse every file again.
 */
export interface DocContent {
  /** The searchable text as a JSON string literal, as the document file holds it. */
  textJson: string;
  terms: string[];
  tfs: number[];
}

/** Where a full index finds the content made at load time; undefined means read the file. */
export type DocContents = (article: PublishedArticle) => DocContent | undefined;

/** `text` is the body's search text as loading makes it (content/visible-text.ts). */
export function docContent(title: string, text: string, tokenizer: SearchTokenizer): DocContent {
  const counts = termCounts({ title, text }, tokenizer);
  return { textJson: JSON.stringify(text), terms: [...counts.keys()], tfs: [...counts.values()] };
}

/** A document from its content: the one place its file is made, however the content was. */
export function indexedDoc(input: Pick<DocInput, "record">, content: DocContent): IndexedDoc {
  return { file: serializeDocWithText(input.record, content.textJson), terms: content.terms, tfs: content.tfs };
}

/**
 * Content as one string, for the article cache's pack: the text's JSON, then the terms and
 * their frequencies, each list on its own line. Terms are runs of letters and digits
 * (tokenize.ts), and a JSON string literal holds no raw line break, so nothing is escaped.
 */
export function packDocContent(content: DocContent): string {
  return `${content.textJson}\n${content.terms.join(" ")}\n${content.tfs.join(" ")}`;
}

/** The content packDocContent wrote, or undefined when `packed` is not of that shape. */
export function unpackDocContent(packed: string): DocContent | undefined {
  const first = packed.indexOf("\n");
  const second = packed.indexOf("\n", first + 1);
  if (first < 2 || second < 0 || packed[0] !== '"' || packed[first - 1] !== '"') return undefined;
  const split = (line: string) => (line === "" ? [] : line.split(" "));
  const terms = split(packed.slice(first + 1, second));
  const tfs = split(packed.slice(second + 1)).map(Number);
  if (terms.length !== tfs.length || !tfs.every((tf) => Number.isInteger(tf) && tf > 0)) return undefined;
  return { textJson: packed.slice(0, first), terms, tfs };
}

export function docInput(article: PublishedArticle, config: Pick<SiteConfig, "pathPrefix" | "timezone" | "language">): DocInput {
  return {
    sourcePath: article.sourcePath,
    digest: article.digest,
    file: article.file,
    record: {
      url: href(article.url, config.pathPrefix),
      title: article.title,
      date: formatDisplayDate(article.date, config.timezone, config.language),
      year: article.year,
    },
  };
}

export async function readDoc(input: DocInput, tokenizer: SearchTokenizer, packs?: PackReaders): Promise<IndexedDoc> {
  const packed = input.packed && packs?.read(input.packed);
  const stored = packed === undefined ? undefined : unpackDocContent(packed);
  if (stored) return indexedDoc(input, stored);
  let body: string;
  try {
    body = await readBody(input);
  } catch (error) {
    if (error instanceof DatelineError) throw error;
    throw new DatelineError(`cannot read ${input.file} to index it for search: ${(error as Error).message}`, {
      cause: error,
      hint: "check that the file exists and is readable, then build again; nothing was written",
    });
  }
  // Loaded here: a build that finds every document's content in the cache never parses a body.
  const { parseBody } = await import("../content/body.js");
  return indexedDoc(input, docContent(input.record.title, visibleText(parseBody(input.file, body)).search, tokenizer));
}

/** Terms of a document record, as written in its file (so a patch can recount old documents). */
export function termCounts(record: Pick<DocRecord, "title" | "text">, tokenizer: SearchTokenizer): Map<string, number> {
  const counts = new Map<string, number>();
  for (const term of tokenizer.terms(record.title)) counts.set(term, (counts.get(term) ?? 0) + TITLE_WEIGHT);
  for (const term of tokenizer.terms(record.text)) counts.set(term, (counts.get(term) ?? 0) + 1);
  for (const [term, tf] of counts) if (tf > MAX_TF) counts.set(term, MAX_TF);
  return counts;
}
