import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { Card, DataTable } from "@shopify/polaris";
import { PolicyPage } from "~/components/PolicyPage";
import { formatMoney } from "~/domain/money";
import { authenticate } from "~/shopify.server";
import { getCurrentPolicy } from "~/services/policy.server";
import { recentReturnEvents } from "~/services/returns.server";

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { session } = await authenticate.admin(request);
  const [{ version, document }, events] = await Promise.all([
    getCurrentPolicy(session.shop),
    recentReturnEvents(session.shop),
  ]);
  return json({ version, returns: document.returns, events });
};

export default function Returns() {
  const { version, returns, events } = useLoaderData<typeof loader>();
  return (
    <PolicyPage
      title="Returns"
      settingsPath="/app/settings/returns"
      summary={[
        `${returns.windowDays} days from delivery (policy v${version}).`,
        `Refunds carry a ${formatMoney(returns.handlingFee)} handling fee, waived for ${returns.handlingFeeWaivedFor.join(" and ") || "nothing"}.`,
        returns.saleItemsStoreCreditOnly
          ? "Sale items: store credit only."
          : "Sale items refundable.",
      ]}
      empty={
        events.length === 0
          ? {
              heading: "No returns yet",
              body: "Return requests appear here as shoppers start them in Shopify or on your storefront.",
            }
          : null
      }
    >
      <Card>
        <DataTable
          columnContentTypes={["text", "text", "text"]}
          headings={["Order", "Return", "When"]}
          rows={events.map((e) => [e.order, e.kind, new Date(e.occurredAt).toLocaleString()])}
        />
      </Card>
    </PolicyPage>
  );
}
