import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData, useNavigate, useSearchParams } from "@remix-run/react";
import { Badge, Card, IndexTable, Tabs, Text } from "@shopify/polaris";
import { z } from "zod";
import { PolicyPage } from "~/components/PolicyPage";
import { getCurrentPolicy } from "~/services/policy.server";
import { MTO_QUEUES, MTO_STATUS_TONES, QUEUE_LABELS } from "~/features/made-to-order";
import { StatusBadge } from "~/components/StatusBadge";
import { listCases } from "~/features/made-to-order/index.server";
import { authenticate } from "~/shopify.server";

const filterSchema = z.object({ queue: z.enum(MTO_QUEUES).catch("awaiting_fit") });

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { session } = await authenticate.admin(request);
  const { queue } = filterSchema.parse({ queue: new URL(request.url).searchParams.get("queue") });
  const [{ version, document }, list] = await Promise.all([
    getCurrentPolicy(session.shop),
    listCases(session.shop, queue),
  ]);
  return json({ version, madeToOrder: document.madeToOrder, queue, ...list });
};

export default function MadeToOrder() {
  const { version, madeToOrder, queue, cases, counts } = useLoaderData<typeof loader>();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const total = Object.values(counts).reduce((s, n) => s + n, 0);
  const selected = Math.max(0, MTO_QUEUES.indexOf(queue));
  const production = queue === "in_production" || queue === "shipped";
  return (
    <PolicyPage
      title="Made-to-order"
      settingsPath="/app/settings/made-to-order"
      summary={[
        `${madeToOrder.enabled ? "Offered" : "Not offered"} for out-of-stock sizes (policy v${version}).`,
        `Ships ${madeToOrder.leadDays} days after the fit is confirmed (or the order, for a known size).`,
        `Reminder after ${madeToOrder.fitReminderAfterDays} days without a confirmation, escalation after ${madeToOrder.fitEscalateAfterDays}; fitting pair back within ${madeToOrder.fittingPairReturnDays} days.`,
        ...madeToOrder.seasonalOverrides.map(
          (o) => `${o.name}: +${o.extraDays} days (${o.start} to ${o.end}).`,
        ),
      ]}
      empty={
        total === 0
          ? {
              heading: "No made-to-order cases yet",
              body: "Cases appear here when a shopper orders an out-of-stock size made to order: fitting pairs to ship, fits awaiting confirmation, pairs in production. Name the fitting pair product in the policy and add the Made to order block to your product template.",
            }
          : null
      }
    >
      <Card padding="0">
        <Tabs
          tabs={MTO_QUEUES.map((q) => ({ id: q, content: `${QUEUE_LABELS[q]} (${counts[q]})` }))}
          selected={selected}
          onSelect={(i) => {
            const next = new URLSearchParams(params);
            next.set("queue", MTO_QUEUES[i] ?? "awaiting_fit");
            setParams(next);
          }}
        />
        <IndexTable
          resourceName={{ singular: "case", plural: "cases" }}
          itemCount={cases.length}
          selectable={false}
          headings={[
            { title: "Order" },
            { title: "Customer" },
            { title: "Pair" },
            { title: "Status" },
            { title: production ? "Ships" : "Waiting" },
            { title: "Reminders" },
            { title: "Attention" },
          ]}
        >
          {cases.map((c, index) => (
            <IndexTable.Row
              id={c.id}
              key={c.id}
              position={index}
              onClick={() => navigate(`/app/made-to-order/${c.id}`)}
            >
              <IndexTable.Cell>
                <Text as="span" fontWeight="semibold">
                  {c.orderName}
                </Text>
              </IndexTable.Cell>
              <IndexTable.Cell>{c.customer}</IndexTable.Cell>
              <IndexTable.Cell>{c.item}</IndexTable.Cell>
              <IndexTable.Cell>
                <StatusBadge label={c.statusLabel} tone={MTO_STATUS_TONES[c.status]} />
              </IndexTable.Cell>
              <IndexTable.Cell>
                {production ? (
                  <span data-ship-date={c.shipDate}>
                    {c.shipDate}
                    {c.late && queue === "in_production" ? (
                      <>
                        {" "}
                        <Badge tone="critical">Late</Badge>
                      </>
                    ) : null}
                  </span>
                ) : c.daysWaiting === null ? (
                  "—"
                ) : (
                  `${c.daysWaiting} day(s)`
                )}
              </IndexTable.Cell>
              <IndexTable.Cell>{c.reminders}</IndexTable.Cell>
              <IndexTable.Cell>
                {c.attention ? <Badge tone="critical">{c.attention}</Badge> : null}
              </IndexTable.Cell>
            </IndexTable.Row>
          ))}
        </IndexTable>
      </Card>
    </PolicyPage>
  );
}
