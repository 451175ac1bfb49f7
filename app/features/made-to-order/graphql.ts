// Admin operations of made-to-order (issue 5): find the made-to-order line's fulfillment order,
// hold it while the fit is unknown, schedule it for the ship date, add the fitting pair (or the
// new size) to the order by editing it.

// An order line as made-to-order finds it on the order (before and after an edit).
export const MTO_ORDER_LINE_FRAGMENT = `#graphql
  fragment MtoOrderLine on LineItem {
    id
    currentQuantity
    variant {
      id
    }
  }
` as const;

// A fulfillment order's state after a hold, a release or a reschedule.
export const MTO_FULFILLMENT_ORDER_STATE_FRAGMENT = `#graphql
  fragment MtoFulfillmentOrderState on FulfillmentOrder {
    id
    status
    fulfillAt
  }
` as const;

export const MTO_ORDER_QUERY = `#graphql
  query MtoOrder($id: ID!) {
    order(id: $id) {
      id
      cancelledAt
      lineItems(first: 50) {
        nodes {
          ...MtoOrderLine
          sku
        }
      }
      fulfillmentOrders(first: 5) {
        nodes {
          id
          status
          fulfillAt
          lineItems(first: 20) {
            nodes {
              lineItem {
                id
              }
            }
          }
          fulfillmentHolds {
            id
            handle
          }
        }
      }
    }
  }
  ${MTO_ORDER_LINE_FRAGMENT}
` as const;

export const MTO_PRODUCT_VARIANTS_QUERY = `#graphql
  query MtoProductVariants($id: ID!) {
    product(id: $id) {
      id
      title
      variants(first: 100) {
        nodes {
          id
          title
          price
          selectedOptions {
            name
            value
          }
        }
      }
    }
  }
` as const;

export const MTO_FITTING_PAIR_PRODUCT_QUERY = `#graphql
  query MtoFittingPairProduct {
    products(first: 1, query: "tag:'fitting-pair'") {
      nodes {
        id
      }
    }
  }
` as const;

export const MTO_HOLD_MUTATION = `#graphql
  mutation MtoFulfillmentOrderHold($id: ID!, $fulfillmentHold: FulfillmentOrderHoldInput!) {
    fulfillmentOrderHold(id: $id, fulfillmentHold: $fulfillmentHold) {
      fulfillmentHold {
        id
        handle
      }
      fulfillmentOrder {
        ...MtoFulfillmentOrderState
      }
      userErrors {
        field
        message
        code
      }
    }
  }
  ${MTO_FULFILLMENT_ORDER_STATE_FRAGMENT}
` as const;

export const MTO_RELEASE_HOLD_MUTATION = `#graphql
  mutation MtoFulfillmentOrderReleaseHold($id: ID!, $holdIds: [ID!]) {
    fulfillmentOrderReleaseHold(id: $id, holdIds: $holdIds) {
      fulfillmentOrder {
        ...MtoFulfillmentOrderState
      }
      userErrors {
        field
        message
        code
      }
    }
  }
  ${MTO_FULFILLMENT_ORDER_STATE_FRAGMENT}
` as const;

export const MTO_RESCHEDULE_MUTATION = `#graphql
  mutation MtoFulfillmentOrderReschedule($id: ID!, $fulfillAt: DateTime!) {
    fulfillmentOrderReschedule(id: $id, fulfillAt: $fulfillAt) {
      fulfillmentOrder {
        ...MtoFulfillmentOrderState
      }
      userErrors {
        field
        message
        code
      }
    }
  }
  ${MTO_FULFILLMENT_ORDER_STATE_FRAGMENT}
` as const;

export const MTO_EDIT_BEGIN_MUTATION = `#graphql
  mutation MtoOrderEditBegin($id: ID!) {
    orderEditBegin(id: $id) {
      calculatedOrder {
        id
        lineItems(first: 50) {
          nodes {
            id
            quantity
            variant {
              id
            }
          }
        }
      }
      userErrors {
        field
        message
      }
    }
  }
` as const;

export const MTO_EDIT_ADD_VARIANT_MUTATION = `#graphql
  mutation MtoOrderEditAddVariant($id: ID!, $variantId: ID!, $quantity: Int!) {
    orderEditAddVariant(id: $id, variantId: $variantId, quantity: $quantity, allowDuplicates: false) {
      calculatedLineItem {
        id
      }
      userErrors {
        field
        message
      }
    }
  }
` as const;

export const MTO_EDIT_SET_QUANTITY_MUTATION = `#graphql
  mutation MtoOrderEditSetQuantity($id: ID!, $lineItemId: ID!, $quantity: Int!) {
    orderEditSetQuantity(id: $id, lineItemId: $lineItemId, quantity: $quantity, restock: false) {
      calculatedOrder {
        id
        totalOutstandingSet {
          shopMoney {
            amount
          }
        }
      }
      userErrors {
        field
        message
      }
    }
  }
` as const;

export const MTO_EDIT_COMMIT_MUTATION = `#graphql
  mutation MtoOrderEditCommit($id: ID!, $staffNote: String) {
    orderEditCommit(id: $id, notifyCustomer: false, staffNote: $staffNote) {
      order {
        id
        lineItems(first: 50) {
          nodes {
            ...MtoOrderLine
          }
        }
      }
      userErrors {
        field
        message
      }
    }
  }
  ${MTO_ORDER_LINE_FRAGMENT}
` as const;

// Sold-out sizes of made-to-order products: sellable when out of stock (CONTINUE), and marked
// made_to_order_only so the checkout validation sells them on the made-to-order option only.
export const MTO_SOLD_OUT_VARIANTS_QUERY = `#graphql
  query MtoSoldOutVariants($query: String!, $after: String) {
    productVariants(first: 50, query: $query, after: $after) {
      nodes {
        id
        inventoryPolicy
        inventoryItem {
          id
        }
        madeToOrderOnly: metafield(namespace: "fitting_room", key: "made_to_order_only") {
          value
        }
        product {
          id
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
` as const;

export const MTO_STOCK_VARIANT_QUERY = `#graphql
  query MtoStockVariant($id: ID!) {
    inventoryItem(id: $id) {
      id
      variant {
        id
        inventoryQuantity
        inventoryPolicy
        madeToOrderOnly: metafield(namespace: "fitting_room", key: "made_to_order_only") {
          value
        }
        product {
          id
          tags
        }
      }
    }
  }
` as const;

export const MTO_CONTINUE_SELLING_MUTATION = `#graphql
  mutation MtoContinueSelling($productId: ID!, $variants: [ProductVariantsBulkInput!]!) {
    productVariantsBulkUpdate(productId: $productId, variants: $variants) {
      productVariants {
        id
        inventoryPolicy
      }
      userErrors {
        field
        message
        code
      }
    }
  }
` as const;
