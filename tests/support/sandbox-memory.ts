import { executeAdmin } from "../sandbox/admin/executor";
import { Lifecycle } from "../sandbox/lifecycle";
import { seedDemoStore } from "../sandbox/seed";
import { SandboxStore } from "../sandbox/store";
import { Outbox } from "../sandbox/webhooks";

/** A mutation or query result: each top-level field, with the userErrors every mutation has. */
export type AdminData = Record<
  string,
  Record<string, unknown> & {
    userErrors: { field?: string[]; message: string; code?: string | null }[];
  }
>;

/**
 * A seeded sandbox in memory, no HTTP: for tests of the sandbox's own Shopify behaviour. `run`
 * executes an operation as the app would send it and fails the test on GraphQL errors.
 */
export function memorySandbox(shopDomain: string, plan: "standard" | "plus" = "standard") {
  const store = new SandboxStore();
  const shop = seedDemoStore(store, shopDomain);
  store.setPlan(shopDomain, plan);
  const emitted: string[] = [];
  store.emit = (_shop, topic) => emitted.push(topic);
  const outbox = new Outbox(store, null);
  const lifecycle = new Lifecycle(store, outbox);
  const run = async (query: string, variables: Record<string, unknown> = {}) => {
    const result = await executeAdmin(store, shopDomain, { query, variables });
    if (result.errors) throw new Error(JSON.stringify(result.errors));
    return result.data as AdminData;
  };
  return { store, shop, lifecycle, run, emitted, outbox };
}
