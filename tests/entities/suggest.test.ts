import { execFile } from "node:child_process";
import { join } from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { FIXTURES, ROOT, tempProject, article } from "../helpers.js";

const run = promisify(execFile);
const dateline = (args: string[], cwd = ROOT) => run(process.execPath, [join(ROOT, "bin/dateline.js"), ...args], { cwd });

describe("dateline entities suggest", () => {
  it("lists unregistered names with a guessed type, an article count and an example, as YAML to paste", async () => {
    const { stdout } = await dateline(["entities", "suggest", "--content", join(FIXTURES, "entities/articles"), "--now", "2026-01-01"]);
    const entries = parse(stdout) as { name: string; type: string }[];
    expect(entries).toEqual([
      { name: "Nadia Qasim", type: "person" },
      { name: "Michael Jordan", type: "person" },
      { name: "Reform Bloc", type: "organization" },
    ]);
    expect(stdout).toContain("# 2 articles, e.g. tests/fixtures/entities/articles/2021/pmf-formed.md: Iraq's parliament gave the Popular Mobilization Forces official status, a vote Nadia Qasim of the Reform Bloc called overdue.");
    // Registered names and frontmatter names are never suggested.
    expect(stdout).not.toMatch(/name: (Iraq|Syria|Omar Haddad|PMF)/);
  });

  it("keeps only names found in at least --min articles", async () => {
    const { stdout } = await dateline(["entities", "suggest", "--content", join(FIXTURES, "entities/articles"), "--min", "2"]);
    expect(parse(stdout)).toEqual([{ name: "Nadia Qasim", type: "person" }]);
  });

  it("works on the bundled articles, whose registry already names the seed article's entities", async () => {
    const { stdout } = await dateline(["entities", "suggest"]);
    const names = (parse(stdout) as { name: string }[]).map((e) => e.name);
    expect(names).toContain("Nico Albani");
    for (const registered of ["Muqdad Miri", "Syria", "Syrian", "Monday", "Dozens", "Popular Mobilization Forces"]) expect(names).not.toContain(registered);
  });

  it("suggests an acronym introduced in parentheses as an alias", async () => {
    const dir = await tempProject({
      "articles/a.md": article({}, "Officials of the Kurdistan Regional Government (KRG) met in Erbil. The KRG said talks went well."),
    });
    const { stdout } = await dateline(["entities", "suggest"], dir);
    expect(parse(stdout)).toContainEqual({ name: "Kurdistan Regional Government", type: "organization", aliases: ["KRG"] });
  });

  it("never suggests a registered name or alias, however the text spells it or the extractor typed it", async () => {
    const dir = await tempProject({
      "articles/entities.yml": [
        "- name: Iraq", "  type: place",
        "- name: Valeska Paris", "  type: person", "  aliases: [Paris]",
        "- name: UNESCO", "  type: organization",
        "- name: C++ Foundation", "  type: organization",
      ].join("\n"),
      // `Paris` here is the city, not the registered surname; `Unesco` is not written as registered.
      "articles/a.md": article({}, "Clashes erupted in Northern Iraq on Monday. Talks went on in Paris, and Unesco sent observers. "
        + "The C++ Foundation met Nadia Qasim."),
    });
    const { stdout } = await dateline(["entities", "suggest"], dir);
    expect(parse(stdout)).toEqual([{ name: "Nadia Qasim", type: "person" }]);
  });

  it("rejects an unknown subcommand with exit code 2", async () => {
    await expect(dateline(["entities", "list"])).rejects.toMatchObject({ code: 2 });
  });
});
