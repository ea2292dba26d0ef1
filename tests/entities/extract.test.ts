import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { extractEntities, type RegistryEntry } from "../../src/index.js";
import { ROOT } from "../helpers.js";

const names = (text: string, registry?: RegistryEntry[]) =>
  extractEntities(text, registry ? { registry } : {}).map((e) => `${e.type}:${e.name}`);
const find = (text: string, name: string, registry?: RegistryEntry[]) =>
  extractEntities(text, registry ? { registry } : {}).find((e) => e.name === name);

const REGISTRY: RegistryEntry[] = [
  { name: "Muqdad Miri", type: "person" },
  { name: "Interior Ministry", type: "organization", aliases: ["Iraqi Interior Ministry"] },
  { name: "Popular Mobilization Forces", type: "organization", aliases: ["PMF", "Hashd al-Shaabi"] },
  { name: "Popular", type: "organization" },
  { name: "Iraq", type: "place" },
  { name: "Syria", type: "place" },
];

const SEED = readFileSync(join(ROOT, "articles/2024/12/iraqi-interior-ministry-reassures-public-on-border-security.md"), "utf8")
  .split(/^---$/m)
  .slice(2)
  .join("---");

describe("registry mentions", () => {
  it("prefers the longest name or alias at a position", () => {
    const pmf = find("Dozens of fighters from the Popular Mobilization Forces crossed.", "Popular Mobilization Forces", REGISTRY);
    expect(pmf?.mentions).toEqual(["Popular Mobilization Forces"]);
    expect(names("The Iraqi Interior Ministry has reassured citizens.", REGISTRY)).toEqual(["organization:Interior Ministry"]);
    expect(find("The Iraqi Interior Ministry has reassured citizens.", "Interior Ministry", REGISTRY)?.mentions).toEqual(["Iraqi Interior Ministry"]);
  });

  it("matches whole words only, so Iraq never matches inside Iraqi", () => {
    expect(names("The 3,813 kilometers of Iraqi borders are fully secured.", REGISTRY)).toEqual([]);
  });

  it("handles possessives with straight and curly apostrophes, keeping the exact name as the mention", () => {
    const text = "He emphasized the measures along Iraq’s borders. Fighters from Iraq's Hashd al-Shaabi crossed.";
    expect(find(text, "Iraq", REGISTRY)?.mentions).toEqual(["Iraq"]);
    expect(find(text, "Popular Mobilization Forces", REGISTRY)?.mentions).toEqual(["Hashd al-Shaabi"]);
  });

  it("resolves a later surname to the full name", () => {
    const text = "Interior Ministry spokesperson Brig. Gen. Muqdad Miri addressed rumors. “We aim to reassure the public,” Miri stated.";
    expect(find(text, "Muqdad Miri", REGISTRY)?.mentions).toEqual(["Muqdad Miri", "Miri"]);
  });

  it("resolves an acronym introduced in parentheses", () => {
    const registry: RegistryEntry[] = [{ name: "Border Guard Command", type: "organization" }];
    const text = "Two divisions from the Border Guard Command (BGC) were deployed. The BGC said the border is closed.";
    expect(extractEntities(text, { registry })).toEqual([
      { name: "Border Guard Command", type: "organization", mentions: ["Border Guard Command", "BGC"] },
    ]);
  });

  it("compares words in upper case inside an all-caps headline", () => {
    expect(find("IRAQ REINFORCES ITS BORDER WITH SYRIA\n\nThe ministry spoke on Monday.", "Iraq", REGISTRY)?.mentions).toEqual(["IRAQ"]);
  });
});

