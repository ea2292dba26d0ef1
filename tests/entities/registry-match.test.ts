import { describe, expect, it } from "vitest";
import { analyseEntities } from "../../src/entities/extract.js";
import { compileRegistry } from "../../src/entities/matcher.js";
import { extractEntities, type RegistryEntry } from "../../src/index.js";

/** What the registry named, as `type:name[mention|mention]`; unregistered names are left out. */
const registered = (text: string, registry: RegistryEntry[]) =>
  analyseEntities(text, [compileRegistry(registry)]).filter((e) => e.registered).map((e) => `${e.type}:${e.name}[${e.mentions.join("|")}]`);
const unregistered = (text: string, registry: RegistryEntry[]) =>
  analyseEntities(text, [compileRegistry(registry)]).filter((e) => !e.registered).map((e) => `${e.type}:${e.name}`);

describe("registry names with symbols in them", () => {
  const symbols: RegistryEntry[] = [
    { name: "C++ Foundation", type: "organization" },
    { name: "C# Group", type: "organization" },
    { name: "Procter & Gamble", type: "organization" },
    { name: "Korean People's Army", type: "organization" },
    { name: "McDonald's", type: "organization" },
    { name: "7-Eleven", type: "organization" },
    { name: "G7", type: "organization" },
    { name: "#MeToo", type: "organization" },
    { name: "F#", type: "organization" },
  ];

  it("matches + and # as written, and leaves nothing of the name to the unregistered detector", () => {
    const text = "The C++ Foundation and the C# Group condemned the attack.";
    expect(registered(text, symbols)).toEqual(["organization:C++ Foundation[C++ Foundation]", "organization:C# Group[C# Group]"]);
    expect(unregistered(text, symbols)).toEqual([]);
    expect(registered("Developers who write F# met.", symbols)).toEqual(["organization:F#[F#]"]);
  });

  it("needs the symbols in the text: the words alone are not the name", () => {
    expect(registered("The C Foundation and the C Group met. Users of F met.", symbols)).toEqual([]);
    expect(registered("Procter Gamble and McDonald said so.", symbols)).toEqual([]);
    // `C` registered on its own does not match inside `C++` or `C#`.
    expect(registered("C++ and C# are languages; C is older.", [{ name: "C", type: "organization" }])).toEqual(["organization:C[C]"]);
  });

  it("matches &, an inner possessive, a final 's, digits, hyphens and a leading # on word boundaries", () => {
    expect(registered("Procter & Gamble and McDonald's cut prices.", symbols)).toEqual([
      "organization:Procter & Gamble[Procter & Gamble]", "organization:McDonald's[McDonald's]",
    ]);
    expect(registered("Members of the Korean People’s Army crossed.", symbols)).toEqual(["organization:Korean People's Army[Korean People’s Army]"]);
    expect(registered("A 7-Eleven store opened before the G7 summit, under the #MeToo banner.", symbols)).toEqual([
      "organization:7-Eleven[7-Eleven]", "organization:G7[G7]", "organization:#MeToo[#MeToo]",
    ]);
    expect(registered("The G77 and the G7s met; 17-Eleven did not.", symbols)).toEqual([]);
  });

  it("compares symbols in upper case in a headline, and never across a line break", () => {
    expect(registered("THE C++ FOUNDATION AND THE C# GROUP MEET TODAY\n\nThey met.", symbols)).toEqual([
      "organization:C++ Foundation[C++ FOUNDATION]", "organization:C# Group[C# GROUP]",
    ]);
    expect(registered("The C++\nFoundation met.", symbols)).toEqual([]);
  });

  it("returns the mention exactly as written through the public API", () => {
    expect(extractEntities("The C# Group said so.", { registry: symbols })).toEqual([{ name: "C# Group", type: "organization", mentions: ["C# Group"] }]);
  });
});
