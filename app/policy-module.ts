import type { Prisma } from "@prisma/client";
import type { OrderFacts } from "~/domain/order-facts";
import type { OrderStatusHook } from "~/domain/order-status";
import type { PolicyDocument } from "~/domain/policy/schema";
import type { AdminGraphql } from "~/platform/admin/client.server";
import type { JobContext } from "~/platform/jobs/types";
import type { WebhookHandler } from "~/platform/webhooks/types";
import type { WebhookTopic } from "~/platform/webhooks/topics";
import type { CurrentPolicy } from "~/services/policy.server";

// What a policy plugs into the app: one object per feature folder (app/features/<policy>/index.ts),
// listed once in the registry (app/policies.server.ts). The webhook topic handlers, the job
// worker and the compliance service read the registry; none of them names a policy.

/** A policy's job: the shop it runs for, and the shop's Admin API, paced (only when asked). */
export interface PolicyJobContext extends JobContext {
  shop: string;
  admin: () => Promise<AdminGraphql>;
}

export type PolicyJobHandler = (context: PolicyJobContext) => Promise<void>;

/** Who a compliance webhook is about, with every order the app knows them by. */
export interface DataSubject {
  customerGid: string | null;
  email: string | null;
  orderGids: string[];
}

export type Tx = Prisma.TransactionClient;

/** The customer data a policy keeps, and how it is exported and erased (GDPR / CPRA). */
export interface PersonalData {
  /** Models holding customer data; a test fails when a schema model is in neither list. */
  modelsWithCustomerData: readonly string[];
  /** Models without customer data, each with the reason. */
  modelsWithoutCustomerData: Readonly<Record<string, string>>;
  /** The policy's part of a customers/data_request report, by section name. */
  exportFor(shop: string, subject: DataSubject): Promise<Record<string, unknown>>;
  /** customers/redact: erase or blank what identifies the customer; counts by what changed. */
  redact(tx: Tx, shop: string, subject: DataSubject): Promise<Record<string, number>>;
  /** shop/redact: everything the policy holds for the shop; rows deleted. */
  eraseShop(tx: Tx, shop: string): Promise<number>;
}

export interface PolicyModule {
  /** The policy's name in logs and errors. */
  name: string;
  /** Job type → handler, for the jobs the policy enqueues. */
  jobs: Readonly<Record<string, PolicyJobHandler>>;
  /** The order, fulfillment and return facts it subscribes to. */
  facts: OrderFacts;
  /** Topics only this policy reads (the others reach it as facts). */
  webhooks?: Partial<Record<WebhookTopic, WebhookHandler>>;
  /** Its part of publishing a policy version to Shopify (purchase options, checkout rules…). */
  syncShopify?(shop: string, policy: CurrentPolicy, admin: AdminGraphql): Promise<unknown>;
  /** Handles of the Flow trigger extensions it fires (extensions/<handle>). */
  flowTriggers: readonly string[];
  personalData: PersonalData;
  /** Its part of the customer account's order page for one of the customer's orders, if any. */
  orderStatus?: OrderStatusHook;
  /**
   * Dates the product page's Delivery block states for this policy, one per shipping tier (in the
   * tiers' order), for an order placed on local `day`: published with the delivery schedule.
   */
  storefrontDates?(document: PolicyDocument, day: string): Record<string, string[]>;
}
