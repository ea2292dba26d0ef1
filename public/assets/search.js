// The search page's script: queries the static index `dateline build` writes (src/search/).
// Loaded from a file (never inline) so the site works under a strict Content-Security-Policy
// that allows only 'self': plain JSON files and one ES module, no WebAssembly, no eval.
// It fetches only what a query needs: meta.json and the tokenizer once, then the term shards
// of the query's words, the files of the chosen filters and the documents being shown.
// Results are built with DOM calls and text nodes: nothing from the index becomes markup,
// and matched words are wrapped in <mark> elements made here.

const form = document.getElementById("search-form");
const input = document.getElementById("search-query");
const status = document.getElementById("search-status");
const list = document.getElementById("search-results");
const selects = [...form.querySelectorAll("select[data-filter]")];
const bundle = new URL(form.dataset.bundle, location.href);
const PAGE_SIZE = 10;
const EXCERPT_WORDS = 36;
// BM25's term-frequency saturation; lengths are not normalized (the index keeps no lengths).
const K1 = 1.2;

let meta;
let tokenizer;
let shardNames;
const files = new Map();
let shown = 0;
let current = [];
let run = 0;

function fetchJson(path) {
  const url = new URL(path, bundle).href;
  if (!files.has(url)) {
    const request = fetch(url).then((response) => {
      if (!response.ok) throw new Error(`${url}: ${response.status}`);
      return response.json();
    });
    request.catch(() => files.delete(url)); // let a later search try again
    files.set(url, request);
  }
  return files.get(url);
}

async function start() {
  status.textContent = "Loading the search index…";
  try {
    const [loaded, module] = await Promise.all([fetchJson("meta.json"), import(new URL("tokenize.js", bundle).href)]);
    meta = loaded;
    tokenizer = module.tokenizer;
    shardNames = new Set(meta.shards);
  } catch {
    status.textContent = "The search index could not be loaded. Browse the archive from the navigation instead.";
    return;
  }
  form.hidden = false;
  const params = new URLSearchParams(location.search);
  input.value = params.get("q") ?? "";
  for (const select of selects) select.value = params.get(select.name) ?? "";
  status.textContent = "";
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    void search(true);
  });
  for (const select of selects) select.addEventListener("change", () => void search(true));
  // No autofocus: a screen reader would land in the field and skip the page's heading.
  if (input.value || selects.some((s) => s.value)) await search(false);
}

/** A shard as term → postings string, parsed once per page view. */
async function shard(name) {
  const data = await fetchJson(`terms/${tokenizer.shardFile(name)}`);
  if (!data.map) data.map = new Map(data.terms);
  return data.map;
}

function addPostings(into, postings) {
  for (const entry of postings.split(" ")) {
    const colon = entry.indexOf(":");
    const id = colon < 0 ? entry : entry.slice(0, colon);
    const tf = colon < 0 ? 1 : Number(entry.slice(colon + 1));
    into.set(id, (into.get(id) ?? 0) + tf);
  }
}

/** Doc id → term frequency for one query word; the last word also matches as a prefix. */
async function wordPostings({ term, form: prefix }) {
  const found = new Map();
  const exact = tokenizer.shardOf(term);
  if (shardNames.has(exact)) {
    const postings = (await shard(exact)).get(term);
    if (postings) addPostings(found, postings);
  }
  // Two letters at least, or one Chinese or Japanese character (a word of its own, whose
  // shard holds the pairs it begins).
  const oneShard = prefix ? tokenizer.prefixShard(prefix) : undefined;
  if (prefix && (prefix.length >= 2 || oneShard !== undefined)) {
    const names = oneShard !== undefined
      ? [oneShard].filter((n) => shardNames.has(n))
      : meta.shards.filter((n) => n.startsWith(prefix));
    for (const name of names) {
      for (const [candidate, postings] of await shard(name)) {
        if (candidate !== term && candidate.startsWith(prefix)) addPostings(found, postings);
      }
    }
  }
  return found;
}

function queryWords(query) {
  const words = [];
  for (const { word } of tokenizer.words(query)) {
    const forms = tokenizer.wordForms(word);
    const terms = tokenizer.wordTerms(word);
    terms.forEach((term, i) => words.push({ term, form: forms[i] }));
  }
  // Only the last word may be unfinished: it alone matches as a prefix.
  return words.map((w, i) => (i === words.length - 1 ? w : { term: w.term }));
}

function chosenFilters() {
  const filters = {};
  for (const select of selects) if (select.value) filters[select.dataset.filter] = select.value;
  return filters;
}

/** The ids of each chosen filter's documents, newest first. */
async function filterLists(filters) {
  return Promise.all(Object.entries(filters).map(async ([key, value]) => {
    // Values come from the address bar: only the index's own values name a file.
    const values = meta.filters[key] ?? {};
    const file = Object.hasOwn(values, value) ? values[value] : undefined;
    if (typeof file !== "string") return [];
    const { ids } = await fetchJson(file);
    return ids ? ids.split(" ") : [];
  }));
}

