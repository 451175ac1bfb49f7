import { describe, expect, it } from "vitest";
import { lineOutcome, returnedForGood, settlementReadiness } from "./settlement";

import { CLOSES, TERMS, at, line } from "./test-fixtures";

describe("settlement", () => {
  it("names the pairs back for good (received in time), before delivery too, not late or in transit ones", () => {
    const back = line({
      lineItemGid: "back",
      returnStartedAt: at("2026-11-10T00:00:00Z"),
      returnReceivedAt: at("2026-11-12T00:00:00Z"),
    });
    const onItsWay = line({ lineItemGid: "transit", returnStartedAt: at("2026-11-11T00:00:00Z") });
    const late = line({
      lineItemGid: "late",
      returnStartedAt: at("2026-11-14T00:00:00Z"),
      returnReceivedAt: at("2026-11-15T00:00:00Z"),
    });
    const kept = line({ lineItemGid: "kept", choice: "keep" });
    const now = at("2026-11-16T00:00:00Z");
    expect(returnedForGood([back, onItsWay, late, kept], TERMS, CLOSES, now)).toEqual(["back"]);
    // No window yet (not delivered): whatever is back is back in time.
    expect(returnedForGood([back, late, onItsWay], TERMS, null, now)).toEqual(["back", "late"]);
  });

  it("charges kept and unreturned pairs, not returned ones, and the damage fee unless waived", () => {
    expect(lineOutcome(line({ choice: "keep" }), TERMS, CLOSES, CLOSES)).toMatchObject({
      kind: "charge",
      amount: 24500,
    });
    expect(lineOutcome(line(), TERMS, CLOSES, CLOSES)).toMatchObject({
      kind: "charge",
      rule: "not returned by the end of the trial: charged",
    });
    const back = {
      returnStartedAt: at("2026-11-10T00:00:00Z"),
      returnReceivedAt: at("2026-11-12T00:00:00Z"),
    };
    expect(lineOutcome(line(back), TERMS, CLOSES, CLOSES)).toEqual({
      kind: "returned",
      fee: 0,
      rule: "returned in time: not charged",
    });
    expect(lineOutcome(line({ ...back, damaged: true }), TERMS, CLOSES, CLOSES)).toMatchObject({
      kind: "returned",
      fee: 5000,
    });
    expect(
      lineOutcome(line({ ...back, damaged: true, damageFeeWaived: true }), TERMS, CLOSES, CLOSES),
    ).toMatchObject({ fee: 0 });
  });

  it("holds the charge while a return sent in time is in transit, up to the cap", () => {
    const sent = line({ returnStartedAt: at("2026-11-12T20:00:00Z") });
    expect(lineOutcome(sent, TERMS, CLOSES, at("2026-11-20T00:00:00Z"))).toMatchObject({
      kind: "pending",
    });
    expect(lineOutcome(sent, TERMS, CLOSES, at("2026-11-22T20:00:01Z"))).toMatchObject({
      kind: "charge",
      amount: 24500,
    });
    expect(
      lineOutcome(
        { ...sent, returnReceivedAt: at("2026-11-18T00:00:00Z") },
        TERMS,
        CLOSES,
        at("2026-11-18T00:00:00Z"),
      ),
    ).toMatchObject({ kind: "returned" });
    const tooLate = line({
      returnStartedAt: at("2026-11-13T06:00:00Z"),
      returnReceivedAt: at("2026-11-15T00:00:00Z"),
    });
    expect(lineOutcome(tooLate, TERMS, CLOSES, at("2026-11-15T00:00:00Z"))).toMatchObject({
      kind: "charge",
    });
  });

  it("is not ready before the window closes, except that an all-returned trial releases early", () => {
    const before = at("2026-11-10T00:00:00Z");
    expect(settlementReadiness([line({ choice: "keep" })], TERMS, CLOSES, before)).toMatchObject({
      ready: false,
      reason: "window_open",
    });
    const back = line({
      returnStartedAt: at("2026-11-08T00:00:00Z"),
      returnReceivedAt: at("2026-11-09T00:00:00Z"),
    });
    expect(settlementReadiness([back], TERMS, CLOSES, before)).toMatchObject({
      ready: true,
      settlement: { total: 0 },
    });
    expect(settlementReadiness([{ ...back, damaged: true }], TERMS, CLOSES, before)).toMatchObject({
      ready: false,
    });
  });

  it("treats an exchange as a return of the replaced pair plus a new pair on trial", () => {
    const replaced = line({
      lineItemGid: "old",
      exchanged: true,
      choice: "return",
      returnStartedAt: at("2026-11-08T00:00:00Z"),
    });
    const replacement = line({ lineItemGid: "new" });
    const back = { ...replaced, returnReceivedAt: at("2026-11-10T00:00:00Z") };
    expect(
      settlementReadiness([back, replacement], TERMS, CLOSES, at("2026-11-13T12:00:00Z")),
    ).toMatchObject({
      ready: true,
      settlement: { total: 24500, chargedLineGids: ["new"], returnedLineGids: ["old"] },
    });
    // A replaced pair that never comes back is charged like any pair not returned.
    expect(lineOutcome(replaced, TERMS, CLOSES, at("2026-11-19T00:00:00Z"))).toMatchObject({
      kind: "charge",
    });
    const sentBackToo = {
      ...replacement,
      returnStartedAt: at("2026-11-12T00:00:00Z"),
      returnReceivedAt: at("2026-11-14T00:00:00Z"),
    };
    expect(
      settlementReadiness([back, sentBackToo], TERMS, CLOSES, at("2026-11-14T00:00:00Z")),
    ).toMatchObject({
      ready: true,
      settlement: { total: 0 },
    });
  });

  it("waits for the earliest return in transit, then sums exactly what is owed", () => {
    const lines = [
      line({ lineItemGid: "a", choice: "keep" }),
      line({ lineItemGid: "b", returnStartedAt: at("2026-11-12T00:00:00Z") }),
      line({
        lineItemGid: "c",
        unitPrice: 19500,
        returnStartedAt: at("2026-11-11T00:00:00Z"),
        returnReceivedAt: at("2026-11-14T00:00:00Z"),
        damaged: true,
      }),
    ];
    const wait = settlementReadiness(lines, TERMS, CLOSES, at("2026-11-14T00:00:00Z"));
    expect(wait).toEqual({
      ready: false,
      reason: "returns_in_transit",
      until: at("2026-11-22T00:00:00Z"),
    });
    lines[1] = { ...lines[1]!, returnReceivedAt: at("2026-11-16T00:00:00Z") };
    const done = settlementReadiness(lines, TERMS, CLOSES, at("2026-11-16T00:00:00Z"));
    expect(done).toMatchObject({
      ready: true,
      settlement: {
        itemsOwed: 24500,
        feesOwed: 5000,
        total: 29500,
        chargedLineGids: ["a"],
        returnedLineGids: ["b", "c"],
      },
    });
  });
});
