// Returns' reads of an order and its products: what the rules decide on (the snapshot), where a
// refund goes back to, and the sizes an exchange can take.

// Everything the returns policy reads about an order's lines that the orders/create webhook does
// not carry: tags, product type, compare-at price, gift card, purchase option, fulfillment lines.
export const RETURNS_ORDER_SNAPSHOT_QUERY = `#graphql
  query ReturnsOrderSnapshot($id: ID!) {
    order(id: $id) {
      id
      name
      createdAt
      email
      currencyCode
      sourceName
      customer {
        id
        displayName
      }
      shippingAddress {
        countryCodeV2
      }
      lineItems(first: 30) {
        nodes {
          id
          title
          variantTitle
          quantity
          isGiftCard
          originalUnitPriceSet {
            shopMoney {
              amount
            }
          }
          discountedUnitPriceSet {
            shopMoney {
              amount
            }
          }
          originalTotalSet {
            shopMoney {
              amount
            }
          }
          totalDiscountSet {
            shopMoney {
              amount
            }
          }
          sellingPlan {
            sellingPlanId
          }
          product {
            id
            tags
            productType
          }
          variant {
            id
            compareAtPrice
          }
        }
      }
      fulfillments {
        id
        deliveredAt
        fulfillmentLineItems(first: 30) {
          nodes {
            id
            lineItem {
              id
            }
          }
        }
      }
    }
  }
` as const;

// The payments a refund goes back to, and whether the shop's customers can spend store credit.
export const RETURNS_REFUND_CONTEXT_QUERY = `#graphql
  query ReturnsRefundContext($id: ID!) {
    order(id: $id) {
      id
      transactions {
        id
        kind
        status
        gateway
        amountSet {
          shopMoney {
            amount
          }
        }
      }
    }
    shop {
      customerAccountsV2 {
        customerAccountsVersion
      }
    }
    locations(first: 1) {
      nodes {
        id
      }
    }
  }
` as const;

// The same product's sizes and widths with live stock, for an exchange.
export const RETURNS_EXCHANGE_VARIANTS_QUERY = `#graphql
  query ReturnsExchangeVariants($id: ID!) {
    product(id: $id) {
      id
      title
      variants(first: 100) {
        nodes {
          id
          title
          price
          inventoryQuantity
          availableForSale
        }
      }
    }
  }
` as const;
