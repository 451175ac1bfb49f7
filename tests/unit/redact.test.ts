import { Writable } from "node:stream";
import pino from "pino";
import { describe, expect, it } from "vitest";
import { loggerOptions } from "~/platform/logger.server";
import { redactUrl } from "~/platform/redact";

const TOKEN = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiI0MiJ9.c2lnbmF0dXJl";

describe("redactUrl", () => {
  it("replaces the values of session tokens, HMACs and signatures, and keeps the rest", () => {
    const url = `/app?embedded=1&id_token=${TOKEN}&shop=a.myshopify.com&hmac=abc123&host=YWRtaW4`;
    expect(redactUrl(url)).toBe(
      "/app?embedded=1&id_token=[redacted]&shop=a.myshopify.com&hmac=[redacted]&host=YWRtaW4",
    );
  });

  it.each([
    ["signature", "/apps/fitting-room/trial?signature=f00d&shop=a.myshopify.com"],
    ["session", "/app?session=8c2b&shop=a.myshopify.com"],
    ["code", "/auth/callback?code=0907a61c&shop=a.myshopify.com"],
    ["access_token", "/x?access_token=shpat_123"],
    ["refreshToken", "/x?refreshToken=r1"],
    ["client_secret", "/x?client_secret=s1"],
    ["ID_TOKEN (any case)", "/x?ID_TOKEN=abc"],
    ["id%5Ftoken (escaped name)", "/x?id%5Ftoken=abc"],
  ])("redacts %s", (_, url) => {
    const out = redactUrl(url);
    expect(out).toContain("[redacted]");
    expect(out).not.toMatch(/f00d|8c2b|0907a61c|shpat_123|r1\b|s1\b|=abc/);
  });

  it("leaves URLs without secrets, fragments and bare flags as they were", () => {
    expect(redactUrl("/app/trials")).toBe("/app/trials");
    expect(redactUrl("https://x.test/a?shop=s.myshopify.com&embedded")).toBe(
      "https://x.test/a?shop=s.myshopify.com&embedded",
    );
    expect(redactUrl("/a?token=t#frag")).toBe("/a?token=[redacted]#frag");
  });
});

describe("the app's pino logger", () => {
  function capture() {
    const lines: Record<string, unknown>[] = [];
    const stream = new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(JSON.parse(chunk.toString()) as Record<string, unknown>);
        done();
      },
    });
    return { log: pino({ ...loggerOptions, level: "info" }, stream), lines };
  }

  it("redacts secret query values in URL fields and secret fields whole", () => {
    const { log, lines } = capture();
    log.info({ url: `/app?id_token=${TOKEN}&shop=a.myshopify.com` }, "request");
    log.info({ idToken: TOKEN, req: { headers: { authorization: `Bearer ${TOKEN}` } } }, "auth");
    log.child({ shop: "a" }).info({ session: { accessToken: "shpat_1" }, hmac: "h" }, "x");
    const text = JSON.stringify(lines);
    expect(text).not.toContain(TOKEN);
    expect(text).not.toContain("shpat_1");
    expect(lines[0]?.url).toBe("/app?id_token=[redacted]&shop=a.myshopify.com");
    expect(lines[1]).toMatchObject({
      idToken: "[redacted]",
      req: { headers: { authorization: "[redacted]" } },
    });
    expect(lines[2]).toMatchObject({ session: { accessToken: "[redacted]" }, hmac: "[redacted]" });
  });
});
