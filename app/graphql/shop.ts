// What the app needs to know about a shop to decide money and dates: its currency, time zone,
// whether it is on Plus (the `amount` argument of orderCreateMandatePayment), and the app
// installation that owns the storefront metafields.
export const SHOP_DETAILS_QUERY = `#graphql
  query ShopDetails {
    shop {
      myshopifyDomain
      currencyCode
      ianaTimezone
      plan {
        shopifyPlus
      }
    }
    currentAppInstallation {
      id
    }
  }
` as const;
