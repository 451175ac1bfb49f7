// payment_schedules/due names only the schedule; the order it belongs to is looked up.
export const PAYMENT_SCHEDULE_ORDER_QUERY = `#graphql
  query PaymentScheduleOrder($id: ID!) {
    node(id: $id) {
      ... on PaymentSchedule {
        id
        dueAt
        paymentTerms {
          order {
            id
          }
        }
      }
    }
  }
` as const;
