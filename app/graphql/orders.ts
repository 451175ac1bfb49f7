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
