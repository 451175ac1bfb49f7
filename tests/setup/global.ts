import { execFileSync } from "node:child_process";
import path from "node:path";

// The end-to-end tests run the production build. It is built once here, before the workers
// start, so parallel test files never build into build/ at the same time.
export default function setup(): void {
  const root = path.resolve(import.meta.dirname, "../..");
  execFileSync(
    process.execPath,
    [path.join(root, "node_modules/@remix-run/dev/dist/cli.js"), "build"],
    {
      cwd: root,
      stdio: "ignore",
      env: { ...process.env, NODE_ENV: "production" },
    },
  );
}