describe("unregistered names", () => {
  it("strips titles and ranks from people", () => {
    expect(names("Interior Ministry spokesperson Brig. Gen. Muqdad Miri addressed circulating rumors.")).toContain("person:Muqdad Miri");
    expect(names("Militias have supported Syrian President Bashar Assad throughout the conflict.")).toEqual(["person:Bashar Assad"]);
    expect(names("Voters went to the polls after Prime Minister Tomas Beltrane called an election.")).toEqual(["person:Tomas Beltrane"]);
  });

  it("splits a place and a job title from the person they precede, and reads newswire datelines", () => {
    const text = "WASHINGTON (Reuters) - U.S. President Joe Biden said on Tuesday that Treasury Secretary Janet Yellen would travel to Beijing.";
    expect(names(text)).toEqual(["place:WASHINGTON", "place:U.S.", "person:Joe Biden", "person:Janet Yellen", "place:Beijing"]);
  });

  it("keeps name particles inside a name and types companies from context", () => {
    expect(names("United manager Erik ten Hag praised the team.")).toEqual(["person:Erik ten Hag"]);
    expect(find("Shares fell 2%, analysts at Goldman Sachs said.", "Goldman Sachs")?.type).toBe("organization");
  });

  it("never takes a demonym for a place", () => {
    const found = names("According to Syrian army sources, Iranian-backed militias from Iraq entered northern Syria overnight to support Syrian government forces.");
    expect(found).toEqual(["place:Iraq", "place:Syria"]);
  });

  it("keeps a demonym that is part of an organisation's name", () => {
    expect(names("The border is supported by the Iraqi Army and the Federal Police.")).toEqual(["organization:Iraqi Army", "organization:Federal Police"]);
  });

  it("does not take weekdays, months or sentence-initial words for names", () => {
    expect(names("Speaking at a press conference on Monday, officials said little.")).toEqual([]);
    expect(names("Dozens of fighters reportedly crossed into Syria in September.")).toEqual(["place:Syria"]);
    expect(names("Despite these assurances, reports of heightened military activity have raised concerns.")).toEqual([]);
  });

  it("ignores words in an all-caps headline", () => {
    expect(names("MILITIAS CROSS INTO NEIGHBOURING COUNTRY OVERNIGHT\n\nThe report came late.")).toEqual([]);
  });

  it("resolves a later surname and an acronym in parentheses for unregistered names", () => {
    const text = "Steve Whitmore, a representative for the sheriff's office, spoke. Whitmore stated the case was open. "
      + "The Korean Central News Agency (KCNA) said the army was on alert, KCNA added.";
    expect(find(text, "Steve Whitmore")).toEqual({ name: "Steve Whitmore", type: "person", mentions: ["Steve Whitmore", "Whitmore"] });
    expect(find(text, "Korean Central News Agency")?.mentions).toEqual(["Korean Central News Agency", "KCNA"]);
    expect(find(text, "Korean Central News Agency")?.type).toBe("organization");
  });

  it("splits a person from the party after `of` and types both", () => {
    expect(names("Two veteran politicians, Lee Cheuk-yan of the Labour Party and Frederick Fung, were defeated.")).toEqual([
      "person:Lee Cheuk-yan", "organization:Labour Party", "person:Frederick Fung",
    ]);
  });

  it("keeps a known place from a sentence-opening word or a region modifier before it", () => {
    expect(names("Downtown Baghdad was quiet.")).toEqual(["place:Baghdad"]);
    expect(names("Rain Ankara today.")).toEqual(["place:Ankara"]);
    expect(names("Shelling hit Downtown Baghdad and Greater Ankara.")).toEqual(["place:Baghdad", "place:Ankara"]);
    // ... but not from a word that opens names, a known pair or someone's given name.
    expect(names("Real Madrid won. New Mexico voted. Northern Ireland waited.")).toEqual(["organization:Real Madrid", "place:New Mexico", "place:Northern Ireland"]);
    expect(names("Valeska Paris, 42, spoke.")).toEqual(["person:Valeska Paris"]);
  });

  it("types places from context", () => {
    expect(find("South Korea evacuated about 80 people in the town of Yeoncheon.", "Yeoncheon")?.type).toBe("place");
    expect(find("Fighters crossed near the Al-Bukamal crossing.", "Al-Bukamal")?.type).toBe("place");
  });

  it("returns mentions exactly as they are written in the text", () => {
    for (const e of extractEntities(SEED)) for (const m of e.mentions) expect(SEED).toContain(m);
  });
});