async function rank(words, filters) {
  const lists = await filterLists(filters);
  const allowed = lists.map((ids) => new Set(ids));
  const passes = (id) => allowed.every((set) => set.has(id));
  if (words.length === 0) return lists.length ? lists[0].filter(passes) : [];
  const postings = await Promise.all(words.map(wordPostings));
  const scores = new Map();
  postings.sort((a, b) => a.size - b.size);
  for (const [id] of postings[0]) if (passes(id) && postings.every((p) => p.has(id))) scores.set(id, 0);
  for (const found of postings) {
    const idf = Math.log(1 + (meta.docs - found.size + 0.5) / (found.size + 0.5));
    for (const id of scores.keys()) {
      const tf = found.get(id);
      scores.set(id, scores.get(id) + (idf * tf * (K1 + 1)) / (tf + K1));
    }
  }
  return [...scores].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([id]) => id);
}

async function search(remember) {
  const query = input.value.trim();
  const filters = chosenFilters();
  if (remember) {
    const params = new URLSearchParams();
    if (query) params.set("q", query);
    for (const [key, value] of Object.entries(filters)) params.set(key, value);
    const qs = params.toString();
    history.replaceState(null, "", qs ? `?${qs}` : location.pathname);
  }
  const mine = ++run;
  list.replaceChildren();
  if (!query && Object.keys(filters).length === 0) {
    status.textContent = "Type some words, or choose a filter.";
    return;
  }
  status.textContent = "Searching…";
  const words = queryWords(query);
  let found;
  try {
    found = query && words.length === 0 ? [] : await rank(words, filters);
  } catch {
    if (mine === run) status.textContent = "The search index could not be read. Try again, or browse the archive from the navigation.";
    return;
  }
  if (mine !== run) return; // a newer search started meanwhile
  current = found;
  shown = 0;
  const what = query ? `for “${query}”` : "for these filters";
  status.textContent =
    current.length === 0
      ? `No articles found ${what}.`
      : `${current.length} article${current.length === 1 ? "" : "s"} found ${what}.`;
  await showMore(mine, words);
}

async function showMore(mine, words) {
  const batch = current.slice(shown, shown + PAGE_SIZE);
  const docs = await Promise.all(batch.map((id) => fetchJson(`docs/${id.slice(0, 2)}/${id}.json`).catch(() => undefined)));
  if (mine !== run) return;
  list.querySelector(".more-results")?.remove();
  for (const doc of docs) if (doc) list.append(resultItem(doc, words));
  shown += batch.length;
  if (shown < current.length) {
    const li = document.createElement("li");
    li.className = "more-results";
    const button = document.createElement("button");
    button.type = "button";
    button.textContent = `Show more results (${current.length - shown} left)`;
    button.addEventListener("click", () => {
      const next = list.children.length - 1;
      void showMore(mine, words).then(() => list.children[next]?.querySelector("a")?.focus());
    });
    li.append(button);
    list.append(li);
  }
}

function resultItem(doc, words) {
  const li = document.createElement("li");
  li.className = "search-result";
  const heading = document.createElement("h2");
  heading.className = "card-title";
  const link = document.createElement("a");
  link.href = doc.url;
  link.textContent = doc.title || doc.url;
  heading.append(link);
  li.append(heading);
  if (doc.date) {
    const meta = document.createElement("p");
    meta.className = "meta";
    meta.textContent = doc.date;
    li.append(meta);
  }
  const excerpt = document.createElement("p");
  excerpt.className = "summary";
  excerpt.append(...excerptNodes(doc.text, words));
  li.append(excerpt);
  return li;
}

/** A window of the text around the first matched word, matched words in <mark>. */
function excerptNodes(text, words) {
  const terms = new Set(words.map((w) => w.term));
  const prefix = words.find((w) => w.form && (w.form.length >= 2 || tokenizer.prefixShard(w.form) !== undefined))?.form;
  const matches = (word) =>
    tokenizer.wordTerms(word).some((t) => terms.has(t)) ||
    (prefix !== undefined && tokenizer.wordForms(word).some((f) => f.startsWith(prefix)));
  const all = tokenizer.words(text);
  if (all.length === 0) return [];
  const first = all.findIndex((w) => matches(w.word));
  const from = Math.max(0, Math.min(first < 0 ? 0 : first - 8, all.length - EXCERPT_WORDS));
  const to = Math.min(all.length, from + EXCERPT_WORDS);
  const nodes = [];
  let at = all[from].start;
  if (from > 0) nodes.push(document.createTextNode("… "));
  for (let i = from; i < to; i++) {
    const w = all[i];
    if (!matches(w.word)) continue;
    if (w.start > at) nodes.push(document.createTextNode(text.slice(at, w.start)));
    const mark = document.createElement("mark");
    mark.textContent = text.slice(w.start, w.end);
    nodes.push(mark);
    at = w.end;
  }
  const end = to < all.length ? all[to - 1].end : text.length;
  if (end > at) nodes.push(document.createTextNode(text.slice(at, end)));
  if (to < all.length) nodes.push(document.createTextNode(" …"));
  return nodes;
}

void start();
