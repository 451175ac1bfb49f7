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

// The plan alone, read fresh before money moves: a shop can move between Standard and Plus at
// any time after install, and `amount` on a mandate payment is Plus-only.
export const SHOP_PLAN_QUERY = `#graphql
  query ShopPlan {
    shop {
      plan {
        shopifyPlus
      }
    }
  }
` as const;
