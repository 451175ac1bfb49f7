import { spawn, type ChildProcess } from "node:child_process";
import net from "node:net";
import path from "node:path";
import { projectRoot } from "./operations";

/** A port the system just gave out as free (another process may still take it: see below). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** Starts the production server (built by tests/setup/global.ts) on a free port. */
export async function startAppServer(env: Record<string, string>): Promise<AppServer> {
  // Between the check and the server's listen another test's server can take the port: try again.
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await startOn(await freePort(), env);
    } catch (error) {
      if (attempt >= 3 || !String(error).includes("EADDRINUSE")) throw error;
    }
  }
}

export interface AppServer {
  url: string;
  stop: () => Promise<void>;
  child: ChildProcess;
  /** What the server wrote to stdout so far (its pino log lines). */
  stdout: () => string;
}

async function startOn(port: number, env: Record<string, string>): Promise<AppServer> {
  const child: ChildProcess = spawn(
    process.execPath,
    [path.join(projectRoot, "scripts/serve.mjs"), "./build/index.js"],
    {
      cwd: projectRoot,
      env: {
        ...process.env,
        NODE_ENV: "production",
        PORT: String(port),
        SHOPIFY_APP_URL: `https://localhost:${port}`,
        LOG_LEVEL: process.env.E2E_DEBUG ? "debug" : "warn",
        // The test process runs with the worker off; the app runs it in-process, as deployed.
        FITTING_ROOM_WORKER: "inline",
        ...env,
      },
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  let stdout = "";
  child.stdout?.on("data", (d: Buffer) => {
    stdout += d.toString();
    if (process.env.E2E_DEBUG) process.stdout.write(d);
  });
  let stderr = "";
  child.stderr?.on("data", (d: Buffer) => {
    stderr += d.toString();
    if (process.env.E2E_DEBUG) process.stderr.write(d);
  });
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; ; i += 1) {
    try {
      const response = await fetch(`${url}/auth/login`, {
        headers: { "User-Agent": "Mozilla/5.0" },
      });
      if (response.status < 500) break;
    } catch {
      // not listening yet
    }
    if (i > 150 || child.exitCode !== null) throw new Error(`app server did not start: ${stderr}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url,
    child,
    stdout: () => stdout,
    // The server stops its worker and closes the database on SIGTERM (scripts/serve.mjs); a
    // test does not wait out the grace period of a job it left hanging.
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        const force = setTimeout(() => child.kill("SIGKILL"), 2000);
        child.once("exit", () => {
          clearTimeout(force);
          resolve();
        });
        child.kill("SIGTERM");
      }),
  };
}

/** The built app as the tests run it: this worker's database, the test app's credentials, and
 * Shopify calls routed to the given sandbox. */
export function startTestApp(sandboxUrl: string) {
  return startAppServer({
    DATABASE_URL: process.env.DATABASE_URL as string,
    SHOPIFY_API_KEY: process.env.SHOPIFY_API_KEY as string,
    SHOPIFY_API_SECRET: process.env.SHOPIFY_API_SECRET as string,
    FITTING_ROOM_SANDBOX_URL: sandboxUrl,
  });
}
