import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import {
  BlockStack,
  Button,
  Card,
  InlineStack,
  DataTable,
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

interface QueueLink {
  url?: string;
  label: string;
}

/** A policy's card: its headline count, and the queues that wait for the merchant. */
function QueueCard({
  title,
  headline,
  items,
}: {
  title: string;
  headline: QueueLink;
  items: QueueLink[];
}) {
  return (
    <Card>
      <BlockStack gap="300">
        <InlineStack align="space-between">
          <Text as="h2" variant="headingMd">
            {title}
          </Text>
          <Button url={headline.url} variant="plain">
            {headline.label}
          </Button>
        </InlineStack>
        <InlineGrid columns={{ xs: 1, sm: 3 }} gap="400">
          {items.map((item) =>
            item.url ? (
              <Button key={item.label} url={item.url} variant="plain" textAlign="left">
                {item.label}
              </Button>
            ) : (
              <Text key={item.label} as="p">
                {item.label}
              </Text>
            ),
          )}
        </InlineGrid>
      </BlockStack>
    </Card>
  );
}

export default function Overview() {
  const { policy, counts, recentOrders, trials, madeToOrder, returnQueues, referrals } =
    useLoaderData<typeof loader>();
  const { trial, returns, referrals: referral } = policy.document;
  const friendGets =
    referral.friendRewardKind === "percent"
      ? `${referral.friendRewardPercent}%`
      : formatMoney(referral.friendReward);
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
          <QueueCard
            title="Trials"
            headline={{ url: "/app/trials", label: `${trials.open} open` }}
            items={[
              {
                url: "/app/trials?status=ending_soon",
                label: `${trials.endingSoon} ending in the next 48 h`,
              },
              {
                label: `Up to ${formatMoney({ amount: trials.toCaptureMinor, currency: trials.currencyCode ?? policy.document.trial.holdAmount.currency })} to collect this week`,
              },
              {
                url: "/app/trials?status=needs_attention",
                label: `${trials.failedHolds} failed card hold(s), ${trials.attention} needing attention`,
              },
            ]}
          />
        </Layout.Section>
        <Layout.Section>
          <QueueCard
            title="Made-to-order"
            headline={{
              url: "/app/made-to-order?queue=in_production",
              label: `${madeToOrder.in_production} in production`,
            }}
            items={[
              {
                url: "/app/made-to-order?queue=fitting_pair_to_ship",
                label: `${madeToOrder.fitting_pair_to_ship} fitting pair(s) to ship`,
              },
              {
                url: "/app/made-to-order?queue=awaiting_fit",
                label: `${madeToOrder.awaiting_fit} awaiting fit confirmation`,
              },
              {
                url: "/app/made-to-order?queue=attention",
                label: `${madeToOrder.attention} needing attention`,
              },
            ]}
          />
        </Layout.Section>
        <Layout.Section>
          <QueueCard
            title="Returns"
            headline={{
              url: "/app/returns?queue=awaiting_parcel",
              label: `${returnQueues.awaiting_parcel} on their way back`,
            }}
            items={[
              { url: "/app/returns?queue=to_review", label: `${returnQueues.to_review} to review` },
              {
                url: "/app/returns?queue=to_inspect",
                label: `${returnQueues.to_inspect} to inspect`,
              },
              {
                url: "/app/returns?queue=to_refund",
                label: `${returnQueues.to_refund} to refund, ${returnQueues.awaiting_shopper} awaiting the shopper`,
              },
            ]}
          />
        </Layout.Section>
        <Layout.Section>
          <QueueCard
            title="Referrals"
            headline={{
              url: "/app/referrals",
              label: `${referrals.waiting} waiting for payment, delivery or the return window`,
            }}
            items={[
              {
                url: "/app/referrals?status=flagged",
                label: `${referrals.flagged} flagged for review`,
              },
              {
                url: "/app/referrals",
                label: `${referrals.applications} ambassador application(s)`,
              },
              {
                url: "/app/referrals?status=earned",
                label: `${referrals.due} reward(s) due, ${referrals.paid} paid`,
              },
            ]}
          />
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
                {formatMoney(returns.handlingFee)} handling fee on refunds. Referrals{" "}
                {referral.enabled
                  ? `on: ${friendGets} off a friend's first order, ${formatMoney(referral.referrerReward)} to the referrer once it is kept.`
                  : "off."}
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
              {/* Polaris' EmptyState needs an illustration; the app has none to show. */}
              <BlockStack gap="300" inlineAlign="start">
                <Text as="h2" variant="headingMd">
                  No orders yet
                </Text>
                <Text as="p">
                  Start by checking the trial, made-to-order, return and referral rules in Settings
                  (they start from your store&apos;s published policies), then add the Fitting Room
                  block to your product template. Orders appear here as soon as Shopify sends them.
                </Text>
                <Button url="/app/settings" variant="primary">
                  Review your policies
                </Button>
              </BlockStack>
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
