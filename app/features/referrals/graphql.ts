// Referrals' Admin operations: the program's two app discounts on the referral Function (the
// code discount holding every referrer's code, the automatic one that explains refusals), the
// codes added in bulk, the referrer's own code on their customer record (the Function reads it),
// and the rewards: store credit on the referrer's account or a single-use code.

export const REFERRALS_DISCOUNT_ERRORS_FRAGMENT = `#graphql
  fragment ReferralsDiscountErrors on DiscountUserError {
    field
    message
    code
  }
`;

export const REFERRALS_CODE_DISCOUNT_CREATE = `#graphql
  mutation ReferralsCodeDiscountCreate($discount: DiscountCodeAppInput!) {
    discountCodeAppCreate(codeAppDiscount: $discount) {
      codeAppDiscount {
        discountId
      }
      userErrors {
        ...ReferralsDiscountErrors
      }
    }
  }
  ${REFERRALS_DISCOUNT_ERRORS_FRAGMENT}
` as const;

export const REFERRALS_CODE_DISCOUNT_UPDATE = `#graphql
  mutation ReferralsCodeDiscountUpdate($id: ID!, $discount: DiscountCodeAppInput!) {
    discountCodeAppUpdate(id: $id, codeAppDiscount: $discount) {
      codeAppDiscount {
        discountId
      }
      userErrors {
        ...ReferralsDiscountErrors
      }
    }
  }
  ${REFERRALS_DISCOUNT_ERRORS_FRAGMENT}
` as const;

export const REFERRALS_AUTOMATIC_DISCOUNT_CREATE = `#graphql
  mutation ReferralsAutomaticDiscountCreate($discount: DiscountAutomaticAppInput!) {
    discountAutomaticAppCreate(automaticAppDiscount: $discount) {
      automaticAppDiscount {
        discountId
      }
      userErrors {
        ...ReferralsDiscountErrors
      }
    }
  }
  ${REFERRALS_DISCOUNT_ERRORS_FRAGMENT}
` as const;

export const REFERRALS_AUTOMATIC_DISCOUNT_UPDATE = `#graphql
  mutation ReferralsAutomaticDiscountUpdate($id: ID!, $discount: DiscountAutomaticAppInput!) {
    discountAutomaticAppUpdate(id: $id, automaticAppDiscount: $discount) {
      automaticAppDiscount {
        discountId
      }
      userErrors {
        ...ReferralsDiscountErrors
      }
    }
  }
  ${REFERRALS_DISCOUNT_ERRORS_FRAGMENT}
` as const;

export const REFERRALS_CODES_ADD = `#graphql
  mutation ReferralsCodesAdd($discountId: ID!, $codes: [DiscountRedeemCodeInput!]!) {
    discountRedeemCodeBulkAdd(discountId: $discountId, codes: $codes) {
      bulkCreation {
        id
      }
      userErrors {
        ...ReferralsDiscountErrors
      }
    }
  }
  ${REFERRALS_DISCOUNT_ERRORS_FRAGMENT}
` as const;

export const REFERRALS_CODES_ADDED = `#graphql
  query ReferralsCodesAdded($id: ID!) {
    discountRedeemCodeBulkCreation(id: $id) {
      done
      codes(first: 250) {
        nodes {
          code
          discountRedeemCode {
            id
          }
          errors {
            message
          }
        }
      }
    }
  }
` as const;

export const REFERRALS_CODE_REMOVE = `#graphql
  mutation ReferralsCodeRemove($discountId: ID!, $ids: [ID!]!) {
    discountCodeRedeemCodeBulkDelete(discountId: $discountId, ids: $ids) {
      job {
        id
      }
      userErrors {
        ...ReferralsDiscountErrors
      }
    }
  }
  ${REFERRALS_DISCOUNT_ERRORS_FRAGMENT}
` as const;

export const REFERRALS_OWN_CODE_SET = `#graphql
  mutation ReferralsOwnCodeSet($metafields: [MetafieldsSetInput!]!) {
    metafieldsSet(metafields: $metafields) {
      metafields {
        id
      }
      userErrors {
        field
        message
        code
      }
    }
  }
` as const;

export const REFERRALS_STORE_CREDIT_TRANSACTION_FRAGMENT = `#graphql
  fragment ReferralsStoreCreditTransaction on StoreCreditAccountTransaction {
    ... on Node {
      id
    }
    amount {
      amount
      currencyCode
    }
  }
`;

export const REFERRALS_STORE_CREDIT = `#graphql
  mutation ReferralsStoreCredit($id: ID!, $credit: StoreCreditAccountCreditInput!) {
    storeCreditAccountCredit(id: $id, creditInput: $credit) {
      storeCreditAccountTransaction {
        ...ReferralsStoreCreditTransaction
      }
      userErrors {
        field
        message
        code
      }
    }
  }
  ${REFERRALS_STORE_CREDIT_TRANSACTION_FRAGMENT}
` as const;

