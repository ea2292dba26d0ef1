import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { analyseEntities } from "../../src/entities/extract.js";
import { compileRegistry } from "../../src/entities/matcher.js";
import { extractEntities, loadRegistry, type RegistryEntry } from "../../src/index.js";
import { ROOT } from "../helpers.js";

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

describe("a registered name beside a capitalised word that does not make another name", () => {
  const iraq: RegistryEntry[] = [{ name: "Iraq", type: "place" }];

  it("keeps a place after a compass or region modifier, and leaves no modifier behind as a name", () => {
    expect(registered("Clashes erupted in Northern Iraq on Monday.", iraq)).toEqual(["place:Iraq[Iraq]"]);
    expect(unregistered("Clashes erupted in Northern Iraq on Monday.", iraq)).toEqual([]);
    const cities: RegistryEntry[] = [{ name: "Baghdad", type: "place" }, { name: "Ankara", type: "place" }];
    expect(registered("Fighting reached Downtown Baghdad and Greater Ankara.", cities)).toEqual(["place:Baghdad[Baghdad]", "place:Ankara[Ankara]"]);
    expect(unregistered("Fighting reached Downtown Baghdad and Greater Ankara.", cities)).toEqual([]);
    expect(registered("Lower U.S. interest rates can cut returns.", [{ name: "U.S.", type: "place" }])).toEqual(["place:U.S.[U.S.]"]);
  });

  it("keeps a place after a word that only opens the sentence", async () => {
    const bundled = await loadRegistry(join(ROOT, "articles/entities.yml"));
    expect(registered("Northern Iraq saw clashes.", bundled)).toEqual(["place:Iraq[Iraq]"]);
    expect(registered("Eastern Syria remained tense.", bundled)).toEqual(["place:Syria[Syria]"]);
    const cities: RegistryEntry[] = [...bundled, { name: "Baghdad", type: "place" }, { name: "Ankara", type: "place" }];
    expect(registered("Downtown Baghdad was quiet.", cities)).toEqual(["place:Baghdad[Baghdad]"]);
    expect(registered("Rain Ankara today.", cities)).toEqual(["place:Ankara[Ankara]"]);
    for (const text of ["Northern Iraq saw clashes.", "Downtown Baghdad was quiet.", "Eastern Syria remained tense.", "Rain Ankara today."]) {
      expect(unregistered(text, cities)).toEqual([]);
    }
  });

  it("keeps a place or a person after a demonym, but not a body (`Saudi Interior Ministry` is another ministry)", () => {
    const registry: RegistryEntry[] = [...iraq, { name: "Muqdad Miri", type: "person" }, { name: "Interior Ministry", type: "organization" }];
    expect(registered("Kurdish Iraq is calm, Iraqi Muqdad Miri said.", registry)).toEqual(["place:Iraq[Iraq]", "person:Muqdad Miri[Muqdad Miri]"]);
    expect(registered("Saudi Interior Ministry officials met.", registry)).toEqual([]);
    expect(unregistered("Saudi Interior Ministry officials met.", registry)).toEqual(["organization:Saudi Interior Ministry"]);
  });

  it("takes the registered name, and its short forms, when the detector strips the word before it and finds nothing longer", () => {
    const text = "Actor Tom Hanks tested positive. Hanks said he felt tired.";
    expect(registered(text, [{ name: "Tom Hanks", type: "person" }])).toEqual(["person:Tom Hanks[Tom Hanks|Hanks]"]);
    expect(unregistered(text, [{ name: "Tom Hanks", type: "person" }])).toEqual([]);
  });
});

describe("a registered name inside a longer name stays out of it", () => {
  const places: RegistryEntry[] = ["Jordan", "Georgia", "Indiana", "Mexico", "Ireland", "Asia", "Paris", "Petersburg"].map((name) => ({ name, type: "place" }));
  const bodies: RegistryEntry[] = [{ name: "Election Commission", type: "organization" }, { name: "Hezbollah", type: "organization" }];

  it("after a given name, before another name word, or inside a body's name", () => {
    expect(registered("Michael Jordan visited Jordan.", places)).toEqual(["place:Jordan[Jordan]"]);
    expect(unregistered("Michael Jordan visited Jordan.", places)).toEqual(["person:Michael Jordan"]);
    expect(registered("He studied at Georgia Tech.", places)).toEqual([]);
    expect(registered("An exhibit at the University of Southern Indiana opened.", places)).toEqual([]);
    expect(unregistered("An exhibit at the University of Southern Indiana opened.", places)).toEqual(["organization:University of Southern Indiana"]);
  });

  it("after a compass point or a word that opens names, or when the pair is a known name", () => {
    expect(registered("Boats left South East Asia in May.", places)).toEqual([]);
    expect(registered("New Mexico passed a law. Northern Ireland did not.", places)).toEqual([]);
    expect(registered("Flights to St. Petersburg resumed.", places)).toEqual([]);
    const madrid: RegistryEntry[] = [...places, { name: "Madrid", type: "place" }];
    expect(registered("Real Madrid won. As Paris slept, Madrid celebrated.", madrid)).toEqual(["place:Paris[Paris]", "place:Madrid[Madrid]"]);
    expect(unregistered("Real Madrid won. As Paris slept, Madrid celebrated.", madrid)).toEqual(["organization:Real Madrid"]);
    expect(registered("The Central Election Commission met.", bodies)).toEqual([]);
    expect(registered("Kataib Hezbollah fighters crossed.", bodies)).toEqual([]);
  });

  it("after a word opening the sentence that the text shows to be a name", () => {
    expect(registered("Valeska Paris, an Australian woman, spoke.", places)).toEqual([]);
    expect(registered("Valeska Paris said she was held for years.", places)).toEqual([]);
    expect(registered("Valeska Paris, 42, left the ship.", places)).toEqual([]);
    expect(registered("Valeska Paris left the ship. Later Valeska spoke.", places)).toEqual([]);
    expect(registered("Valeska Paris, who left the ship, spoke.", places)).toEqual([]);
  });
});
