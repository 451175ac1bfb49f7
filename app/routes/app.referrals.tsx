import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { PolicyPage } from "~/components/PolicyPage";
import { formatMoney } from "~/domain/money";
import { authenticate } from "~/shopify.server";
import { getCurrentPolicy } from "~/services/policy.server";

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { session } = await authenticate.admin(request);
  const { version, document } = await getCurrentPolicy(session.shop);
  return json({ version, referrals: document.referrals });
};

export default function Referrals() {
  const { version, referrals } = useLoaderData<typeof loader>();
  return (
    <PolicyPage
      title="Referrals"
      settingsPath="/app/settings/referrals"
      summary={[
        `${referrals.enabled ? "Running" : "Paused"} (policy v${version}).`,
        `Friend gets ${formatMoney(referrals.friendReward)}, referrer gets ${formatMoney(referrals.referrerReward)}.`,
        referrals.holdUntilReturnWindowEnds
          ? "Rewards wait until the friend's return window ends."
          : "Rewards are paid at once.",
      ]}
      empty={{
        heading: "No referrals yet",
        body: "Referrals appear here when a friend orders with a shopper's code or link, with the reward's state until it is released.",
      }}
    />
  );
}
