import crypto from "node:crypto";
import { orderMutationResolvers, orderQueryResolvers, paymentScheduleObject } from "./orders";
import { validationMutationResolvers } from "./validations";
import { rewardMutationResolvers } from "./rewards";
import { appDiscountMutationResolvers, appDiscountQueryResolvers } from "./app-discounts";
import { productMutationResolvers, productQueryResolvers } from "./products";
import { metafieldObject } from "./metafield";
import { fulfillmentOrderMutationResolvers } from "./fulfillment-orders";
import { orderEditMutationResolvers } from "./order-edits";
import { flowAndCancelMutationResolvers } from "./flow-and-cancel";
import { sellingPlanMutationResolvers, sellingPlanQueryResolvers } from "./selling-plans";
import { returnMutationResolvers, returnQueryResolvers } from "./return-mutations";
import { storeCreditMutationResolvers, storeCreditQueryResolvers } from "./store-credit";
import type { SandboxShop, SandboxStore } from "../store";

// Resolvers for the part of the Admin API the app uses. Objects carry only the fields the
// sandbox simulates; the executor answers `not simulated: Type.field` for any other field.

export interface ResolverContext {
  store: SandboxStore;
  shop: SandboxShop;
}

type Args = Record<string, unknown>;

interface MetafieldsSetInput {
  ownerId: string;
  namespace?: string | null;
  key: string;
  type?: string | null;
  value: string;
  compareDigest?: string | null;
}

function shopObject(shop: SandboxShop) {
  return {
    __typename: "Shop",
    id: `gid://shopify/Shop/${shop.domain.length}`,
    name: shop.name,
    myshopifyDomain: shop.domain,
    currencyCode: shop.currencyCode,
    ianaTimezone: shop.ianaTimezone,
    customerAccountsV2: {
      __typename: "CustomerAccountsV2",
      customerAccountsVersion: shop.customerAccountsVersion,
      loginLinksVisibleOnStorefrontAndCheckout: true,
      loginRequiredAtCheckout: false,
      url:
        shop.customerAccountsVersion === "NEW_CUSTOMER_ACCOUNTS"
          ? `https://shopify.com/${shop.domain.length}/account`
          : `https://${shop.domain}/account`,
    },
    plan: {
      __typename: "ShopPlan",
      shopifyPlus: shop.plus,
      partnerDevelopment: false,
      publicDisplayName: shop.plus ? "Shopify Plus" : "Basic",
    },
  };
}

export const queryResolvers = {
  ...productQueryResolvers,
  ...orderQueryResolvers,
  ...sellingPlanQueryResolvers,
  ...returnQueryResolvers,
  ...storeCreditQueryResolvers,
  ...appDiscountQueryResolvers,
  shop: (_args: Args, { shop }: ResolverContext) => shopObject(shop),
  currentAppInstallation: (_args: Args, { shop }: ResolverContext) => ({
    __typename: "AppInstallation",
    id: shop.appInstallationId,
  }),
  node: (args: Args, context: ResolverContext) => {
    const { shop } = context;
    const id = String(args.id);
    const type = /^gid:\/\/shopify\/(\w+)\//.exec(id)?.[1];
    if (type === "Return") return returnQueryResolvers.return({ id }, context);
    if (type === "ReverseFulfillmentOrder")
      return returnQueryResolvers.reverseFulfillmentOrder({ id }, context);
    if (type === "ReverseDelivery") return returnQueryResolvers.reverseDelivery({ id }, context);
    if (type === "StoreCreditAccount")
      return storeCreditQueryResolvers.storeCreditAccount({ id }, context);
    if (type === "GiftCard") return storeCreditQueryResolvers.giftCard({ id }, context);
    if (type === "Customer") return storeCreditQueryResolvers.customer({ id }, context);
    if (id.startsWith("gid://shopify/PaymentSchedule/")) {
      const order = shop.orders.find((o) => o.paymentSchedule?.id === id);
      return order ? paymentScheduleObject(order) : null;
    }
    const metafield = [...shop.metafields.values()].find((m) => m.id === id);
    return metafield ? metafieldObject(metafield) : null;
  },
};

export const mutationResolvers = {
  ...productMutationResolvers,
  ...fulfillmentOrderMutationResolvers,
  ...orderEditMutationResolvers,
  ...rewardMutationResolvers,
  ...appDiscountMutationResolvers,
  ...storeCreditMutationResolvers,
  ...returnMutationResolvers,
  ...flowAndCancelMutationResolvers,
  ...validationMutationResolvers,
  ...orderMutationResolvers,
  ...sellingPlanMutationResolvers,
  metafieldsSet: (args: Args, { store, shop }: ResolverContext) => {
    const inputs = args.metafields as MetafieldsSetInput[];
    const userErrors: { field: string[]; message: string; code: string }[] = [];
    if (inputs.length > 25)
      userErrors.push({
        field: ["metafields"],
        message: "Exceeded the maximum metafields input limit of 25.",
        code: "LESS_THAN_OR_EQUAL_TO",
      });
    inputs.forEach((input, i) => {
      if (input.ownerId !== shop.appInstallationId && !input.ownerId.startsWith("gid://shopify/")) {
        userErrors.push({
          field: ["metafields", String(i), "ownerId"],
          message: "Owner does not exist.",
          code: "INVALID",
        });
      }
      if (input.type === "json") {
        try {
          JSON.parse(input.value);
        } catch {
          userErrors.push({
            field: ["metafields", String(i), "value"],
            message: "Value must be valid JSON.",
            code: "INVALID_VALUE",
          });
        }
      }
      if (!input.type)
        userErrors.push({
          field: ["metafields", String(i), "type"],
          message: "Type can't be blank.",
          code: "BLANK",
        });
    });
    if (userErrors.length > 0) return { metafields: [], userErrors };
    const written = inputs.map((input) => {
      const namespace = input.namespace ?? "$app";
      const slot = `${input.ownerId}|${namespace}|${input.key}`;
      const previous = shop.metafields.get(slot);
      const metafield = {
        id: previous?.id ?? `gid://shopify/Metafield/${store.id()}`,
        ownerId: input.ownerId,
        namespace,
        key: input.key,
        type: input.type ?? "single_line_text_field",
        value: input.value,
        compareDigest: crypto.createHash("sha256").update(input.value).digest("hex"),
        updatedAt: new Date(store.clock()).toISOString(),
      };
      shop.metafields.set(slot, metafield);
      store.record({
        shop: shop.domain,
        kind: "metafield.set",
        details: { ownerId: input.ownerId, namespace, key: input.key, bytes: input.value.length },
      });
      return metafieldObject(metafield);
    });
    return { metafields: written, userErrors: [] };
  },
};
