/**
 * `npm run bench:board [-- options]`: the board in a real browser on the benchmark tenant (100k deals): time to
 * the first card, time to interactive, frame times while a 2,000-card column scrolls and while a card is dragged
 * across it, and the page's JS heap. Debian's Chromium through Playwright, measured in the page with the
 * Performance API (long tasks, requestAnimationFrame) and the DevTools protocol (heap after a garbage collection).
 * Figures are printed, never asserted; see docs/performance.md.
 */
import os from "node:os";
import { chromium, type Page } from "@playwright/test";
import { Flags } from "./perf/args";
import { BENCH_PASSWORD, DEFAULT_SIZE, prepareBenchDatabase } from "./perf/bench-database";
import { startNextServer } from "./perf/next-server";
import { ms, percentile, table } from "./perf/stats";

const flags = new Flags(process.argv.slice(2), {
  cards: "cards to load into the scrolled column (default 2000)",
  port: "port of next start (default 3901)",
  width: "viewport width (default 1440)",
  height: "viewport height (default 900)",
  help: "this text",
});
if (flags.has("help")) {
  console.log(flags.usage("npm run bench:board --"));
  process.exit(0);
}
const targetCards = flags.number("cards", 2_000);
const port = flags.number("port", 3901);
const viewport = { width: flags.number("width", 1440), height: flags.number("height", 900) };

/** Installed before any page script: records long tasks and the moment the first card appears. */
function observePage() {
  const marks = window as unknown as { __longTaskEnds: number[]; __firstCardAt?: number };
  marks.__longTaskEnds = [];
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) marks.__longTaskEnds.push(entry.startTime + entry.duration);
  }).observe({ type: "longtask", buffered: true });
  const seen = () => {
    if (marks.__firstCardAt === undefined && document.querySelector('[data-testid="board-card"]')) marks.__firstCardAt = performance.now();
  };
  new MutationObserver(seen).observe(document, { childList: true, subtree: true });
}

