import type { Logger } from "pino";
import prisma from "~/db.server";
import { formatMoney, money, toDecimalString } from "~/domain/money";
import {
  adminRequest,
  assertNoUserErrors,
  type AdminGraphql,
} from "~/platform/admin/client.server";
import { now } from "~/platform/clock.server";
import { performEffect } from "~/platform/effects.server";
import { shopLogger } from "~/platform/logger.server";
import type { CurrentPolicy } from "~/services/policy.server";
import { CODE_PATTERN } from "./domain/codes";
import { referralTerms, type ReferralTerms } from "./domain/terms";
import { forgetProgramDiscount } from "./forget-discount.server";
import {
  REFERRALS_APP_DISCOUNTS,
  REFERRALS_AUTOMATIC_DISCOUNT_CREATE,
  REFERRALS_AUTOMATIC_DISCOUNT_UPDATE,
  REFERRALS_CODE_DISCOUNT_CREATE,
  REFERRALS_CODE_DISCOUNT_UPDATE,
} from "./graphql";

// The program on Shopify (docs/decisions/0012-referral-discount.md): two app discounts on the
// referral Function, created once and updated with every policy version — the code discount that
// holds every referrer's code and gives the friend's reward, and the automatic one that gives
// nothing and rejects a referral code that will not apply, with the reason. Their rules metafield
// is what the Function reads; a paused program ends both discounts.

export const REFERRAL_FUNCTION = "referral-discount";

/** What the Function reads (extensions/referral-discount/src/run.ts ReferralRules). */
export function functionRules(terms: ReferralTerms) {
  const fmt = (minor: number) => formatMoney(money(minor, terms.currency));
  const reward =
    terms.friendReward.kind === "amount"
      ? {
          kind: "amount" as const,
          amount: toDecimalString(money(terms.friendReward.amount, terms.currency)),
        }
      : { kind: "percent" as const, percent: terms.friendReward.percent };
  const what =
    terms.friendReward.kind === "amount"
      ? fmt(terms.friendReward.amount)
      : `${terms.friendReward.percent}%`;
  return {
    codePattern: CODE_PATTERN,
    reward,
    minimumSubtotal: toDecimalString(money(terms.minimumOrder, terms.currency)),
    policyVersion: terms.policyVersion,
    messages: {
      applied: `${what} off your first order, from a friend`,
      existingCustomer:
        "Referral codes are for a first order, and this account has ordered before.",
      ownCode: "That's your own referral code: share it with a friend instead.",
      underMinimum: `The referral reward needs an order of at least ${fmt(terms.minimumOrder)}.`,
    },
  };
}

function discountInput(terms: ReferralTerms, kind: "code" | "automatic") {
  return {
    title: kind === "code" ? "Referral: a friend's first order" : "Referral: code checks",
    functionHandle: REFERRAL_FUNCTION,
    discountClasses: ["ORDER" as const],
    combinesWith: { orderDiscounts: false, productDiscounts: false, shippingDiscounts: true },
    startsAt: now().toISOString(),
    endsAt: terms.enabled ? null : now().toISOString(),
    metafields: [
      {
        namespace: "fitting_room",
        key: "referral_rules",
        type: "json",
        value: JSON.stringify(functionRules(terms)),
      },
    ],
  };
}

type UserErrors = readonly { field?: readonly string[] | null; message: string }[] | undefined;

/** Shopify's answer to an update of a discount that was deleted (by the merchant, in the admin). */
const deletedOnShopify = (errors: UserErrors) =>
  (errors ?? []).some((e) => e.field?.includes("id") && /does not exist/i.test(e.message));

