import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData, useNavigate, useSearchParams } from "@remix-run/react";
import {
  Badge,
  BlockStack,
  Card,
  DataTable,
  IndexTable,
  InlineStack,
  Select,
  Tabs,
  Text,
} from "@shopify/polaris";
import { z } from "zod";
import { CsvExport } from "~/components/CsvExport";
import { PolicyPage } from "~/components/PolicyPage";
import { StatusBadge } from "~/components/StatusBadge";
import { formatMoney } from "~/domain/money";
import {
  RETURN_OUTCOMES,
  RETURN_QUEUES,
  RETURN_QUEUE_LABELS,
  RETURN_REASONS,
  RETURN_STATUS_TONES,
} from "~/features/returns";
import { fitFeedbackRollup, listReturns } from "~/features/returns/index.server";
import { now } from "~/platform/clock.server";
import { getCurrentPolicy } from "~/services/policy.server";
import { authenticate } from "~/shopify.server";

const filterSchema = z.object({
  queue: z.enum(RETURN_QUEUES).catch("to_review"),
  reason: z.enum(RETURN_REASONS).nullable().catch(null),
  outcome: z.enum(RETURN_OUTCOMES).nullable().catch(null),
  market: z.string().max(60).nullable().catch(null),
});

const isoDay = (d: Date) => d.toISOString().slice(0, 10);

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { session } = await authenticate.admin(request);
  const params = new URL(request.url).searchParams;
  const filter = filterSchema.parse({
    queue: params.get("queue"),
    reason: params.get("reason") || null,
    outcome: params.get("outcome") || null,
    market: params.get("market") || null,
  });
  const to = isoDay(now());
  const from = isoDay(new Date(now().getTime() - 90 * 86_400_000));
  const [{ version, document }, list, fit] = await Promise.all([
    getCurrentPolicy(session.shop),
    listReturns(session.shop, filter.queue, filter),
    fitFeedbackRollup(session.shop, { from, to }),
  ]);
  return json({ version, returns: document.returns, filter, ...list, fit, range: { from, to } });
};

const label = (s: string) => s.toLowerCase().replace(/_/g, " ");
const options = (values: readonly string[], any: string) => [
  { label: any, value: "" },
  ...values.map((v) => ({ label: label(v), value: v })),
];

