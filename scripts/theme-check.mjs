// Runs Shopify's theme-check on every theme app extension, offline (bundled Liquid docs).
// Exits non-zero on any error-severity offence.
import fs from "node:fs";
import path from "node:path";
import { check, Severity } from "@shopify/theme-check-node";

const root = path.resolve(import.meta.dirname, "..", "extensions");
let errors = 0;
for (const name of fs.readdirSync(root)) {
  const dir = path.join(root, name);
  const toml = path.join(dir, "shopify.extension.toml");
  if (!fs.existsSync(toml) || !/type\s*=\s*"theme"/.test(fs.readFileSync(toml, "utf8"))) continue;
  const config = path.join(dir, ".theme-check.yml");
  const offenses = await check(dir, fs.existsSync(config) ? config : undefined);
  for (const o of offenses) {
    const level =
      o.severity === Severity.ERROR
        ? "error"
        : o.severity === Severity.WARNING
          ? "warning"
          : "info";
    if (o.severity === Severity.ERROR) errors += 1;
    process.stdout.write(
      `${level} ${path.relative(root, o.uri.replace("file://", ""))}:${o.start.line + 1} ${o.check}: ${o.message}\n`,
    );
  }
  process.stdout.write(`${name}: ${offenses.length} offence(s)\n`);
}
process.exit(errors > 0 ? 1 : 0);
