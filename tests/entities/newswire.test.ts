import { describe, expect, it } from "vitest";
import { extractEntities, type RegistryEntry } from "../../src/index.js";

// Sentences marked VOA are Voice of America briefs from bench/entities/voa-tune (public domain).
const names = (text: string, registry?: RegistryEntry[]) =>
  extractEntities(text, registry ? { registry } : {}).map((e) => `${e.type}:${e.mentions.join("|")}`);
const typeOf = (text: string, mention: string, registry?: RegistryEntry[]) =>
  extractEntities(text, registry ? { registry } : {}).find((e) => e.mentions.includes(mention))?.type;

describe("a registry of earlier articles never splits a longer name", () => {
  const registry: RegistryEntry[] = [
    { name: "Mustafa Osman Ismail", type: "person", aliases: ["Ismail"] },
    { name: "U.S.", type: "place" },
    { name: "Valeska Paris", type: "person", aliases: ["Paris"] },
    { name: "Asia", type: "place" },
    { name: "Rome", type: "place" },
  ];

  it("leaves a registered surname followed by another name to the longer name (VOA)", () => {
    const text = "On Sunday, Palestinian Prime Minister Ismail Haniyeh said his Hamas-led government will not recognize Israel.";
    expect(names(text, registry)).toContain("person:Ismail Haniyeh");
    expect(names(text, registry)).not.toContain("person:Ismail");
  });

  it("leaves a registered place before a body's name to the body (VOA)", () => {
    const text = "The Associated Press quotes a U.S. Defense Department spokeswoman as saying it has not reviewed the report.";
    expect(names(text, registry)).toContain("organization:U.S. Defense Department");
  });

  it("takes a surname that is also a city for the city unless the text names the person (VOA)", () => {
    const text = "The London march came ahead of anti-war protests today in other cities, including Rome, Paris, and Madrid.";
    expect(typeOf(text, "Paris", registry)).toBe("place");
    expect(typeOf("Valeska Paris left the ship. Paris said she was held for years.", "Paris", registry)).toBe("person");
  });

  it("never matches a registered one-word short form inside a longer name or a currency (VOA)", () => {
    const north: RegistryEntry[] = [{ name: "North Korea", type: "place", aliases: ["North"] }, { name: "US", type: "place" }];
    const text = "Fighting broke out in North Waziristan and the North West Frontier Province, and in North Carolina.";
    expect(names(text, north)).toEqual(["place:North Waziristan", "place:North West Frontier Province", "place:North Carolina"]);
    expect(names("North Korean Vice Foreign Minister Kim Kye-gwan met envoys.", north)).toEqual(["person:Kim Kye-gwan"]);
    expect(names("He was released on US$20,000 bail.", north)).toEqual([]);
    expect(names("Fertilizer will help the North deal with shortages.", north)).toEqual(["place:North"]);
  });

  it("keeps a compass word or an unknown opening word with the registered name after it", () => {
    expect(names("Boats left South East Asia in May.", registry)).toEqual(["place:South East Asia"]);
    expect(names("Valeska Paris, an Australian woman, spoke.", [{ name: "Paris", type: "place" }])).toEqual(["person:Valeska Paris"]);
  });
});

