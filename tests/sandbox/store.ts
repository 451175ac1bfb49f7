import { LeakyBucket, PLUS_PLAN, STANDARD_PLAN } from "./admin/bucket";

// The sandbox's state: shops, what the app wrote to them, and the ledger of every effect the
// app caused, in order. Grows with each feature the app gains.

export interface LedgerEntry {
  seq: number;
  at: string;
  shop: string;
  kind: string;
  orderGid?: string | null;
  amount?: { amount: string; currencyCode: string } | null;
  idempotencyKey?: string | null;
  details: Record<string, unknown>;
}

export interface SandboxMetafield {
  id: string;
  ownerId: string;
  namespace: string;
  key: string;
  type: string;
  value: string;
  compareDigest: string;
  updatedAt: string;
}

export interface SandboxShop {
  domain: string;
  name: string;
  currencyCode: string;
  ianaTimezone: string;
  plus: boolean;
  appInstallationId: string;
  accessTokens: Set<string>;
  metafields: Map<string, SandboxMetafield>;
  bucket: LeakyBucket;
}

export class SandboxStore {
  shops = new Map<string, SandboxShop>();
  ledger: LedgerEntry[] = [];
  private nextId = 1000;
  clock: () => number = () => Date.now();

  id(): number {
    this.nextId += 1;
    return this.nextId;
  }

  addShop(
    domain: string,
    options: Partial<Pick<SandboxShop, "currencyCode" | "ianaTimezone" | "plus" | "name">> = {},
  ): SandboxShop {
    const plus = options.plus ?? false;
    const shop: SandboxShop = {
      domain,
      name: options.name ?? domain.replace(".myshopify.com", ""),
      currencyCode: options.currencyCode ?? "USD",
      ianaTimezone: options.ianaTimezone ?? "America/New_York",
      plus,
      appInstallationId: `gid://shopify/AppInstallation/${this.id()}`,
      accessTokens: new Set(),
      metafields: new Map(),
      bucket: new LeakyBucket(plus ? PLUS_PLAN : STANDARD_PLAN, () => this.clock()),
    };
    this.shops.set(domain, shop);
    return shop;
  }

  shop(domain: string): SandboxShop {
    const shop = this.shops.get(domain);
    if (!shop) throw new Error(`sandbox has no shop ${domain}`);
    return shop;
  }

  record(entry: Omit<LedgerEntry, "seq" | "at">): LedgerEntry {
    const full = {
      ...entry,
      seq: this.ledger.length + 1,
      at: new Date(this.clock()).toISOString(),
    };
    this.ledger.push(full);
    return full;
  }
}
