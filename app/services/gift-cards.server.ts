import crypto from "node:crypto";
import { toDecimalString } from "~/domain/money";
import { CUSTOMER_ACCOUNTS_VERSION, GIFT_CARD_CREATE } from "~/graphql/gift-cards";
import {
  adminRequest,
  assertNoUserErrors,
  type AdminGraphql,
} from "~/platform/admin/client.server";

// Store credit is spendable only with new customer accounts; a shop on classic accounts gets a
// gift card for the customer instead (../shared/notes/returns-referrals-platform.md). The card's
// code is derived from what it pays for, so a retry after a lost answer asks for the same card
// and Shopify refuses a second one.

/** A gift card code per purpose, the same on every retry: 16 letters and digits, no 0/O, 1/I. */
export function giftCardCodeFor(purpose: string): string {
  const alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
  const bytes = crypto.createHash("sha256").update(purpose).digest();
  return Array.from(bytes.subarray(0, 16), (b) => alphabet[b % alphabet.length]).join("");
}

export async function spendsStoreCredit(graphql: AdminGraphql): Promise<boolean> {
  const data = await adminRequest(graphql, CUSTOMER_ACCOUNTS_VERSION);
  return data.shop.customerAccountsV2.customerAccountsVersion === "NEW_CUSTOMER_ACCOUNTS";
}

/** The card's id, or null when a card with this code exists already (an earlier attempt). */
export async function createGiftCard(
  graphql: AdminGraphql,
  input: {
    code: string;
    amountMinor: number;
    currency: string;
    customerGid: string | null;
    note: string;
  },
) {
  const data = await adminRequest(graphql, GIFT_CARD_CREATE, {
    input: {
      code: input.code,
      initialAmount: {
        amount: toDecimalString({ amount: input.amountMinor, currency: input.currency }),
        currencyCode: input.currency as never,
      },
      ...(input.customerGid ? { customerId: input.customerGid } : {}),
      note: input.note,
    },
  });
  const errors = data.giftCardCreate?.userErrors ?? [];
  if (errors.some((e) => e.code === "TAKEN" || /taken|exists/i.test(e.message))) return null;
  assertNoUserErrors("giftCardCreate", errors);
  return data.giftCardCreate?.giftCard?.id ?? null;
}