describe("news-agency patterns", () => {
  it("reads Persian and Arabic joined names, -stan and -shire places and compass-led regions (VOA)", () => {
    expect(typeOf("Four soldiers were wounded in an attack in the northern city of Mazar-e-Sharif.", "Mazar-e-Sharif")).toBe("place");
    expect(typeOf("Bedfordshire police said Tuesday that Omar Khayam was arrested in Bedford.", "Bedfordshire")).toBe("place");
    expect(typeOf("Militants are believed to have fled to avoid an offensive in nearby South Waziristan.", "South Waziristan")).toBe("place");
  });

  it("keeps short weekday and month spellings inside names, and the department inside a title (VOA)", () => {
    expect(names("Unknown assailants shot the council head, Noor Ahmad Jan, dead.")).toEqual(["person:Noor Ahmad Jan"]);
    expect(names("In recent interviews, Pham Tai Thu has expressed his disappointment.")).toEqual(["person:Pham Tai Thu"]);
    expect(names("U.S. Assistant Secretary of State Christopher Hill met envoys.")).toEqual(["place:U.S.", "person:Christopher Hill"]);
  });

  it("types places from an apposition, a state after a comma, and a compass word opening a sentence (VOA)", () => {
    expect(typeOf("They attacked a post close to Tirin Kot, the capital of restive Uruzgan province.", "Tirin Kot")).toBe("place");
    expect(typeOf("Manny Costeira, who owns the Kearny, New Jersey building, is selling bricks.", "Kearny")).toBe("place");
    expect(names("South Korea agreed to give fertilizer. Trucks used by Afghan and US forces passed.")).toEqual(["place:South Korea", "place:US"]);
  });

  it("takes a bin/ibn patronymic for a person and strips Prophet and State Councilor as titles (VOA)", () => {
    expect(typeOf("Indonesian authorities blame Azahari bin Husin for the attacks.", "Azahari bin Husin")).toBe("person");
    expect(names("State Councilor Tang Jiaxuan told the official Xinhua news agency.")).toEqual(["person:Tang Jiaxuan", "organization:Xinhua"]);
    expect(names("Cartoons depicting the Prophet Muhammad angered many.")).toEqual(["person:Muhammad"]);
  });

  it("types a name after a noun for a kind of body as an organisation (VOA)", () => {
    expect(typeOf("A U.S. jury has found that drug maker Merck is not liable.", "Merck")).toBe("organization");
    expect(typeOf("Her boyfriend is Joel Madden of the rock band Good Charlotte.", "Good Charlotte")).toBe("organization");
  });

  it("reads an acronym that spells a common word, and the place in an X-based adjective (VOA)", () => {
    expect(names("Thirteen of them have died. WHO says they are in stable condition.")).toEqual(["organization:WHO"]);
    expect(names("A Washington-based research institute says Pakistan is building a reactor.")).toEqual(["place:Washington", "place:Pakistan"]);
  });

  it("keeps 'and' inside a body's name (VOA)", () => {
    expect(names("The Food and Agricultural Organization said the tsunami destroyed vessels.")).toEqual([
      "organization:Food and Agricultural Organization",
    ]);
    expect(names("The Institute for Science and International Security reports that photos show a site.")).toEqual([
      "organization:Institute for Science and International Security",
    ]);
  });

  it("does not take two-word demonyms, military operations or virus strains for names (VOA)", () => {
    expect(names("The site reported on the Sri Lankan civil war.")).toEqual([]);
    expect(names('Officials say "Operation Medusa" is aimed at removing the threat.')).toEqual([]);
    expect(names("The man tested positive for the H5N1 strain of bird flu.")).toEqual([]);
  });
});

