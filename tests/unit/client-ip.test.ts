import { describe, expect, it } from "vitest";
import { clientIp } from "~/storefront/proxy-shopper.server";

// Per-IP limits (fit finder, guest order lookup) key on clientIp. The server appends the
// socket's peer to X-Forwarded-For (scripts/serve.mjs); a hop a client wrote is never the key.
const withForwarded = (value: string | null) =>
  new Request("https://app.test/", value === null ? {} : { headers: { "x-forwarded-for": value } });

describe("clientIp", () => {
  it("takes the socket's peer by default, not a hop the client wrote in front of it", () => {
    expect(clientIp(withForwarded("1.2.3.4, 198.51.100.7"), 0)).toBe("198.51.100.7");
    const forged = ["10.0.0.1", "10.0.0.2", "10.0.0.3"].map((ip) =>
      clientIp(withForwarded(`${ip}, 198.51.100.7`), 0),
    );
    expect(new Set(forged)).toEqual(new Set(["198.51.100.7"]));
  });

  it("counts back the configured trusted proxies from the peer", () => {
    // forged by the client, what the CDN saw, the CDN's address as the load balancer saw it,
    // the load balancer as the socket's peer
    const chain = "6.6.6.6, 203.0.113.9, 192.0.2.10, 10.1.1.1";
    expect(clientIp(withForwarded(chain), 1)).toBe("192.0.2.10");
    expect(clientIp(withForwarded(chain), 2)).toBe("203.0.113.9");
    expect(clientIp(withForwarded("203.0.113.9"), 3)).toBe("203.0.113.9");
  });

  it("answers unknown without the header", () => {
    expect(clientIp(withForwarded(null), 0)).toBe("unknown");
    expect(clientIp(withForwarded(" , "), 0)).toBe("unknown");
  });
});