export async function syncReferralProgram(
  shop: string,
  policy: CurrentPolicy,
  graphql: AdminGraphql,
  log: Logger = shopLogger(shop),
) {
  const terms = referralTerms(policy.document, policy.version);
  const program = await prisma.referralProgram.findUnique({ where: { shop } });
  // A program never run needs no discounts yet: they are made when it is first switched on.
  if (!program && !terms.enabled) return { discounts: "not created (program off)" };
  // A retried publish of the version already on Shopify writes nothing.
  if (
    program?.policyVersion === policy.version &&
    program.codeDiscountGid &&
    program.automaticDiscountGid
  )
    return {
      codeDiscount: program.codeDiscountGid,
      automaticDiscount: program.automaticDiscountGid,
      unchanged: true,
    };
  const code = discountInput(terms, "code");
  const automatic = discountInput(terms, "automatic");
  let codeGid = program?.codeDiscountGid ?? null;
  let automaticGid = program?.automaticDiscountGid ?? null;
  if (codeGid) {
    const { startsAt: _s, ...update } = code;
    const data = await adminRequest(graphql, REFERRALS_CODE_DISCOUNT_UPDATE, {
      id: codeGid,
      discount: update,
    });
    const errors = data.discountCodeAppUpdate?.userErrors;
    if (deletedOnShopify(errors)) codeGid = await forget(shop, codeGid, log);
    else assertNoUserErrors("discountCodeAppUpdate", errors);
  }
  if (!codeGid) {
    const generation = await generationOf(shop);
    codeGid = await createOnce(shop, graphql, "code", generation, code.title, async () => {
      const data = await adminRequest(graphql, REFERRALS_CODE_DISCOUNT_CREATE, { discount: code });
      assertNoUserErrors("discountCodeAppCreate", data.discountCodeAppCreate?.userErrors);
      return data.discountCodeAppCreate?.codeAppDiscount?.discountId ?? null;
    });
    // Kept at once: a crash before the automatic discount must not make a second code discount.
    await save(
      shop,
      { codeDiscountGid: codeGid, automaticDiscountGid: automaticGid },
      policy.version,
    );
  }
  if (automaticGid) {
    const { startsAt: _s, ...update } = automatic;
    const data = await adminRequest(graphql, REFERRALS_AUTOMATIC_DISCOUNT_UPDATE, {
      id: automaticGid,
      discount: update,
    });
    const errors = data.discountAutomaticAppUpdate?.userErrors;
    if (deletedOnShopify(errors)) automaticGid = await forget(shop, automaticGid, log);
    else assertNoUserErrors("discountAutomaticAppUpdate", errors);
  }
  if (!automaticGid) {
    const generation = await generationOf(shop);
    automaticGid = await createOnce(
      shop,
      graphql,
      "automatic",
      generation,
      automatic.title,
      async () => {
        const data = await adminRequest(graphql, REFERRALS_AUTOMATIC_DISCOUNT_CREATE, {
          discount: automatic,
        });
        assertNoUserErrors(
          "discountAutomaticAppCreate",
          data.discountAutomaticAppCreate?.userErrors,
        );
        return data.discountAutomaticAppCreate?.automaticAppDiscount?.discountId ?? null;
      },
    );
  }
  await prisma.referralProgram.upsert({
    where: { shop },
    create: {
      shop,
      codeDiscountGid: codeGid,
      automaticDiscountGid: automaticGid,
      policyVersion: policy.version,
    },
    update: {
      codeDiscountGid: codeGid,
      automaticDiscountGid: automaticGid,
      policyVersion: policy.version,
    },
  });
  return { codeDiscount: codeGid, automaticDiscount: automaticGid, running: terms.enabled };
}

async function generationOf(shop: string) {
  const program = await prisma.referralProgram.findUnique({ where: { shop } });
  return program?.discountsGeneration ?? 0;
}

/** A discount deleted on Shopify without its webhook reaching us: forgotten, to be made again. */
async function forget(shop: string, gid: string, log: Logger): Promise<null> {
  await prisma.$transaction((tx) => forgetProgramDiscount(tx, shop, gid, log));
  return null;
}

// Each of the program's discounts is made once per shop (per generation), whatever runs the sync (the install's,
// a publish, both at once): the creation is an effect under one key, and a creation whose answer
// was lost is found again on Shopify by its kind and title rather than made a second time.
function createOnce(
  shop: string,
  graphql: AdminGraphql,
  kind: "code" | "automatic",
  generation: number,
  title: string,
  create: () => Promise<string | null>,
) {
  return performEffect(
    {
      shop,
      // A discount the merchant deleted is replaced by a new creation, under the next key.
      key: `referrals:program:${kind}-discount${generation > 0 ? `:${generation}` : ""}`,
      kind: "discount.create",
      request: { title },
    },
    create,
    {
      reconcile: async () => {
        const data = await adminRequest(graphql, REFERRALS_APP_DISCOUNTS, { query: "type:app" });
        const typename = kind === "code" ? "DiscountCodeApp" : "DiscountAutomaticApp";
        const found = data.discountNodes.nodes.find(
          (n) =>
            n.discount.__typename === typename &&
            "title" in n.discount &&
            n.discount.title === title,
        );
        return found && "discountId" in found.discount ? found.discount.discountId : undefined;
      },
    },
  );
}

function save(
  shop: string,
  gids: { codeDiscountGid: string | null; automaticDiscountGid: string | null },
  policyVersion: number,
) {
  return prisma.referralProgram.upsert({
    where: { shop },
    create: { shop, ...gids, policyVersion },
    update: { ...gids, policyVersion },
  });
}