describe("newswire patterns beyond the development set", () => {
  it("knows world capitals, large cities and regions without a cue", () => {
    expect(names("Talks between Nairobi and Mogadishu resumed, while Lviv and Mombasa braced for more.")).toEqual([
      "place:Nairobi", "place:Mogadishu", "place:Lviv", "place:Mombasa",
    ]);
    expect(names("Floods hit Saskatchewan and Maharashtra this week.")).toEqual(["place:Saskatchewan", "place:Maharashtra"]);
  });

  it("knows news agencies, broadcasters and international bodies, even at the start of a sentence", () => {
    expect(names("Kyodo reported that the UN Security Council would meet.")).toEqual(["organization:Kyodo", "organization:UN Security Council"]);
    expect(names("Wikinews has learned that according to an Internet posting the website is being attacked.")).toEqual(["organization:Wikinews"]);
  });

  it("types a lone given name from a wider list of given names", () => {
    expect(find("Margaret Atwood launched a graphic novel.", "Margaret Atwood")?.type).toBe("person");
    expect(find("Later Nick Moreau took photographs.", "Nick Moreau")?.type).toBe("person");
  });

  it("keeps a demonym before an organisation word inside the name", () => {
    expect(names("The ruling overturned a ban by the Greek Ministry of Culture.")).toEqual(["organization:Greek Ministry of Culture"]);
    expect(names("Syrian President Bashar Assad spoke.")).toEqual(["person:Bashar Assad"]);
  });

  it("joins names with an ampersand and types them as organisations", () => {
    const text = "Investors bought Procter & Gamble and sold Marks & Spencer.";
    expect(names(text)).toEqual(["organization:Procter & Gamble", "organization:Marks & Spencer"]);
  });

  it("takes a centre named for what it houses as a site", () => {
    // Real sentence from the development set (Wikinews, 2014).
    const text = "The McCutchan Art Center / Pace Galleries at USI bases its exhibit around roughly 100 Polaroids.";
    expect(find(text, "McCutchan Art Center")?.type).toBe("place");
    expect(find("Astronauts trained at the Johnson Space Center before the flight.", "Johnson Space Center")?.type).toBe("place");
  });

  it("takes a name with an age in apposition for a person", () => {
    expect(find("Mauer Kroll, 42, and his brother were charged on Monday.", "Mauer Kroll")?.type).toBe("person");
  });

  it("strips administrator, commissioner and director from the front of a name", () => {
    expect(names("NASA Administrator Charles Bolden announced the locations.")).toEqual(["organization:NASA", "person:Charles Bolden"]);
    expect(names("EU Trade Commissioner Cecilia Malmstrom said talks would continue.")).toContain("person:Cecilia Malmstrom");
  });

  it("needs more than one capital letter to take a lone word for a name", () => {
    // Real sentence from the development set (Wikinews, 2008).
    expect(names('The attack was launched on Wednesday by a user labelled "Anonymous", on a website.')).toEqual([]);
    expect(names("Ubisoft had a large area. Later Ubisoft showed its games.")).toEqual(["organization:Ubisoft"]);
  });

  it("gives a name in a list the type of the known name beside it", () => {
    expect(find("Aid reached Kenya, Uganda and Qaraqosh on Monday.", "Qaraqosh")?.type).toBe("place");
    expect(find("Rivals such as Google, Amazon and Zalando cut prices.", "Zalando")?.type).toBe("organization");
  });

  it("takes a common word before a country for an organisation, not a person or place", () => {
    expect(find("A sensitive Environment Canada document was found in the street.", "Environment Canada")?.type).toBe("organization");
    expect(find("Flights on Air France were cancelled.", "Air France")?.type).toBe("organization");
    expect(find("Fighting broke out in East Timor.", "East Timor")?.type).toBe("place");
  });
});

describe("the seed article without a registry", () => {
  it("finds its people, organisations and places, and no Syrian, Monday or Dozens", () => {
    const found = names(SEED);
    for (const expected of ["person:Muqdad Miri", "person:Bashar Assad", "organization:Popular Mobilization Forces", "organization:Kataib Hezbollah",
      "place:Syria", "place:Iraq", "place:Aleppo", "place:Al-Bukamal"]) {
      expect(found).toContain(expected);
    }
    expect(found.join(" ")).not.toMatch(/Syrian\b|Monday|Dozens/);
    expect(find(SEED, "Popular Mobilization Forces")?.mentions).toEqual(["Popular Mobilization Forces", "PMF"]);
  });
});
