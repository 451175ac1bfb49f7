// Store credit for a shop whose customers cannot spend it (classic customer accounts): a gift
// card for the customer, used by returns and referrals alike.
export const GIFT_CARD_CREATE = `#graphql
  mutation GiftCardCreate($input: GiftCardCreateInput!) {
    giftCardCreate(input: $input) {
      giftCard {
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

// Whether the shop's customers can spend store credit: only with new customer accounts.
export const CUSTOMER_ACCOUNTS_VERSION = `#graphql
  query CustomerAccountsVersion {
    shop {
      customerAccountsV2 {
        customerAccountsVersion
      }
    }
  }
` as const;
