// The search page's script: queries the Pagefind index written by `dateline build`.
// Loaded from a file (never inline) so the site works under a strict Content-Security-Policy;
// Pagefind needs only 'self' plus 'wasm-unsafe-eval' for its WebAssembly.
// Results are built with DOM calls and text nodes: nothing from the index becomes markup
// except <mark> around matched words.

const form = document.getElementById("search-form");
const input = document.getElementById("search-query");
const status = document.getElementById("search-status");
const list = document.getElementById("search-results");
const selects = [...form.querySelectorAll("select[data-filter]")];
const PAGE_SIZE = 10;

let pagefind;
let shown = 0;
let current = [];
let run = 0;

async function start() {
  status.textContent = "Loading the search index…";
  try {
    pagefind = await import(new URL("pagefind.js", new URL(form.dataset.bundle, location.href)).href);
    await pagefind.options({ baseUrl: form.dataset.base });
    await pagefind.init();
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

function chosenFilters() {
  const filters = {};
  for (const select of selects) if (select.value) filters[select.dataset.filter] = select.value;
  return filters;
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
  const found = await pagefind.search(query || null, { filters });
  if (mine !== run) return; // a newer search started meanwhile
  current = found.results;
  shown = 0;
  const what = query ? `for “${query}”` : "for these filters";
  status.textContent =
    current.length === 0
      ? `No articles found ${what}.`
      : `${current.length} article${current.length === 1 ? "" : "s"} found ${what}.`;
  await showMore(mine);
}

async function showMore(mine) {
  const batch = current.slice(shown, shown + PAGE_SIZE);
  const data = await Promise.all(batch.map((r) => r.data()));
  if (mine !== run) return;
  list.querySelector(".more-results")?.remove();
  for (const item of data) list.append(resultItem(item));
  shown += batch.length;
  if (shown < current.length) {
    const li = document.createElement("li");
    li.className = "more-results";
    const button = document.createElement("button");
    button.type = "button";
    button.textContent = `Show more results (${current.length - shown} left)`;
    button.addEventListener("click", () => {
      const next = list.children.length - 1;
      void showMore(mine).then(() => list.children[next]?.querySelector("a")?.focus());
    });
    li.append(button);
    list.append(li);
  }
}

function resultItem(item) {
  const li = document.createElement("li");
  li.className = "search-result";
  const heading = document.createElement("h2");
  heading.className = "card-title";
  const link = document.createElement("a");
  link.href = item.url;
  link.textContent = item.meta.title ?? item.url;
  heading.append(link);
  li.append(heading);
  if (item.meta.date) {
    const meta = document.createElement("p");
    meta.className = "meta";
    meta.textContent = item.meta.date;
    li.append(meta);
  }
  const excerpt = document.createElement("p");
  excerpt.className = "summary";
  excerpt.append(...excerptNodes(item.excerpt));
  li.append(excerpt);
  return li;
}

/** Pagefind's excerpt is HTML-escaped text with <mark> tags; keep the marks and nothing else. */
function excerptNodes(html) {
  const parsed = new DOMParser().parseFromString(`<body>${html}</body>`, "text/html").body;
  return [...parsed.childNodes].map((node) => {
    if (node.nodeName === "MARK") {
      const mark = document.createElement("mark");
      mark.textContent = node.textContent;
      return mark;
    }
    return document.createTextNode(node.textContent ?? "");
  });
}

void start();
