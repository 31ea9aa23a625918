import { describe, expect, it } from "vitest";
import { ConflictError, ValidationError } from "@/lib/errors";
import {
  assertEditable,
  assertFutureCloseDate,
  assertOpenStage,
  assertStageChangeAllowed,
  averageDealSize,
  daysOverdue,
  defaultProbability,
  assertReopenStage,
  carriedProbability,
  enterStage,
  mayReopen,
  REOPEN_WINDOW_MS,
  isClosedStage,
  isOverdue,
  OPEN_STAGES,
  POSITION_GAP,
  positionBetween,
  STAGES,
  weightedValue,
  winRate,
} from "./rules";

const day = (iso: string) => new Date(`${iso}T00:00:00.000Z`);
const today = day("2026-03-10");

describe("stages", () => {
  it("orders the pipeline and splits open from closed", () => {
    expect(STAGES).toEqual(["LEAD", "QUALIFIED", "PROPOSAL", "NEGOTIATION", "CLOSED_WON", "CLOSED_LOST"]);
    expect(OPEN_STAGES).toEqual(["LEAD", "QUALIFIED", "PROPOSAL", "NEGOTIATION"]);
    expect(STAGES.filter(isClosedStage)).toEqual(["CLOSED_WON", "CLOSED_LOST"]);
  });

  it("has the default probabilities LEAD 10, QUALIFIED 25, PROPOSAL 50, NEGOTIATION 75", () => {
    expect(OPEN_STAGES.map(defaultProbability)).toEqual(["10.00", "25.00", "50.00", "75.00"]);
  });

  it("creates only in open stages", () => {
    expect(() => assertOpenStage("PROPOSAL")).not.toThrow();
    expect(() => assertOpenStage("CLOSED_WON")).toThrow(ValidationError);
  });

  it("treats closed as final, except staying in the same column", () => {
    expect(() => assertStageChangeAllowed("LEAD", "CLOSED_WON")).not.toThrow();
    expect(() => assertStageChangeAllowed("CLOSED_WON", "CLOSED_WON")).not.toThrow();
    expect(() => assertStageChangeAllowed("CLOSED_WON", "LEAD")).toThrow(ConflictError);
    expect(() => assertStageChangeAllowed("CLOSED_LOST", "CLOSED_WON")).toThrow(ConflictError);
    expect(() => assertEditable("CLOSED_LOST")).toThrow(ConflictError);
    expect(() => assertEditable("NEGOTIATION")).not.toThrow();
  });
});

describe("entering a stage", () => {
  it("closes as won at probability 100 today", () => {
    expect(enterStage("CLOSED_WON", today, "ignored", "40.00")).toEqual({
      stage: "CLOSED_WON",
      probability: "100.00",
      probabilityIsCustom: false,
      actualCloseDate: today,
      lossReason: null,
    });
  });

  it("closes as lost at probability 0 today with a trimmed reason", () => {
    expect(enterStage("CLOSED_LOST", today, "  Price  ")).toEqual({
      stage: "CLOSED_LOST",
      probability: "0.00",
      probabilityIsCustom: false,
      actualCloseDate: today,
      lossReason: "Price",
    });
  });

  it("refuses to close as lost without a reason", () => {
    for (const reason of [undefined, null, "", "   "]) {
      try {
        enterStage("CLOSED_LOST", today, reason);
        expect.unreachable();
      } catch (error) {
        expect(error).toBeInstanceOf(ValidationError);
        expect((error as ValidationError).errors).toEqual([{ field: "loss_reason", message: expect.any(String) }]);
      }
    }
  });

  it("takes an open stage's default probability unless one is given", () => {
    expect(enterStage("QUALIFIED", today)).toEqual({
      stage: "QUALIFIED",
      probability: "25.00",
      probabilityIsCustom: false,
      actualCloseDate: null,
      lossReason: null,
    });
    expect(enterStage("QUALIFIED", today, null, "33.50")).toMatchObject({ probability: "33.50", probabilityIsCustom: true });
    expect(enterStage("QUALIFIED", today, null, "25").probabilityIsCustom).toBe(false);
  });

  it("carries a hand-set probability into the next open stage, and only that", () => {
    expect(carriedProbability("33.5", true)).toBe("33.50");
    expect(carriedProbability("25.00", false)).toBeUndefined();
  });
});

