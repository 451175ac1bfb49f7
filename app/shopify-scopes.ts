// Why the app asks for each access scope (write_* includes read_*). tests/unit/app-config.test.ts
// checks that shopify.app.toml asks for exactly these, and that every Admin operation in
// app/graphql is allowed by them according to the committed schema's `requiredAccess`.
export const SCOPE_REASONS = {
  write_products:
    "attach trial and made-to-order selling plan groups to products; read variants and stock",
  write_purchase_options: "create the TRY_BEFORE_YOU_BUY and PRE_ORDER selling plan groups",
  write_orders: "capture, void and settle trial payments; order metafields; payment reminders",
  read_all_orders: "deferred-purchase (trial) orders older than 60 days stay readable",
  write_payment_mandate: "charge the card on file for kept trial items (orderCreateMandatePayment)",
  read_customer_payment_methods: "know the vaulted card behind a trial and when it is revoked",
  write_customers: "the customer's fit profile metafield; referral codes per customer",
  read_fulfillments: "fulfillment and delivery events start the trial clock",
  write_merchant_managed_fulfillment_orders:
    "hold made-to-order fulfillment until the fit is confirmed, then schedule it",
  write_returns:
    "trial and regular returns: create, approve, decline, reverse deliveries, process with fees",
  write_store_credit_account_transactions: "store credit for returns and referral rewards",
  write_discounts:
    "referral and newsletter discount codes; the program discounts made again when deleted (discounts/delete)",
  write_payment_terms: "move the deferred payment due date to the end of the trial",
  write_publications:
    "publish the trial box fee product to the Online Store so it can be added to carts",
  write_validations:
    "checkout rules: the trial's, and sold-out sizes only on the made-to-order option",
  write_order_edits:
    "remove returned trial lines (non-Plus); add the fitting pair or a new size to a made-to-order",
  write_gift_cards:
    "store credit as a gift card where the shop's customers cannot spend store credit (classic accounts)",
  read_inventory:
    "know when a made-to-order size sells out (inventory_levels/update, the variant's stock)",
} as const;

export const APP_SCOPES = Object.keys(SCOPE_REASONS) as (keyof typeof SCOPE_REASONS)[];
