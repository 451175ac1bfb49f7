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
  return json({ version, trial: document.trial });
};

export default function Trials() {
  const { version, trial } = useLoaderData<typeof loader>();
  return (
    <PolicyPage
      title="Trials"
      settingsPath="/app/settings/trial"
      summary={[
        `${trial.enabled ? "Offered" : "Not offered"} in ${trial.countries.join(", ")} (policy v${version}).`,
        `${trial.windowDays} days from delivery; up to ${trial.maxPairs} pairs; ${trial.exchangesAllowed} free exchange(s).`,
        `Box fee ${formatMoney(trial.boxFee)}, card hold ${formatMoney(trial.holdAmount)}, damage fee ${formatMoney(trial.damageFee)}.`,
      ]}
      empty={{
        heading: "No trials yet",
        body: "A trial appears here when a shopper checks out with the “Try at home” option. Check the trial rules, then add the Fitting Room block to your product template so eligible products offer it.",
      }}
    />
  );
}
