import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import {
  BlockStack,
  Button,
  Card,
  InlineStack,
  DataTable,
  EmptyState,
  InlineGrid,
  Layout,
  Page,
  Text,
} from "@shopify/polaris";
import { TitleBar } from "@shopify/app-bridge-react";
import { formatMoney } from "~/domain/money";
import { authenticate } from "~/shopify.server";
import { shopOverview } from "~/services/overview.server";
import { trialOverview } from "~/features/trial/index.server";
import { queueCounts } from "~/features/made-to-order/index.server";
import { returnQueueCounts } from "~/features/returns/index.server";
import { referralQueueCounts } from "~/features/referrals/index.server";

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { session } = await authenticate.admin(request);
  const [overview, trials, madeToOrder, returns, referrals] = await Promise.all([
    shopOverview(session.shop),
    trialOverview(session.shop),
    queueCounts(session.shop),
    returnQueueCounts(session.shop),
    referralQueueCounts(session.shop),
  ]);
  return json({ ...overview, trials, madeToOrder, returnQueues: returns, referrals });
};

function Stat({ label, value, hint }: { label: string; value: string | number; hint?: string }) {
  return (
    <Card>
      <BlockStack gap="100">
        <Text as="h3" variant="headingSm" tone="subdued">
          {label}
        </Text>
        <Text as="p" variant="heading2xl">
          {value}
        </Text>
        {hint ? (
          <Text as="p" tone="subdued">
            {hint}
          </Text>
        ) : null}
      </BlockStack>
    </Card>
  );
}