export default function Returns() {
  const { version, returns, filter, rows, counts, markets, fit, range } =
    useLoaderData<typeof loader>();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const total = Object.values(counts).reduce((s, n) => s + n, 0);
  const set = (key: string, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next);
  };
  return (
    <PolicyPage
      title="Returns"
      settingsPath="/app/settings/returns"
      summary={[
        `${returns.windowDays} days from delivery (policy v${version}).`,
        `Refunds carry a ${formatMoney(returns.handlingFee)} handling fee, waived for ${returns.handlingFeeWaivedFor.map(label).join(" and ") || "nothing"}.`,
        returns.saleItemsStoreCreditOnly
          ? "Sale items: store credit only."
          : "Sale items refundable.",
        ...returns.markets.map(
          (m) =>
            `${m.name}: ${m.freeExchanges ? "free exchanges" : "no free exchanges"}, worn or damaged → ${label(m.wornOrDamagedOutcome)}${m.restockingFeePercent ? ` (${m.restockingFeePercent}% restocking)` : ""}.`,
        ),
      ]}
      empty={
        total === 0
          ? {
              heading: "No returns yet",
              body: "Returns appear here as shoppers start them on your storefront's return page, in their customer account, or as you create them in Shopify.",
            }
          : null
      }
    >
      <BlockStack gap="400">
        <Card padding="0">
          <Tabs
            tabs={RETURN_QUEUES.map((q) => ({
              id: q,
              content: `${RETURN_QUEUE_LABELS[q]} (${counts[q]})`,
            }))}
            selected={Math.max(0, RETURN_QUEUES.indexOf(filter.queue))}
            onSelect={(i) => set("queue", RETURN_QUEUES[i] ?? "to_review")}
          />
          <div style={{ padding: "var(--p-space-300)" }}>
            <InlineStack gap="300">
              <Select
                label="Reason"
                options={options(RETURN_REASONS, "Any reason")}
                value={filter.reason ?? ""}
                onChange={(v) => set("reason", v)}
              />
              <Select
                label="Outcome"
                options={options(RETURN_OUTCOMES, "Any outcome")}
                value={filter.outcome ?? ""}
                onChange={(v) => set("outcome", v)}
              />
              <Select
                label="Market"
                options={[
                  { label: "Any market", value: "" },
                  ...markets.map((m) => ({ label: m, value: m })),
                ]}
                value={filter.market ?? ""}
                onChange={(v) => set("market", v)}
              />
            </InlineStack>
          </div>
          <IndexTable
            resourceName={{ singular: "return", plural: "returns" }}
            itemCount={rows.length}
            selectable={false}
            headings={[
              { title: "Order" },
              { title: "Customer" },
              { title: "Pairs" },
              { title: "Outcome" },
              { title: "Market" },
              { title: "Status" },
              { title: "Waiting" },
              { title: "Amount" },
            ]}
          >
            {rows.map((r, index) => (
              <IndexTable.Row
                id={r.id}
                key={r.id}
                position={index}
                onClick={() => navigate(`/app/returns/${r.id}`)}
              >
                <IndexTable.Cell>
                  <Text as="span" fontWeight="semibold">
                    {r.orderName}
                  </Text>
                  {r.returnName ? ` · ${r.returnName}` : ""}
                </IndexTable.Cell>
                <IndexTable.Cell>{r.customer}</IndexTable.Cell>
                <IndexTable.Cell>{r.items}</IndexTable.Cell>
                <IndexTable.Cell>{r.outcomes.map(label).join(", ")}</IndexTable.Cell>
                <IndexTable.Cell>{r.market}</IndexTable.Cell>
                <IndexTable.Cell>
                  <StatusBadge label={r.statusLabel} tone={RETURN_STATUS_TONES[r.status]} />
                  {r.review.length > 0 && r.status === "to_review" ? (
                    <>
                      {" "}
                      <Badge tone="attention">{r.review[0] ?? ""}</Badge>
                    </>
                  ) : null}
                  {r.flagged ? (
                    <>
                      {" "}
                      <Badge tone="critical">No parcel yet</Badge>
                    </>
                  ) : null}
                </IndexTable.Cell>
                <IndexTable.Cell>
                  <span data-days-waiting={r.daysWaiting ?? ""}>
                    {r.daysWaiting === null ? "—" : `${r.daysWaiting} day(s)`}
                  </span>
                </IndexTable.Cell>
                <IndexTable.Cell>
                  {r.totals
                    ? [
                        r.totals.refund &&
                          `refund ${formatMoney({ amount: r.totals.refund, currency: r.currency })}`,
                        r.totals.storeCredit &&
                          `credit ${formatMoney({ amount: r.totals.storeCredit, currency: r.currency })}`,
                        r.totals.exchange && "exchange",
                      ]
                        .filter(Boolean)
                        .join(" + ") || "—"
                    : "—"}
                </IndexTable.Cell>
              </IndexTable.Row>
            ))}
          </IndexTable>
        </Card>
        <CsvExport path="/app/returns/export" name="returns" range={range} />
        <Card>
          <BlockStack gap="300">
            <Text as="h2" variant="headingMd">
              Why pairs come back (last 90 days)
            </Text>
            {fit.length === 0 ? (
              <Text as="p" tone="subdued">
                Nothing returned in this period.
              </Text>
            ) : (
              <DataTable
                columnContentTypes={["text", "text", "numeric", "text", "text"]}
                headings={["Product", "Size", "Returned", "Why", "Exchanged into"]}
                rows={fit.map((f) => [
                  f.product,
                  f.size,
                  f.returned,
                  Object.entries(f.feedback)
                    .map(([k, n]) => `${label(k)} ${n}`)
                    .join(", "),
                  f.exchangedInto.map((e) => `${e.size} (${e.count})`).join(", ") || "—",
                ])}
              />
            )}
          </BlockStack>
        </Card>
      </BlockStack>
    </PolicyPage>
  );
}
