// The same corpus as a vanilla Eleventy 3 project and a Hugo project, for comparison.
import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";

const ELEVENTY_LAYOUT = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>{{ title }} · Bench</title><meta name="description" content="{{ summary }}"></head>
<body>
<header><a href="/">Bench</a></header>
<main>
<article>
<h1>{{ title }}</h1>
<p><time datetime="{{ page.date.toISOString() }}">{{ page.date.toDateString() }}</time> · By {{ author }}</p>
{{ content | safe }}
<ul>{% for t in tags %}<li><a href="/tags/{{ t | slugify }}/">{{ t }}</a></li>{% endfor %}</ul>
<ul>{% for p in entities.people %}<li>{{ p }}</li>{% endfor %}{% for p in entities.places %}<li>{{ p }}</li>{% endfor %}</ul>
</article>
</main>
</body>
</html>
`;

const ELEVENTY_TAGS = `---
pagination:
  data: collections
  size: 1
  alias: tag
  filter: ["all"]
permalink: "/tags/{{ tag | slugify }}/"
layout: false
eleventyExcludeFromCollections: true
---
<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>{{ tag }} · Bench</title></head>
<body><h1>{{ tag }}</h1>
<ul>{% for post in collections[tag] | reverse %}<li><a href="{{ post.url }}">{{ post.data.title }}</a> <time>{{ post.date.toDateString() }}</time></li>{% endfor %}</ul>
</body></html>
`;

const ELEVENTY_CONFIG = `export default function (config) {
  config.ignores.add("hugo/**");
  config.ignores.add("dateline.config.json");
  config.addGlobalData("layout", "article.njk");
  return {
    // Articles are untrusted: never run Markdown through a template engine first.
    markdownTemplateEngine: false,
    htmlTemplateEngine: "njk",
    dir: { input: ".", includes: "_includes" },
  };
}
`;

/** Adds the Eleventy files to the corpus folder (input = the corpus, articles under articles/). */
export async function writeEleventySite(dir) {
  await mkdir(join(dir, "_includes"), { recursive: true });
  await writeFile(join(dir, "_includes", "article.njk"), ELEVENTY_LAYOUT);
  await writeFile(join(dir, "tags.njk"), ELEVENTY_TAGS);
  await writeFile(join(dir, "eleventy.config.mjs"), ELEVENTY_CONFIG);
}

const HUGO_BASEOF = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>{{ .Title }} · Bench</title></head>
<body><header><a href="/">Bench</a></header><main>{{ block "main" . }}{{ end }}</main></body>
</html>
`;

const HUGO_SINGLE = `{{ define "main" }}<article>
<h1>{{ .Title }}</h1>
<p><time datetime="{{ .Date.Format "2006-01-02T15:04:05Z07:00" }}">{{ .Date.Format "2 January 2006" }}</time> · By {{ .Params.author }}</p>
{{ .Content }}
<ul>{{ range .Params.tags }}<li><a href="/tags/{{ . | urlize }}/">{{ . }}</a></li>{{ end }}</ul>
<ul>{{ range .Params.entities.people }}<li>{{ . }}</li>{{ end }}{{ range .Params.entities.places }}<li>{{ . }}</li>{{ end }}</ul>
</article>{{ end }}
`;

const HUGO_LIST = `{{ define "main" }}<h1>{{ .Title }}</h1>
<ul>{{ range .Paginator.Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a> <time>{{ .Date.Format "2 January 2006" }}</time></li>{{ end }}</ul>
{{ end }}
`;

/** A Hugo project in `dir/hugo` whose content folder is the corpus's articles/. */
export async function writeHugoSite(dir) {
  const site = join(dir, "hugo");
  await mkdir(join(site, "layouts", "_default"), { recursive: true });
  await writeFile(join(site, "config.toml"), `baseURL = "http://localhost/"
title = "Bench"
contentDir = "../articles"
paginate = 20
[taxonomies]
tag = "tags"
`);
  await writeFile(join(site, "layouts", "_default", "baseof.html"), HUGO_BASEOF);
  await writeFile(join(site, "layouts", "_default", "single.html"), HUGO_SINGLE);
  await writeFile(join(site, "layouts", "_default", "list.html"), HUGO_LIST);
  return site;
}