export default function Overview() {
  const { policy, counts, recentOrders, trials, madeToOrder, returnQueues, referrals } =
    useLoaderData<typeof loader>();
  const { trial, returns } = policy.document;
  return (
    <Page>
      <TitleBar title="Fitting Room" />
      <Layout>
        <Layout.Section>
          <InlineGrid columns={{ xs: 1, sm: 2, md: 4 }} gap="400">
            <Stat
              label="Orders seen"
              value={counts.orders}
              hint={`${counts.delivered} delivered`}
            />
            <Stat
              label="Webhooks (24 h)"
              value={counts.webhooks24h}
              hint={`${counts.rejected24h} rejected`}
            />
            <Stat label="Jobs waiting" value={counts.queuedJobs} />
            <Stat
              label="Jobs needing attention"
              value={counts.deadJobs}
              hint="failed for good; see logs"
            />
          </InlineGrid>
        </Layout.Section>
        <Layout.Section>
          <Card>
            <BlockStack gap="300">
              <InlineStack align="space-between">
                <Text as="h2" variant="headingMd">
                  Trials
                </Text>
                <Button url="/app/trials" variant="plain">
                  {`${trials.open} open`}
                </Button>
              </InlineStack>
              <InlineGrid columns={{ xs: 1, sm: 3 }} gap="400">
                <Button url="/app/trials?status=ending_soon" variant="plain" textAlign="left">
                  {`${trials.endingSoon} ending in the next 48 h`}
                </Button>
                <Text as="p">
                  {`Up to ${formatMoney({ amount: trials.toCaptureMinor, currency: trials.currencyCode ?? policy.document.trial.holdAmount.currency })} to collect this week`}
                </Text>
                <Button url="/app/trials?status=needs_attention" variant="plain" textAlign="left">
                  {`${trials.failedHolds} failed card hold(s), ${trials.attention} needing attention`}
                </Button>
              </InlineGrid>
            </BlockStack>
          </Card>
        </Layout.Section>
        <Layout.Section>
          <Card>
            <BlockStack gap="300">
              <InlineStack align="space-between">
                <Text as="h2" variant="headingMd">
                  Made-to-order
                </Text>
                <Button url="/app/made-to-order?queue=in_production" variant="plain">
                  {`${madeToOrder.in_production} in production`}
                </Button>
              </InlineStack>
              <InlineGrid columns={{ xs: 1, sm: 3 }} gap="400">
                <Button
                  url="/app/made-to-order?queue=fitting_pair_to_ship"
                  variant="plain"
                  textAlign="left"
                >
                  {`${madeToOrder.fitting_pair_to_ship} fitting pair(s) to ship`}
                </Button>
                <Button
                  url="/app/made-to-order?queue=awaiting_fit"
                  variant="plain"
                  textAlign="left"
                >
                  {`${madeToOrder.awaiting_fit} awaiting fit confirmation`}
                </Button>
                <Button url="/app/made-to-order?queue=attention" variant="plain" textAlign="left">
                  {`${madeToOrder.attention} needing attention`}
                </Button>
              </InlineGrid>
            </BlockStack>
          </Card>
        </Layout.Section>
        <Layout.Section>
          <Card>
            <BlockStack gap="300">
              <InlineStack align="space-between">
                <Text as="h2" variant="headingMd">
                  Returns
                </Text>
                <Button url="/app/returns?queue=awaiting_parcel" variant="plain">
                  {`${returnQueues.awaiting_parcel} on their way back`}
                </Button>
              </InlineStack>
              <InlineGrid columns={{ xs: 1, sm: 3 }} gap="400">
                <Button url="/app/returns?queue=to_review" variant="plain" textAlign="left">
                  {`${returnQueues.to_review} to review`}
                </Button>
                <Button url="/app/returns?queue=to_inspect" variant="plain" textAlign="left">
                  {`${returnQueues.to_inspect} to inspect`}
                </Button>
                <Button url="/app/returns?queue=to_refund" variant="plain" textAlign="left">
                  {`${returnQueues.to_refund} to refund, ${returnQueues.awaiting_shopper} awaiting the shopper`}
                </Button>
              </InlineGrid>
            </BlockStack>
          </Card>
        </Layout.Section>
        <Layout.Section>
          <Card>
            <BlockStack gap="300">
              <InlineStack align="space-between">
                <Text as="h2" variant="headingMd">
                  Referrals
                </Text>
                <Button url="/app/referrals" variant="plain">
                  {`${referrals.waiting} waiting for payment, delivery or the return window`}
                </Button>
              </InlineStack>
              <InlineGrid columns={{ xs: 1, sm: 3 }} gap="400">
                <Button url="/app/referrals?status=flagged" variant="plain" textAlign="left">
                  {`${referrals.flagged} flagged for review`}
                </Button>
                <Button url="/app/referrals" variant="plain" textAlign="left">
                  {`${referrals.applications} ambassador application(s)`}
                </Button>
                <Button url="/app/referrals?status=earned" variant="plain" textAlign="left">
                  {`${referrals.due} reward(s) due, ${referrals.paid} paid`}
                </Button>
              </InlineGrid>
            </BlockStack>
          </Card>
        </Layout.Section>
        <Layout.Section>
          <Card>
            <BlockStack gap="200">
              <Text as="h2" variant="headingMd">
                Policies in force (version {policy.version})
              </Text>
              <Text as="p">
                At-home trial {trial.enabled ? "on" : "off"}: {trial.windowDays} days from delivery
                in {trial.countries.join(", ")}, box fee {formatMoney(trial.boxFee)}, hold{" "}
                {formatMoney(trial.holdAmount)}. Returns: {returns.windowDays} days from delivery,{" "}
                {formatMoney(returns.handlingFee)} handling fee on refunds.
              </Text>
              <Text as="p" tone="subdued">
                Saved {new Date(policy.savedAt).toLocaleString()}. Change them in Settings; every
                version is kept.
              </Text>
            </BlockStack>
          </Card>
        </Layout.Section>
        <Layout.Section>
          {recentOrders.length === 0 ? (
            <Card>
              <EmptyState
                heading="No orders yet"
                action={{ content: "Review your policies", url: "/app/settings" }}
                image=""
              >
                <p>
                  Start by checking the trial, made-to-order, return and referral rules in Settings
                  (they start from your store's published policies), then add the Fitting Room block
                  to your product template. Orders appear here as soon as Shopify sends them.
                </p>
              </EmptyState>
            </Card>
          ) : (
            <Card>
              <DataTable
                columnContentTypes={["text", "text", "numeric", "text"]}
                headings={["Order", "Placed", "Total", "Payment"]}
                rows={recentOrders.map((o) => [
                  o.name,
                  new Date(o.processedAt).toLocaleDateString(),
                  formatMoney({ amount: o.totalMinor, currency: o.currencyCode }),
                  o.financialStatus ?? "",
                ])}
              />
            </Card>
          )}
        </Layout.Section>
      </Layout>
    </Page>
  );
}