export const REFERRALS_STORE_CREDIT_HISTORY = `#graphql
  query ReferralsStoreCreditHistory($customerId: ID!) {
    customer(id: $customerId) {
      storeCreditAccounts(first: 5) {
        nodes {
          transactions(first: 50, reverse: true) {
            nodes {
              __typename
              ... on StoreCreditAccountCreditTransaction {
                id
                createdAt
                amount {
                  amount
                }
              }
              ... on StoreCreditAccountDebitTransaction {
                id
                createdAt
                amount {
                  amount
                }
              }
            }
          }
        }
      }
    }
  }
` as const;

export const REFERRALS_REWARD_CODE_CREATE = `#graphql
  mutation ReferralsRewardCodeCreate($discount: DiscountCodeBasicInput!) {
    discountCodeBasicCreate(basicCodeDiscount: $discount) {
      codeDiscountNode {
        id
      }
      userErrors {
        ...ReferralsDiscountErrors
      }
    }
  }
  ${REFERRALS_DISCOUNT_ERRORS_FRAGMENT}
` as const;

export const REFERRALS_CODE_LOOKUP = `#graphql
  query ReferralsCodeLookup($code: String!) {
    codeDiscountNodeByCode(code: $code) {
      id
    }
  }
` as const;

// After a create whose answer was lost: the shop's app discounts, to find the one we made.
export const REFERRALS_APP_DISCOUNTS = `#graphql
  query ReferralsAppDiscounts($query: String!) {
    discountNodes(first: 50, query: $query) {
      nodes {
        id
        discount {
          __typename
          ... on DiscountCodeApp {
            discountId
            title
          }
          ... on DiscountAutomaticApp {
            discountId
            title
          }
        }
      }
    }
  }
` as const;

// Claw-back: what is left of the referrer's store credit (only the unspent part is taken back).
export const REFERRALS_STORE_CREDIT_BALANCE = `#graphql
  query ReferralsStoreCreditBalance($customerId: ID!) {
    customer(id: $customerId) {
      storeCreditAccounts(first: 5) {
        nodes {
          id
          balance {
            amount
            currencyCode
          }
        }
      }
    }
  }
` as const;

export const REFERRALS_STORE_CREDIT_DEBIT = `#graphql
  mutation ReferralsStoreCreditDebit($id: ID!, $debit: StoreCreditAccountDebitInput!) {
    storeCreditAccountDebit(id: $id, debitInput: $debit) {
      storeCreditAccountTransaction {
        ...ReferralsStoreCreditTransaction
      }
      userErrors {
        field
        message
        code
      }
    }
  }
  ${REFERRALS_STORE_CREDIT_TRANSACTION_FRAGMENT}
` as const;

// Before the first payment: the friend's order as Shopify has it now, so a refund, cancellation
// or open return whose webhook is late or lost still stops the reward.
// What Shopify shows of the card behind a payment (no token is given to apps): a self-referral
// paid with the referrer's own card is flagged before the reward is paid.
export const REFERRALS_CARD_PAYMENT_FRAGMENT = `#graphql
  fragment ReferralsCardPayment on OrderTransaction {
    paymentDetails {
      ... on CardPaymentDetails {
        bin
        number
        expirationMonth
        expirationYear
        name
      }
    }
  }
`;

export const REFERRALS_FRIEND_ORDER = `#graphql
  query ReferralsFriendOrder($id: ID!) {
    order(id: $id) {
      id
      cancelledAt
      displayFinancialStatus
      refunds(first: 50) {
        id
        createdAt
        refundLineItems(first: 50) {
          nodes {
            quantity
            lineItem {
              id
            }
          }
        }
      }
      returns(first: 20) {
        nodes {
          id
          status
        }
      }
      transactions(first: 10) {
        ...ReferralsCardPayment
      }
      customer {
        id
        orders(first: 1, sortKey: CREATED_AT) {
          nodes {
            id
          }
        }
      }
    }
  }
  ${REFERRALS_CARD_PAYMENT_FRAGMENT}
` as const;

// The cards on the referrer's own recent orders, to compare with the friend's.
export const REFERRALS_REFERRER_CARDS = `#graphql
  query ReferralsReferrerCards($customerId: ID!) {
    customer(id: $customerId) {
      orders(first: 20, reverse: true) {
        nodes {
          id
          transactions(first: 5) {
            ...ReferralsCardPayment
          }
        }
      }
    }
  }
  ${REFERRALS_CARD_PAYMENT_FRAGMENT}
` as const;
