import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { SERVER_BUNDLE, SERVER_NODE_FLAGS, serverCommand } from "../../scripts/server/entry";

const packageJson = JSON.parse(readFileSync(path.resolve(import.meta.dirname, "../../package.json"), "utf8")) as {
  scripts: Record<string, string>;
};

describe("the production server's command line", () => {
  it("npm start runs the bundle with the same Node flags as the tests and the benchmark", () => {
    expect(packageJson.scripts.start).toBe(`tsx scripts/with-db.ts -- node ${SERVER_NODE_FLAGS.join(" ")} ${SERVER_BUNDLE}`);
    expect(serverCommand(3000, "127.0.0.1")).toEqual([...SERVER_NODE_FLAGS, SERVER_BUNDLE, "-p", "3000", "-H", "127.0.0.1"]);
  });
});
