import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { PolicyPage } from "~/components/PolicyPage";
import { authenticate } from "~/shopify.server";
import { getCurrentPolicy } from "~/services/policy.server";

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { session } = await authenticate.admin(request);
  const { version, document } = await getCurrentPolicy(session.shop);
  return json({ version, madeToOrder: document.madeToOrder });
};

export default function MadeToOrder() {
  const { version, madeToOrder } = useLoaderData<typeof loader>();
  return (
    <PolicyPage
      title="Made-to-order"
      settingsPath="/app/settings/made-to-order"
      summary={[
        `${madeToOrder.enabled ? "Offered" : "Not offered"} for out-of-stock sizes (policy v${version}).`,
        `Ships ${madeToOrder.leadDays} days after the fit is confirmed.`,
        ...madeToOrder.seasonalOverrides.map(
          (o) => `${o.name}: +${o.extraDays} days (${o.start} to ${o.end}).`,
        ),
      ]}
      empty={{
        heading: "No made-to-order cases yet",
        body: "Cases appear here when a shopper orders an out-of-stock size made to order: fitting pairs to ship, fits awaiting confirmation, pairs in production.",
      }}
    />
  );
}
