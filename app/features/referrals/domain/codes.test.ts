import { describe, expect, it } from "vitest";
import {
  CODE_ALPHABET,
  codeFromLandingSite,
  codeWord,
  isReferralCode,
  makeCode,
  normalizeCode,
} from "./codes";

const seq = (values: number[]) => {
  let i = 0;
  return () => values[i++ % values.length]!;
};

describe("referral codes", () => {
  it("leaves out the characters that read alike", () => {
    for (const c of "0O1I") expect(CODE_ALPHABET).not.toContain(c);
    expect(new Set(CODE_ALPHABET).size).toBe(CODE_ALPHABET.length);
  });

  it("makes a word from the name and four random characters of the alphabet", () => {
    expect(makeCode("Ally", seq([0, 1, 30, 31]))).toBe("ALLY-AB89");
    expect(makeCode("Zoë O'Brien-Iles", seq([2]))).toBe("ZEBREN-CCCC");
    expect(makeCode(null, seq([5]))).toBe("REF-FFFF");
    expect(makeCode("李", seq([5]))).toBe("REF-FFFF");
  });

  it("drops ambiguous letters and digits from the word, keeps at most six letters", () => {
    expect(codeWord("Olivia")).toBe("LVA");
    expect(codeWord("Bartholomew")).toBe("BARTHL");
    expect(codeWord("Io")).toBe("REF");
  });

  it("recognises its own codes whatever the case or spacing, and nothing else", () => {
    expect(normalizeCode(" ally-ab89 ")).toBe("ALLY-AB89");
    expect(isReferralCode("ally-ab89")).toBe(true);
    expect(isReferralCode("ALLY-AB8")).toBe(false);
    expect(isReferralCode("ALLY-AB80")).toBe(false);
    expect(isReferralCode("ALLYGALS")).toBe(false);
    expect(isReferralCode("WELCOME15")).toBe(false);
  });

  it("every generated code matches the pattern the Function is given", () => {
    const random = (n: number) => Math.floor(Math.random() * n);
    for (const name of ["Ally", "", "Ünïcödé", "x", "MARY-JANE"])
      for (let i = 0; i < 200; i++) expect(isReferralCode(makeCode(name, random))).toBe(true);
  });
});

describe("the code a referral link left on the visit", () => {
  it("is the ?ref= of the landing site, normalized", () => {
    expect(codeFromLandingSite("/?ref=MAYA-9G9W&ref_name=Maya")).toBe("MAYA-9G9W");
    expect(codeFromLandingSite("/products/heels?ref=maya-9g9w")).toBe("MAYA-9G9W");
    expect(codeFromLandingSite("https://ally.example/?ref=MAYA-9G9W")).toBe("MAYA-9G9W");
  });

  it("is nothing without a ref, or when the ref is not a referral code", () => {
    expect(codeFromLandingSite(null)).toBeNull();
    expect(codeFromLandingSite("/")).toBeNull();
    expect(codeFromLandingSite("/?utm_source=ig")).toBeNull();
    expect(codeFromLandingSite("/?ref=instagram")).toBeNull();
    expect(codeFromLandingSite("/?ref=ALLYGALS")).toBeNull();
  });
});