describe("reopening", () => {
  const closedAt = new Date("2026-03-10T12:00:00Z");
  const closing = { changedBy: "closer", changedAt: closedAt };
  const after = (ms: number) => new Date(closedAt.getTime() + ms);

  it("lets managers reopen at any time", () => {
    expect(mayReopen(true, "someone", closing, after(365 * 86_400_000))).toBe(true);
    expect(mayReopen(true, "someone", null, closedAt)).toBe(true);
  });

  it("lets the closer reopen for 10 minutes, nobody else", () => {
    expect(mayReopen(false, "closer", closing, after(REOPEN_WINDOW_MS))).toBe(true);
    expect(mayReopen(false, "closer", closing, after(REOPEN_WINDOW_MS + 1))).toBe(false);
    expect(mayReopen(false, "other", closing, after(1_000))).toBe(false);
    expect(mayReopen(false, "closer", null, after(1_000))).toBe(false);
  });

  it("reopens into an open stage only", () => {
    expect(() => assertReopenStage("PROPOSAL")).not.toThrow();
    expect(() => assertReopenStage("CLOSED_WON")).toThrow(ValidationError);
  });
});

describe("money", () => {
  it("rounds a deal's weighted value half up to cents", () => {
    expect(weightedValue("0.10", "33.33").toFixed(2)).toBe("0.03");
    expect(weightedValue("0.50", "1.00").toFixed(2)).toBe("0.01");
    expect(weightedValue("0.49", "1.00").toFixed(2)).toBe("0.00");
    expect(weightedValue("1234567890.99", "100").toFixed(2)).toBe("1234567890.99");
    expect(weightedValue("999999999999.99", "99.99").toFixed(2)).toBe("999899999999.99");
  });

  it("computes win rate and average deal size, zero when undefined", () => {
    expect(winRate(0, 0).toFixed(2)).toBe("0.00");
    expect(winRate(2, 1).toFixed(2)).toBe("66.67");
    expect(winRate(1, 2).toFixed(2)).toBe("33.33");
    expect(winRate(3, 0).toFixed(2)).toBe("100.00");
    expect(averageDealSize("0", 0).toFixed(2)).toBe("0.00");
    expect(averageDealSize("100.00", 3).toFixed(2)).toBe("33.33");
    expect(averageDealSize("0.05", 2).toFixed(2)).toBe("0.03");
  });
});

describe("dates", () => {
  it("wants an expected close date strictly after today", () => {
    expect(() => assertFutureCloseDate(day("2026-03-11"), today)).not.toThrow();
    expect(() => assertFutureCloseDate(today, today)).toThrow(ValidationError);
    expect(() => assertFutureCloseDate(day("2026-03-09"), today)).toThrow(ValidationError);
  });

  it("is overdue only while open and past the expected date", () => {
    expect(isOverdue("PROPOSAL", day("2026-03-09"), today)).toBe(true);
    expect(isOverdue("PROPOSAL", today, today)).toBe(false);
    expect(isOverdue("CLOSED_WON", day("2026-01-01"), today)).toBe(false);
    expect(daysOverdue(day("2026-03-03"), today)).toBe(7);
    expect(daysOverdue(day("2025-03-10"), today)).toBe(365);
  });
});

describe("board positions", () => {
  it("takes the midpoint between two neighbours", () => {
    expect(positionBetween(0, 1024)).toBe(512);
    expect(positionBetween(-1024, 0)).toBe(-512);
    expect(positionBetween(1.5, 1.75)).toBe(1.625);
  });

  it("goes one gap past a single neighbour, and to 0 in an empty column", () => {
    expect(positionBetween(null, 0)).toBe(-POSITION_GAP);
    expect(positionBetween(2048, null)).toBe(2048 + POSITION_GAP);
    expect(positionBetween(null, null)).toBe(0);
  });

  it("reports when no double fits between the neighbours (the column must be renumbered)", () => {
    expect(positionBetween(5, 5)).toBeNull();
    expect(positionBetween(1, 1 + Number.EPSILON)).toBeNull();
    let low = 0;
    const high = 1;
    let steps = 0;
    for (let p = positionBetween(low, high); p !== null; p = positionBetween(low, high)) {
      low = p;
      steps++;
    }
    expect(steps).toBeGreaterThan(40);
  });
});
