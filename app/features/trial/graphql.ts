// The trial box's Admin operations: the order's money, the hold, captures, voids, the charge.

// A transaction as the trial reads it: the hold it placed, what a capture or charge took.
export const TRIAL_TRANSACTION_FRAGMENT = `#graphql
  fragment TrialTransaction on OrderTransaction {
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
` as const;

export const MANDATE_PAYMENT_RESULT_FRAGMENT = `#graphql
  fragment TrialMandatePaymentResult on OrderCreateMandatePaymentPayload {
    paymentReferenceId
    userErrors {
      field
      message
      code
    }
  }
` as const;

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
        ...TrialTransaction
        parentTransaction {
          id
        }
      }
    }
  }
  ${TRIAL_TRANSACTION_FRAGMENT}
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
      ...TrialMandatePaymentResult
    }
  }
  ${MANDATE_PAYMENT_RESULT_FRAGMENT}
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
      ...TrialMandatePaymentResult
    }
  }
  ${MANDATE_PAYMENT_RESULT_FRAGMENT}
` as const;

export const TRIAL_PAYMENT_STATUS_QUERY = `#graphql
  query TrialPaymentStatus($orderId: ID!, $paymentReferenceId: String!) {
    orderPaymentStatus(orderId: $orderId, paymentReferenceId: $paymentReferenceId) {
      status
      errorMessage
      transactions {
        ...TrialTransaction
      }
    }
  }
  ${TRIAL_TRANSACTION_FRAGMENT}
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
      totalOutstandingSet {
        shopMoney {
          amount
          currencyCode
        }
      }
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

// Cancelling an order the policy says must not go on (a trial whose card hold was declined).
export const ORDER_CANCEL_MUTATION = `#graphql
  mutation TrialOrderCancel($orderId: ID!, $staffNote: String) {
    orderCancel(
      orderId: $orderId
      reason: DECLINED
      refund: false
      restock: true
      notifyCustomer: true
      staffNote: $staffNote
    ) {
      job {
        id
      }
      orderCancelUserErrors {
        field
        message
        code
      }
    }
  }
` as const;

// The trial's checkout rules: the validation Function `trial-validation`, configured by its
// metafield fitting_room.trial_rules.
export const VALIDATION_CREATE = `#graphql
  mutation TrialValidationCreate($validation: ValidationCreateInput!) {
    validationCreate(validation: $validation) {
      validation {
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

export const VALIDATION_UPDATE = `#graphql
  mutation TrialValidationUpdate($id: ID!, $validation: ValidationUpdateInput!) {
    validationUpdate(id: $id, validation: $validation) {
      validation {
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

// The trial box fee: its own product (unlisted, no shipping, no stock tracking) so it is a
// separate cart line paid at checkout, not part of the deferred trial balance.
export const FEE_PRODUCT_SET = `#graphql
  mutation TrialFeeProductSet($input: ProductSetInput!) {
    productSet(input: $input, synchronous: true) {
      product {
        id
        variants(first: 1) {
          nodes {
            id
          }
        }
      }
      userErrors {
        field
        message
        code
      }
    }
  }
` as const;

export const PUBLICATIONS_QUERY = `#graphql
  query TrialFeePublications {
    publications(first: 20) {
      nodes {
        id
        name
      }
    }
  }
` as const;

export const PUBLISHABLE_PUBLISH = `#graphql
  mutation TrialFeePublish($id: ID!, $input: [PublicationInput!]!) {
    publishablePublish(id: $id, input: $input) {
      userErrors {
        field
        message
      }
    }
  }
` as const;

// The products of a trial's lines with their tags: the trial policy makes products eligible by
// id or tag, and an order's webhook carries neither the tags nor proof of eligibility.
export const TRIAL_LINE_PRODUCTS_QUERY = `#graphql
  query TrialLineProducts($query: String!) {
    products(first: 50, query: $query) {
      nodes {
        id
        title
        tags
      }
    }
  }
` as const;
