// The trial box's Admin operations: the order's money, the hold, captures, voids, the charge.

export const TRIAL_ORDER_QUERY = `#graphql
  query TrialOrder($id: ID!) {
    order(id: $id) {
      id
      cancelledAt
      paymentCollectionDetails {
        vaultedPaymentMethods {
          id
        }
      }
      totalOutstandingSet {
        shopMoney {
          amount
          currencyCode
        }
      }
      transactions {
        id
        kind
        status
        authorizationExpiresAt
        amountSet {
          shopMoney {
            amount
            currencyCode
          }
        }
        parentTransaction {
          id
        }
      }
    }
  }
` as const;

// `amount` is Plus-only: a Standard shop's charge is the order's outstanding balance.
export const TRIAL_MANDATE_PAYMENT_MUTATION = `#graphql
  mutation TrialMandatePayment(
    $id: ID!
    $mandateId: ID!
    $idempotencyKey: String!
    $autoCapture: Boolean!
  ) {
    orderCreateMandatePayment(
      id: $id
      mandateId: $mandateId
      idempotencyKey: $idempotencyKey
      autoCapture: $autoCapture
    ) {
      paymentReferenceId
      userErrors {
        field
        message
        code
      }
    }
  }
` as const;

export const TRIAL_MANDATE_PAYMENT_WITH_AMOUNT_MUTATION = `#graphql
  mutation TrialMandatePaymentWithAmount(
    $id: ID!
    $mandateId: ID!
    $idempotencyKey: String!
    $autoCapture: Boolean!
    $amount: MoneyInput!
  ) {
    orderCreateMandatePayment(
      id: $id
      mandateId: $mandateId
      idempotencyKey: $idempotencyKey
      autoCapture: $autoCapture
      amount: $amount
    ) {
      paymentReferenceId
      userErrors {
        field
        message
        code
      }
    }
  }
` as const;

export const TRIAL_PAYMENT_STATUS_QUERY = `#graphql
  query TrialPaymentStatus($orderId: ID!, $paymentReferenceId: String!) {
    orderPaymentStatus(orderId: $orderId, paymentReferenceId: $paymentReferenceId) {
      status
      errorMessage
      transactions {
        id
        kind
        status
        authorizationExpiresAt
        amountSet {
          shopMoney {
            amount
            currencyCode
          }
        }
      }
    }
  }
` as const;

export const TRIAL_CAPTURE_MUTATION = `#graphql
  mutation TrialCapture($input: OrderCaptureInput!) {
    orderCapture(input: $input) {
      transaction {
        id
        kind
        status
      }
      userErrors {
        field
        message
      }
    }
  }
` as const;

export const TRIAL_VOID_MUTATION = `#graphql
  mutation TrialVoid($parentTransactionId: ID!) {
    transactionVoid(parentTransactionId: $parentTransactionId) {
      transaction {
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

// Removing returned (never paid) lines brings a Standard shop's outstanding balance down to
// what the shopper keeps; no money moves.
export const TRIAL_REMOVE_LINES_MUTATION = `#graphql
  mutation TrialRemoveLines($input: RefundInput!) {
    refundCreate(input: $input) {
      refund {
        id
      }
      userErrors {
        field
        message
      }
    }
  }
` as const;

// Just the lines a trial removes, by id: costs a point per line, not one per line of the order.
export const TRIAL_LINE_QUANTITIES_QUERY = `#graphql
  query TrialLineQuantities($ids: [ID!]!) {
    nodes(ids: $ids) {
      ... on LineItem {
        id
        currentQuantity
      }
    }
  }
` as const;

// Shopify's own payment reminder for the deferred balance, where the order has payment terms.
export const TRIAL_PAYMENT_SCHEDULE_QUERY = `#graphql
  query TrialPaymentSchedule($id: ID!) {
    order(id: $id) {
      paymentTerms {
        paymentSchedules(first: 1) {
          nodes {
            id
            completedAt
          }
        }
      }
    }
  }
` as const;

export const PAYMENT_REMINDER_SEND_MUTATION = `#graphql
  mutation TrialPaymentReminderSend($paymentScheduleId: ID!) {
    paymentReminderSend(paymentScheduleId: $paymentScheduleId) {
      success
      userErrors {
        field
        message
        code
      }
    }
  }
` as const;
