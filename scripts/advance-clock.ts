// Moves the clock of a running `npm run demo` forward and returns once the app has done the work
// that came due (webhooks answered, due jobs run), for shell scripts such as trial-scenario.sh.
// Usage: npx tsx scripts/advance-clock.ts [--days N] [--hours N] [--ms N] [--sandbox URL]
// With no step it only waits for the app's due work.
import { parseArgs } from "node:util";
import { advanceSandboxClock } from "../tests/support/due-work";
import { demoPrisma } from "./demo-database";

const { values } = parseArgs({
  options: {
    days: { type: "string" },
    hours: { type: "string" },
    ms: { type: "string" },
    sandbox: { type: "string", default: "http://127.0.0.1:4000" },
    timeout: { type: "string", default: "60000" },
  },
});
const prisma = await demoPrisma();
try {
  const clock = await advanceSandboxClock(
    values.sandbox,
    prisma,
    {
      days: Number(values.days ?? 0),
      hours: Number(values.hours ?? 0),
      ms: Number(values.ms ?? 0),
    },
    { timeoutMs: Number(values.timeout) },
  );
  console.log(clock.now);
} finally {
  await prisma.$disconnect();
}
