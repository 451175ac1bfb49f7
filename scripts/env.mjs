// Loads .env (KEY=value lines) into process.env without overriding what is already set.
import fs from "node:fs";
import path from "node:path";

export function loadDotEnv(file = path.resolve(".env")) {
  if (!fs.existsSync(file)) return;
  for (const line of fs.readFileSync(file, "utf8").split("\n")) {
    const match = /^\s*([A-Z0-9_]+)\s*=\s*(.*)\s*$/.exec(line);
    if (match && process.env[match[1]] === undefined)
      process.env[match[1]] = match[2].replace(/^"(.*)"$/, "$1");
  }
}
