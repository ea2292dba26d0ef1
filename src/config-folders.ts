import { realpathSync, statSync } from "node:fs";
import { dirname, isAbsolute, parse, relative, resolve } from "node:path";

/**
 * Every build replaces the output folder as a whole (staging folder, then a swap). So an
 * output folder that is, or holds, one of the folders the site is built from would delete it:
 * `outDir: "articles"` swapped the articles away, `"."` or `".."` the whole project. And a
 * cache or output inside the content or public folder is read back as input or published.
 * These are checked before anything is read or written.
 */
export interface Folders {
  projectDir: string;
  configFile: string;
  contentDir: string;
  outDir: string;
  templatesDir: string;
  publicDir: string;
  cacheDir: string;
}

export interface FolderProblem {
  /** The option at fault, as named in the config file. */
  option: "outDir" | "cacheDir";
  message: string;
  hint: string;
}

const INPUTS = [
  ["contentDir", "the content folder", "articles"],
  ["templatesDir", "the templates folder", "templates"],
  ["publicDir", "the public folder", "static files"],
] as const;

export function checkFolders(folders: Folders): FolderProblem[] {
  const real = (p: string) => realPath(p);
  const shown = (p: string) => relative(process.cwd(), p) || ".";
  const out = real(folders.outDir);
  const cache = real(folders.cacheDir);
  const problems: FolderProblem[] = [];
  const outHint = "give the output a folder of its own, such as dist, outside the content, templates and public folders";
  if (out === parse(out).root) {
    problems.push({ option: "outDir", message: `"${shown(folders.outDir)}" is the root of the file system`, hint: outHint });
    return problems;
  }
  const replaced: [string, string][] = [
    [real(folders.projectDir), "the project folder"],
    [real(dirname(folders.configFile)), "the folder of the config file"],
    ...INPUTS.map(([key, name]) => [real(folders[key]), name] as [string, string]),
    [cache, "the cache folder"],
  ];
  if (isFile(out)) {
    // `--out notes.txt` (or the config file itself) would be swapped for a folder of pages.
    problems.push({ option: "outDir", message: `"${shown(folders.outDir)}" is a file, not a folder: the build would replace it`, hint: outHint });
    return problems;
  }
  const hit = replaced.find(([dir]) => within(dir, out));
  if (hit) {
    problems.push({
      option: "outDir",
      message: `"${shown(folders.outDir)}" ${hit[0] === out ? "is" : "holds"} ${hit[1]}: each build replaces the output folder, which would delete it`,
      hint: outHint,
    });
  }
  // Templates are loaded by name, so an output or cache inside that folder (templatesDir: ".")
  // harms nothing; content and public folders are read whole.
  for (const [key, name, what] of INPUTS.filter(([key]) => key !== "templatesDir")) {
    const input = real(folders[key]);
    if (!hit && within(out, input) && out !== input) {
      problems.push({ option: "outDir", message: `"${shown(folders.outDir)}" is inside ${name}: the built site would be read back as ${what}`, hint: outHint });
    }
    if (within(cache, input)) {
      problems.push({ option: "cacheDir", message: `"${shown(folders.cacheDir)}" is inside ${name}: its files would be read as ${what}`,
        hint: "keep the cache in a folder of its own, such as .dateline-cache" });
    }
  }
  return problems;
}

function isFile(path: string): boolean {
  try {
    return !statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/** True when `path` is `dir` or inside it. */
function within(path: string, dir: string): boolean {
  const rel = relative(dir, path);
  return rel === "" || (!rel.startsWith("..") && !isAbsolute(rel));
}

/** Symlinks resolved as far as the path exists, so a link to the content folder is caught too. */
function realPath(path: string): string {
  const absolute = resolve(path);
  try {
    return realpathSync(absolute);
  } catch {
    const parent = dirname(absolute);
    return parent === absolute ? absolute : resolve(realPath(parent), relative(parent, absolute));
  }
}
