// Returns' Admin operations: the order's facts a return is decided on, Shopify's Return object
// through its life (create or approve, decline, reverse delivery, process, close, cancel), and
// store credit or its gift-card fallback.

// A return as the app follows it: its lines, exchange lines and the reverse fulfillment the
// parcel comes back on.
export const RETURN_STATE_FRAGMENT = `#graphql
  fragment ReturnsReturnState on Return {
    id
    name
    status
    order {
      id
    }
    returnLineItems(first: 20) {
      nodes {
        id
        quantity
        processedQuantity
        ... on ReturnLineItem {
          returnReason
          returnReasonNote
          customerNote
          fulfillmentLineItem {
            lineItem {
              id
            }
          }
        }
      }
    }
    exchangeLineItems(first: 10) {
      nodes {
        id
        quantity
        processedQuantity
        variantId
      }
    }
    reverseFulfillmentOrders(first: 3) {
      nodes {
        id
        lineItems(first: 20) {
          nodes {
            id
            totalQuantity
            fulfillmentLineItem {
              lineItem {
                id
              }
            }
          }
        }
        reverseDeliveries(first: 3) {
          nodes {
            id
          }
        }
      }
    }
  }
` as const;

// The order's returns and the lines each holds: where a return the app created is found after a
// lost answer (its full state is read next; all of it for ten returns would exceed the query
// cost Shopify accepts).
export const RETURNS_ORDER_RETURNS_QUERY = `#graphql
  query ReturnsOrderReturns($id: ID!) {
    order(id: $id) {
      id
      returns(first: 10) {
        nodes {
          id
          returnLineItems(first: 20) {
            nodes {
              id
              ... on ReturnLineItem {
                fulfillmentLineItem {
                  lineItem {
                    id
                  }
                }
              }
            }
          }
        }
      }
    }
  }
` as const;

export const RETURNS_RETURN_QUERY = `#graphql
  query ReturnsReturn($id: ID!) {
    return(id: $id) {
      ...ReturnsReturnState
    }
  }
  ${RETURN_STATE_FRAGMENT}
` as const;

export const RETURNS_CREATE_MUTATION = `#graphql
  mutation ReturnsCreate($input: ReturnInput!) {
    returnCreate(returnInput: $input) {
      return {
        ...ReturnsReturnState
      }
      userErrors {
        field
        message
        code
      }
    }
  }
  ${RETURN_STATE_FRAGMENT}
` as const;

export const RETURNS_APPROVE_MUTATION = `#graphql
  mutation ReturnsApprove($input: ReturnApproveRequestInput!) {
    returnApproveRequest(input: $input) {
      return {
        ...ReturnsReturnState
      }
      userErrors {
        field
        message
        code
      }
    }
  }
  ${RETURN_STATE_FRAGMENT}
` as const;

export const RETURNS_DECLINE_MUTATION = `#graphql
  mutation ReturnsDecline($input: ReturnDeclineRequestInput!) {
    returnDeclineRequest(input: $input) {
      return {
        id
        status
      }
      userErrors {
        field
        message
        code
      }
    }
  }
` as const;

export const RETURNS_REVERSE_DELIVERY_MUTATION = `#graphql
  mutation ReturnsReverseDelivery(
    $reverseFulfillmentOrderId: ID!
    $lines: [ReverseDeliveryLineItemInput!]!
    $tracking: ReverseDeliveryTrackingInput
    $label: ReverseDeliveryLabelInput
  ) {
    reverseDeliveryCreateWithShipping(
      reverseFulfillmentOrderId: $reverseFulfillmentOrderId
      reverseDeliveryLineItems: $lines
      trackingInput: $tracking
      labelInput: $label
      notifyCustomer: true
    ) {
      reverseDelivery {
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

export const RETURNS_PROCESS_MUTATION = `#graphql
  mutation ReturnsProcess($input: ReturnProcessInput!) {
    returnProcess(input: $input) {
      return {
        ...ReturnsReturnState
      }
      userErrors {
        field
        message
        code
      }
    }
  }
  ${RETURN_STATE_FRAGMENT}
` as const;

export const RETURNS_REMOVE_LINES_MUTATION = `#graphql
  mutation ReturnsRemoveLines($id: ID!, $lines: [ReturnLineItemRemoveFromReturnInput!]) {
    removeFromReturn(returnId: $id, returnLineItems: $lines) {
      return {
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

export const RETURNS_CLOSE_MUTATION = `#graphql
  mutation ReturnsClose($id: ID!) {
    returnClose(id: $id) {
      return {
        id
        status
      }
      userErrors {
        field
        message
        code
      }
    }
  }
` as const;

export const RETURNS_CANCEL_MUTATION = `#graphql
  mutation ReturnsCancel($id: ID!) {
    returnCancel(id: $id, notifyCustomer: true) {
      return {
        id
        status
      }
      userErrors {
        field
        message
        code
      }
    }
  }
` as const;
