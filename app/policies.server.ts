import { madeToOrderPolicy } from "~/features/made-to-order/index.server";
import { referralsPolicy } from "~/features/referrals/index.server";
import { returnsPolicy } from "~/features/returns/index.server";
import { trialPolicy } from "~/features/trial/index.server";
import type { PolicyModule } from "~/policy-module";

// The registry: every policy the app runs, in the order their Shopify set-up is published (the
// trial's checkout rules before made-to-order's stock marks). The webhook topic handlers, the job
// table and the compliance service read this list; a new policy is a folder under app/features
// and one line here (app/features/README.md).
export const POLICIES: readonly PolicyModule[] = [
  trialPolicy,
  madeToOrderPolicy,
  returnsPolicy,
  referralsPolicy,
];