/** Frame intervals (ms) while `act` runs, from requestAnimationFrame in the page. */
async function frameTimes(page: Page, act: () => Promise<void>): Promise<number[]> {
  await page.evaluate(() => {
    const w = window as unknown as { __frames: number[]; __recording: boolean };
    w.__frames = [];
    w.__recording = true;
    let last = performance.now();
    const tick = (now: number) => {
      w.__frames.push(now - last);
      last = now;
      if (w.__recording) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
  await act();
  return page.evaluate(() => {
    const w = window as unknown as { __frames: number[]; __recording: boolean };
    w.__recording = false;
    return w.__frames.slice(1);
  });
}

async function main() {
  const bench = await prepareBenchDatabase({ size: DEFAULT_SIZE });
  const server = await startNextServer({ databaseUrl: bench.url, port });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--enable-precise-memory-info"],
  });
  try {
    const context = await browser.newContext({ viewport });
    // tsx names the functions it compiles with a `__name` helper, which the functions sent to the page would miss.
    await context.addInitScript({ content: "window.__name = (fn) => fn;" });
    const page = await context.newPage();
    await page.goto(`${server.baseUrl}/login`);
    await page.getByLabel("Email").fill(bench.admin.email);
    await page.getByLabel("Password").fill(BENCH_PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL(/\/pipeline/);

    // The server as a user meets it, running: the page's code loaded and its statements planned once before.
    for (let i = 0; i < 2; i++) await context.request.get(`${server.baseUrl}/pipeline`);
    // A cold navigation of the signed-in board (nothing in the browser's cache), timed from its start.
    await page.addInitScript(observePage);
    await page.goto(`${server.baseUrl}/pipeline`, { waitUntil: "load" });
    await page.getByTestId("board-card").first().waitFor();
    await page.waitForTimeout(3_000); // the quiet window after the last long task that defines "interactive"
    const load = await page.evaluate(() => {
      const w = window as unknown as { __longTaskEnds: number[]; __firstCardAt?: number };
      const nav = performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming;
      return {
        serverAnswer: nav.responseStart,
        serverDone: nav.responseEnd,
        htmlKb: nav.encodedBodySize / 1024,
        firstCard: w.__firstCardAt ?? NaN,
        interactive: Math.max(nav.domContentLoadedEventEnd, ...w.__longTaskEnds),
      };
    });

    // Load `targetCards` into the Lead column the way a user does: scrolling it (it fetches as it nears its end).
    const scroller = page.getByTestId("column-LEAD").getByTestId("column-scroller");
    await scroller.hover();
    const loadStarted = Date.now();
    while (Number(await scroller.getAttribute("data-loaded-cards")) < targetCards) {
      await page.mouse.wheel(0, 3_000);
      await page.waitForTimeout(50);
      if (Date.now() - loadStarted > 600_000)
        throw new Error(`only ${await scroller.getAttribute("data-loaded-cards")} cards loaded in 10 minutes`);
    }
    const loaded = Number(await scroller.getAttribute("data-loaded-cards"));
    const rendered = await scroller.getByTestId("board-card").count();
    await page.mouse.wheel(0, -10_000_000);
    await page.waitForTimeout(500);

    const scrolling = await frameTimes(page, async () => {
      for (let step = 0; step < 240; step++) {
        await page.mouse.wheel(0, 400);
        await page.waitForTimeout(16);
      }
    });

    await page.mouse.wheel(0, -10_000_000);
    await page.waitForTimeout(500);
    const first = (await scroller.getByTestId("board-card").first().boundingBox())!;
    const column = (await scroller.boundingBox())!;
    const dragging = await frameTimes(page, async () => {
      await page.mouse.move(first.x + first.width / 2, first.y + first.height / 2);
      await page.mouse.down();
      await page.mouse.move(first.x + first.width / 2 + 10, first.y + first.height / 2 + 10, { steps: 5 });
      // Hold the card at the column's lower edge, where the board scrolls the column under it, then sweep back.
      for (let step = 0; step < 120; step++) await page.mouse.move(first.x + first.width / 2, column.y + column.height - 10 - (step % 2));
      for (let step = 0; step <= 60; step++)
        await page.mouse.move(first.x + first.width / 2, column.y + column.height - (column.height * step) / 60);
      await page.keyboard.press("Escape");
      await page.mouse.up();
    });

    const cdp = await context.newCDPSession(page);
    await cdp.send("HeapProfiler.collectGarbage");
    const heap = (await cdp.send("Runtime.getHeapUsage")) as { usedSize: number; totalSize: number };
    const sorted = (values: number[]) => [...values].sort((a, b) => a - b);
    const scrollSorted = sorted(scrolling);
    const dragSorted = sorted(dragging);

    console.log(
      `data:     ${bench.counts.opportunities} opportunities; the admin's Lead column, ${loaded} cards loaded, ${rendered} rendered`,
    );
    console.log(
      `viewport: ${viewport.width}×${viewport.height}, Chromium ${browser.version()}, load average ${os.loadavg()[0]!.toFixed(1)}\n`,
    );
    console.log(
      table([
        ["measure", "value", "goal"],
        ["server's first byte (from navigation start)", `${ms(load.serverAnswer)} ms`, ""],
        ["server's last byte (the page's HTML, streamed)", `${ms(load.serverDone)} ms, ${load.htmlKb.toFixed(0)} KB`, ""],
        ["first card (from navigation start)", `${ms(load.firstCard)} ms`, "≤ 1000 ms"],
        ["interactive (last long task or DOMContentLoaded)", `${ms(load.interactive)} ms`, ""],
        [
          `scrolling: frame p50 / p95 (${scrolling.length} frames)`,
          `${ms(percentile(scrollSorted, 50))} / ${ms(percentile(scrollSorted, 95))} ms`,
          "p95 ≤ 20 ms",
        ],
        [
          `dragging: frame p50 / p95 (${dragging.length} frames)`,
          `${ms(percentile(dragSorted, 50))} / ${ms(percentile(dragSorted, 95))} ms`,
          "p95 ≤ 20 ms",
        ],
        [
          "JS heap after GC (used / total)",
          `${(heap.usedSize / 1048576).toFixed(1)} / ${(heap.totalSize / 1048576).toFixed(1)} MB`,
          "≤ 150 MB",
        ],
      ]),
    );
  } finally {
    await browser.close();
    await server.stop();
    await bench.release();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
