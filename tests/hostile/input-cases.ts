/**
 * The hostile-input corpus: each file in tests/fixtures/hostile/ and exactly what Dateline
 * must say about it. Files are checked on their own (one per project) and all together.
 */
export interface Expected {
  line: number;
  column: number;
  rule: string;
  message: string;
  /** A fragment of the hint: enough to prove it tells the editor what to do. */
  hint: string;
}

const DATE_HINT = "write a date as 2024-12-02 or a timestamp with its offset as 2024-12-02T09:30:00+03:00";

export const CASES: Record<string, Expected[]> = {
  "binary.md": [{ line: 3, column: 1, rule: "file/binary", message: "this is not a text file (it contains NUL bytes)", hint: "articles must be UTF-8 Markdown text" }],
  "not-utf8.md": [{ line: 2, column: 12, rule: "file/encoding", message: "the file is not valid UTF-8 (byte 16 cannot be decoded)", hint: "re-save the file as UTF-8" }],
  "utf16.md": [{ line: 1, column: 1, rule: "file/encoding", message: "the file is UTF-16 text, not UTF-8", hint: "re-save the file as UTF-8" }],
  "empty.md": [{ line: 1, column: 1, rule: "file/empty", message: "the file is empty", hint: "write a frontmatter block with at least title and date" }],
  "whitespace-only.md": [{ line: 1, column: 1, rule: "file/empty", message: "the file is empty", hint: "write a frontmatter block" }],
  "frontmatter-missing.md": [{ line: 1, column: 1, rule: "frontmatter/missing", message: "the file has no frontmatter block", hint: "start the file with a block like ---" }],
  "frontmatter-unclosed.md": [{ line: 1, column: 1, rule: "frontmatter/unclosed", message: "the frontmatter block is never closed", hint: "add a line with only ---" }],
  "frontmatter-other-language.md": [{ line: 1, column: 1, rule: "frontmatter/delimiter", message: 'the frontmatter must open with a line of only ---, not "---json"', hint: "YAML between two lines of exactly ---" }],
  "frontmatter-empty.md": [
    { line: 2, column: 1, rule: "frontmatter/date", message: "date: is required", hint: "write 2024-12-02" },
    { line: 2, column: 1, rule: "frontmatter/title", message: "title: is required", hint: "give the headline as text" },
  ],
  "yaml-unclosed-quote.md": [{ line: 2, column: 8, rule: "frontmatter/yaml", message: "title: invalid YAML: this quoted value is never closed", hint: "check the quotes on this line" }],
  "yaml-bad-indent.md": [{ line: 6, column: 1, rule: "frontmatter/yaml", message: "tags: invalid YAML: A block sequence may not be used as an implicit map key", hint: "list items under a field are indented by the same two spaces" }],
  "yaml-tabs.md": [{ line: 5, column: 1, rule: "frontmatter/yaml", message: "tags: invalid YAML: Tabs are not allowed as indentation", hint: "indent YAML with spaces, never tabs" }],
  "yaml-unresolved-alias.md": [{ line: 2, column: 8, rule: "frontmatter/yaml", message: "title: invalid YAML: Unresolved alias (the anchor must be set before the alias): headline", hint: "put the value in quotes" }],
  "yaml-alias-bomb.md": [{ line: 3, column: 8, rule: "frontmatter/yaml", message: "b: invalid YAML: Excessive alias count indicates a resource exhaustion attack", hint: "YAML alias or anchor" }],
  "yaml-too-deep.md": [{ line: 4, column: 1, rule: "frontmatter/yaml", message: "notes: invalid YAML: lists or mappings are nested too deeply to read", hint: "remove the nested [ or { brackets" }],
  "frontmatter-not-mapping.md": [{ line: 2, column: 1, rule: "frontmatter/not-a-mapping", message: "the frontmatter must be a list of `key: value` fields", hint: 'title: "Headline"' }],
  "type-string-for-list.md": [{ line: 4, column: 7, rule: "frontmatter/tags", message: "tags: must be a list, not text", hint: "tags: [Iraq, Border security]" }],
  "type-list-for-string.md": [{ line: 3, column: 3, rule: "frontmatter/title", message: "title: must be text, not a list", hint: "give the headline as text" }],
  "type-number-title.md": [{ line: 2, column: 8, rule: "frontmatter/title", message: "title: must be text, not the number 1984", hint: 'put the value in quotes so it is read as text: "1984"' }],
  "date-impossible.md": [{ line: 3, column: 7, rule: "frontmatter/date", message: 'date: "2024-02-30" is not a day of 2024-02', hint: DATE_HINT }],
  "date-ambiguous-time.md": [{ line: 3, column: 7, rule: "frontmatter/date", message: 'date: "2024-02-03 09:30" has a time but no UTC offset, so the moment it names is ambiguous', hint: "add the offset" }],
  "date-bad-offset.md": [{ line: 3, column: 7, rule: "frontmatter/date", message: 'date: "2024-02-03T09:30:00+25:00" has an impossible UTC offset', hint: "offsets run from -18:00 to +18:00" }],
  "date-offset-past-18.md": [{ line: 3, column: 7, rule: "frontmatter/date", message: 'date: "2024-02-03T09:30:00+18:59" has an impossible UTC offset', hint: "offsets run from -18:00 to +18:00" }],
  "date-year-999-in-zone.md": [{ line: 3, column: 7, rule: "frontmatter/date", message: 'date: "1000-01-01T00:00:00+14:00" falls in the year 999 in the site\'s time zone, outside 1000–9999', hint: DATE_HINT }],
  "date-ambiguous-format.md": [{ line: 3, column: 7, rule: "frontmatter/date", message: 'date: "03/02/2024" is not an ISO 8601 date or timestamp', hint: DATE_HINT }],
  "date-named-zone.md": [{ line: 3, column: 7, rule: "frontmatter/date", message: 'date: "2024-02-03T09:30:00 Europe/Paris" is not an ISO 8601 date or timestamp', hint: DATE_HINT }],
  "correction-before-date.md": [{ line: 5, column: 11, rule: "frontmatter/correction-before-date", message: "corrections[0].date: is earlier than the publication date", hint: "on or after date" }],
  "slug-escape.md": [{ line: 4, column: 7, rule: "frontmatter/slug", message: 'slug: "../../etc/passwd" is not a URL-safe slug', hint: "write slug: etc-passwd" }],
  "slug-url-hostile.md": [{ line: 4, column: 7, rule: "frontmatter/slug", message: 'slug: "a b?c#d%20e" is not a URL-safe slug', hint: "write slug: a-b-c-d-20e" }],
  "redirect-escape.md": [
    { line: 4, column: 17, rule: "frontmatter/redirect-from", message: 'redirect_from[0]: "../../outside/" is not a site path', hint: "write the old path from the site root" },
    { line: 4, column: 35, rule: "frontmatter/redirect-from", message: 'redirect_from[1]: "https://evil.example/" is not a site path', hint: "write the old path from the site root" },
  ],
  "tag-empty.md": [
    { line: 4, column: 8, rule: "frontmatter/tags", message: "tags[0]: must not be empty", hint: "a list of names" },
    { line: 4, column: 12, rule: "frontmatter/tags", message: "tags[1]: must not be empty", hint: "a list of names" },
  ],
  "tag-punctuation.md": [
    { line: 4, column: 8, rule: "frontmatter/tag-name", message: 'tags[0]: "?!..." has no letters or digits, so it cannot have a page', hint: "use a name made of words" },
    { line: 4, column: 17, rule: "frontmatter/tag-name", message: 'tags[1]: "#" has no letters or digits, so it cannot have a page', hint: "use a name made of words" },
  ],
  "tags-too-many.md": [{ line: 4, column: 7, rule: "frontmatter/too-many-names", message: "tags: has 201 names (at most 200)", hint: "keep the names the article is really about" }],
  "author-punctuation.md": [{ line: 4, column: 9, rule: "frontmatter/author-name", message: 'author: "?!" has no letters or digits, so it cannot have a page', hint: "use a name made of words" }],
  "entity-punctuation.md": [{ line: 5, column: 12, rule: "frontmatter/entity-name", message: 'entities.people[0]: "---" has no letters or digits, so it cannot have a page', hint: "use a name made of words" }],
  "body-deep-quote.md": [{ line: 8, column: 1, rule: "body/too-deep", message: "this block quote is nested 150 levels deep (at most 100)", hint: "flatten it" }],
  "body-deep-list.md": [{ line: 107, column: 1, rule: "body/too-deep", message: "this list is nested 101 levels deep (at most 100)", hint: "flatten it" }],
  "body-deep-quote-list.md": [{ line: 8, column: 1, rule: "body/too-deep", message: "this mix of block quotes and lists is nested 239 levels deep (at most 100)", hint: "flatten it" }],
  "body-emphasis-bomb.md": [{ line: 8, column: 1, rule: "body/too-complex", message: "this paragraph has 600 runs of *, _ or ~ (at most 500)", hint: "split it into shorter paragraphs" }],
  "body-bracket-bomb.md": [{ line: 8, column: 1, rule: "body/too-complex", message: "this paragraph nests [brackets] 150 deep (at most 100)", hint: "split it into shorter paragraphs" }],
  "body-closing-bracket-bomb.md": [{ line: 8, column: 1, rule: "body/too-complex", message: "this paragraph has 2500 closing brackets ] (at most 2000)", hint: "split it into shorter paragraphs" }],
  "image-javascript.md": [{ line: 5, column: 8, rule: "frontmatter/image-src", message: 'image.src: "javascript:alert(1)" is not an image path or an http(s) URL', hint: "use a file beside the article" }],
  "canonical-javascript.md": [{ line: 4, column: 12, rule: "frontmatter/canonical", message: 'canonical: "javascript:alert(1)" is not an absolute http(s) URL', hint: "canonical: https://example.org/original" }],
};
