import { describe, expect, it } from "vitest";
import { pushEndpointProblem } from "./endpoint-policy";

describe("push endpoints", () => {
  it("accepts the https endpoints browsers' push services hand out", () => {
    for (const url of [
      "https://fcm.googleapis.com/fcm/send/abc:def",
      "https://updates.push.services.mozilla.com/wpush/v2/gAAAA",
      "https://web.push.apple.com/QGx",
      "https://wns2-bl2p.notify.windows.com/w/?token=BQYAAA",
    ])
      expect(pushEndpointProblem(url, false), url).toBeNull();
  });

  it("refuses anything but https, credentials, addresses and local names", () => {
    expect(pushEndpointProblem("http://fcm.googleapis.com/fcm/send/x", false)).toBe("must be an https URL");
    expect(pushEndpointProblem("not a url", false)).toBe("must be the URL of a push service");
    expect(pushEndpointProblem("https://user:pw@push.example.com/x", false)).toBe("must not carry credentials");
    for (const url of [
      "https://127.0.0.1/x",
      "https://[::1]/x",
      "https://localhost:8090/x",
      "https://intranet/x",
      "https://db.internal/x",
      "https://printer.local/x",
    ])
      expect(pushEndpointProblem(url, false), url).toBe("must name a push service by its public host name");
  });

  it("lets a test's local push service in when allowed", () => {
    expect(pushEndpointProblem("https://localhost:8090/notify/abc", true)).toBeNull();
    expect(pushEndpointProblem("http://localhost:8090/notify/abc", true)).toBe("must be an https URL");
  });
});
