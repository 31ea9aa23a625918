import { describe, expect, it } from "vitest";
import { decimalInput, formatMoney, formatPercent, formatWithBase } from "./money";

describe("formatMoney", () => {
  it("shows the exact amount with its currency's symbol, grouping thousands without float arithmetic", () => {
    expect(formatMoney("0", "USD")).toBe("$0.00");
    expect(formatMoney("999.5", "USD")).toBe("$999.50");
    expect(formatMoney("123456789012.34", "GBP")).toBe("£123,456,789,012.34");
    expect(formatMoney("9999999999999.99", "EUR")).toBe("€9,999,999,999,999.99");
    expect(formatMoney("-1000", "USD")).toBe("-$1,000.00");
    expect(formatMoney(decimalInput().parse("12500.5"), "CHF")).toBe("CHF\u00a012,500.50");
  });

  it("keeps the cents of currencies that usually have none, and names codes without a symbol", () => {
    expect(formatMoney("1234.56", "JPY")).toBe("¥1,234.56");
    expect(formatMoney("1234", "JPY")).toBe("¥1,234");
    expect(formatMoney("1.5", "XTS")).toBe("XTS\u00a01.50");
  });

  it("has a compact form for totals", () => {
    expect(formatMoney("96100.00", "USD", { compact: true })).toBe("$96.1K");
    expect(formatMoney("1234567.89", "EUR", { compact: true })).toBe("€1.2M");
    expect(formatMoney("999.99", "USD", { compact: true })).toBe("$1K");
    expect(formatMoney("0", "USD", { compact: true })).toBe("$0");
  });
});

describe("formatPercent", () => {
  it("drops trailing zeros", () => {
    expect(formatPercent("25.00")).toBe("25%");
    expect(formatPercent("33.50")).toBe("33.5%");
    expect(formatPercent("100")).toBe("100%");
  });
});

describe("formatWithBase", () => {
  it("adds the base amount only when the currencies differ", () => {
    expect(formatWithBase("10000", "EUR", "10850", "USD")).toBe("€10,000.00 ≈ $10,850.00");
    expect(formatWithBase("10000", "USD", "10000", "USD")).toBe("$10,000.00");
  });
});
