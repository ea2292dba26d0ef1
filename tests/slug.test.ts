import { describe, expect, it } from "vitest";
import { cleanName, nameKey, slugify } from "../src/content/slug.js";

describe("slugify", () => {
  it("case-folds so one tag has one slug", () => {
    expect(slugify("Syria")).toBe("syria");
    expect(slugify("SYRIA")).toBe("syria");
    expect(slugify("syria")).toBe("syria");
  });

  it("keeps accented Latin readable", () => {
    expect(slugify("São Paulo")).toBe("sao-paulo");
    expect(slugify("Zürich Straße")).toBe("zurich-strasse");
    expect(slugify("Łódź")).toBe("lodz");
    expect(slugify("Ærø")).toBe("aero");
  });

  it("treats NFC and NFD spellings alike", () => {
    expect(slugify("Sa\u0303o Paulo")).toBe(slugify("S\u00e3o Paulo"));
    expect(nameKey("Sa\u0303o Paulo")).toBe(nameKey("S\u00e3o Paulo"));
  });

  it("treats optional accents and vowel points of other scripts as spelling, not letters", () => {
    expect(slugify("Αθήνα")).toBe(slugify("ΑΘΗΝΑ"));
    expect(slugify("Αθήνα")).toBe("αθηνα");
    expect(slugify("العِراق")).toBe(slugify("العراق"));
    expect(slugify("بغـــداد")).toBe("بغداد");
    expect(slugify("יְרוּשָׁלַיִם")).toBe(slugify("ירושלים"));
    // Marks that make a different letter stay.
    expect(slugify("Йошкар-Ола")).toBe("йошкар-ола");
    expect(slugify("हिन्दी")).not.toBe(slugify("हनद"));
  });

  it("gives non-Latin scripts a stable, non-empty slug", () => {
    expect(slugify("بغداد")).toBe("بغداد");
    expect(slugify("Москва Сити")).toBe("москва-сити");
    expect(slugify("東京")).toBe("東京");
    expect(slugify("हिन्दी")).toBe("हिन्दी");
  });

  it("never produces path separators, dots segments or edge hyphens", () => {
    for (const input of ["../../etc/passwd", "a/b\\c", " -- hello -- ", "..", ".", "C++ & C#", "100%"]) {
      const slug = slugify(input);
      expect(slug).not.toMatch(/[/\\]|^-|-$|--/);
      expect(slug).not.toBe("..");
      expect(slug).not.toBe(".");
    }
    expect(slugify("../../etc/passwd")).toBe("etc-passwd");
  });

  it("returns empty for names with no letters or digits", () => {
    expect(slugify("!!!")).toBe("");
    expect(slugify("   ")).toBe("");
  });

  it("is idempotent", () => {
    for (const input of ["São Paulo", "Al-Bukamal", "C-3PO", "بغداد", "Kataib Hezbollah"]) {
      expect(slugify(slugify(input))).toBe(slugify(input));
    }
  });

  it("bounds the length at a word boundary", () => {
    const slug = slugify("word ".repeat(60));
    expect(slug.length).toBeLessThanOrEqual(80);
    expect(slug.endsWith("-")).toBe(false);
  });
});

describe("nameKey and cleanName", () => {
  it("identifies names regardless of case and spacing", () => {
    expect(nameKey("  Border   Security ")).toBe(nameKey("border security"));
    expect(cleanName("  Border   Security ")).toBe("Border Security");
  });
  it("keeps accents distinct in the identity", () => {
    expect(nameKey("São Paulo")).not.toBe(nameKey("Sao Paulo"));
  });
  it("gives plain ASCII names, taken by a shortcut, the key of the full normalisation", () => {
    // The definition: NFKC, whitespace collapsed, lower case, NFC.
    const reference = (name: string) => name.normalize("NFKC").replace(/\s+/gu, " ").trim().toLowerCase().normalize("NFC");
    const pieces = ["Al", "Sudani", "PMF", "U.S.", "O'Brien", "al-Maliki", "(Reuters)", "#1", "~x", "Ǆ", "ﬁ", "é", "e\u0301", " ", "  ", "\t", "\u00a0", "\n", "İ", "K"];
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648);
    for (let i = 0; i < 3000; i++) {
      let name = "";
      for (let n = next() % 5; n >= 0; n--) name += pieces[next() % pieces.length];
      expect(nameKey(name), JSON.stringify(name)).toBe(reference(name));
    }
  });
});
