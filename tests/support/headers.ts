/** Reading the `_headers` file the build ships, as Netlify and Cloudflare Pages do. */
export interface HeaderRule {
  path: string;
  headers: Map<string, string>;
}

/** Netlify / Cloudflare Pages `_headers`: a path line, then indented `Name: value` lines. */
export function parseHeadersFile(text: string): HeaderRule[] {
  const rules: HeaderRule[] = [];
  for (const line of text.split("\n")) {
    if (line.trim() === "" || line.trimStart().startsWith("#")) continue;
    if (!/^\s/.test(line)) {
      rules.push({ path: line.trim(), headers: new Map() });
      continue;
    }
    const rule = rules[rules.length - 1];
    const m = /^\s+([A-Za-z-]+):\s*(.+)$/.exec(line);
    if (!rule || !m) throw new Error(`_headers: cannot read line ${JSON.stringify(line)}`);
    rule.headers.set(m[1]!.toLowerCase(), m[2]!.trim());
  }
  return rules;
}

export function parseCsp(value: string): Map<string, string[]> {
  return new Map(
    value
      .split(";")
      .map((d) => d.trim().split(/\s+/))
      .filter((d) => d[0])
      .map(([name, ...sources]) => [name!, sources]),
  );
}