describe("business and sport", () => {
  it("ends a company's name at its legal suffix or industry word", () => {
    expect(typeOf("Tata Group said it would buy the brand from Ford Motor Co. this year.", "Ford Motor Co.")).toBe("organization");
    expect(typeOf("Toyota Motor Corp and General Motors Co said sales fell.", "General Motors Co")).toBe("organization");
    expect(typeOf("Berkshire Hathaway bought a stake in Occidental Petroleum.", "Occidental Petroleum")).toBe("organization");
    expect(names("Shares of Microsoft Corp. rose 2 percent.")).toEqual(["organization:Microsoft Corp."]);
  });

  it("types what shares or a stake are held in as a company, and a stadio as a place", () => {
    expect(typeOf("Shares in BHP Billiton fell 3% in Sydney after the miner cut its dividend.", "BHP Billiton")).toBe("organization");
    expect(typeOf("De Rossi was sent off in the derby at the Stadio Olimpico.", "Stadio Olimpico")).toBe("place");
  });

  it("types teams and clubs from a city and a plural, a sports role or a club prefix before a city", () => {
    expect(typeOf("The New York Yankees defeated the Boston Red Sox 5-3.", "New York Yankees")).toBe("organization");
    expect(typeOf("The New York Yankees defeated the Boston Red Sox 5-3.", "Boston Red Sox")).toBe("organization");
    expect(typeOf("Liverpool striker Mohamed Salah was named player of the year.", "Liverpool")).toBe("organization");
    expect(typeOf("Real Madrid coach Jose Mourinho said the club would appeal.", "Real Madrid")).toBe("organization");
    expect(typeOf("He was named player of the year by the Professional Footballers' Association.", "Professional Footballers' Association")).toBe(
      "organization",
    );
  });

  it("reads family-name particles, hyphenated titles and a role noun opening the sentence", () => {
    expect(typeOf("Jean-Claude Juncker met Ursula von der Leyen in Brussels.", "Ursula von der Leyen")).toBe("person");
    expect(names("Spokesman Stephane Dujarric said Secretary-General Antonio Guterres was concerned.")).toEqual([
      "person:Stephane Dujarric", "person:Antonio Guterres",
    ]);
    expect(names("Actor Tom Hanks tested positive. Hanks said he felt tired.")).toEqual(["person:Tom Hanks|Hanks"]);
  });

  it("keeps long institute names whole and knows Motor and House as name heads", () => {
    expect(names("Anthony Fauci directs the National Institute of Allergy and Infectious Diseases.")).toContain(
      "organization:National Institute of Allergy and Infectious Diseases",
    );
    expect(typeOf("Mr Kim said Hyundai Motor would invest in Ulsan.", "Hyundai Motor")).toBe("organization");
    expect(typeOf("Protesters gathered outside Parliament House in Canberra.", "Parliament House")).toBe("place");
  });

  it("keeps a possessive inside a body's name after 'of the', and known names with 'and' inside", () => {
    expect(names("Members of the Korean People's Army crossed the line.")).toEqual(["organization:Korean People's Army"]);
    expect(names("He wrote for The Globe and Mail in Toronto.")).toEqual(["organization:Globe and Mail", "place:Toronto"]);
  });

  it("takes a lone word opening a sentence for a person when it speaks or is described by who", () => {
    expect(names("Merkel said Germany would help.")).toEqual(["person:Merkel", "place:Germany"]);
    expect(names("Obama, who spoke in Chicago, said the economy was improving.")).toEqual(["person:Obama", "place:Chicago"]);
    expect(names("Doctors said the virus was spreading.")).toEqual([]);
  });

  it("reads a surname written in capitals after a given name", () => {
    expect(names("Fidel CASTRO led a rebel army to victory in 1959.")).toEqual(["person:Fidel CASTRO"]);
  });

  it("does not take titles of works for names, and keeps a university's campus after 'at'", () => {
    expect(names("Montalvo is holding a copy of the book Blown for Good, written by Marc Headley.")).not.toContain("organization:Blown for Good");
    expect(names("Dennis Hopper, famous for his role in the 1969 film Easy Rider, smiled.")).toEqual(["person:Dennis Hopper"]);
    expect(names('The attack was launched on the website "Insurgency Wiki", a spinoff of another site.')).toEqual([]);
    expect(names("The museum at the University of North Carolina at Greensboro saw visitors.")).toEqual([
      "organization:University of North Carolina at Greensboro",
    ]);
  });

  it("keeps a person whose surname is a city, known names with 'and' after 'of The', and museum names whole", () => {
    const text = "Valeska Paris, an Australian woman, spoke. Paris was born in Switzerland. Later Paris left the ship.";
    expect(names(text)).toEqual(["person:Valeska Paris|Paris", "place:Switzerland"]);
    expect(names("Matthew Ingram of The Globe and Mail dubbed it a war.")).toEqual(["person:Matthew Ingram", "organization:Globe and Mail"]);
    expect(typeOf("Works went to the Tang Teaching Museum and Art Gallery last year.", "Tang Teaching Museum and Art Gallery")).toBe("place");
    expect(typeOf("Works went to the Mary & Leigh Block Museum of Art last year.", "Mary & Leigh Block Museum of Art")).toBe("place");
  });

  it("keeps bodies named 'X of A and B', French-style hyphenated places and more titles and roles", () => {
    expect(names("The Green Party of England and Wales elected Caroline Lucas as leader.")).toEqual([
      "organization:Green Party of England and Wales", "person:Caroline Lucas",
    ]);
    expect(typeOf("Dr Ian Roberts, a professor at the London School of Hygiene and Tropical Medicine, led it.", "London School of Hygiene and Tropical Medicine")).toBe(
      "organization",
    );
    expect(names("Rescue workers pulled survivors from the rubble in Port-au-Prince, Haiti's capital.")).toEqual(["place:Port-au-Prince", "place:Haiti"]);
    expect(names("Chief Justice Beverley McLachlin wrote the decision.")).toEqual(["person:Beverley McLachlin"]);
    expect(names("Curator Jim Shedden said so. Wikipedia co-founder Jimmy Wales spoke.")).toEqual([
      "person:Jim Shedden", "organization:Wikipedia", "person:Jimmy Wales",
    ]);
    expect(names("The probe left from Kourou, French Guiana, on an Ariane rocket.")).toContain("place:French Guiana");
  });

  it("takes initials beside a surname for a person", () => {
    expect(names("J.K. Rowling and George W. Bush were mentioned.")).toEqual(["person:J.K. Rowling", "person:George W. Bush"]);
  });
});
