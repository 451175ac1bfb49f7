import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData, useNavigate, useSearchParams } from "@remix-run/react";
import { Badge, Card, IndexTable, Tabs, Text, TextField } from "@shopify/polaris";
import { useState } from "react";
import { z } from "zod";
import { PolicyPage } from "~/components/PolicyPage";
import { formatMoney } from "~/domain/money";
import {
  TRIAL_STATUSES,
  TRIAL_STATUS_LABELS,
  TRIAL_STATUS_TONES,
  type TrialStatus,
} from "~/features/trial";
import { getCurrentPolicy } from "~/services/policy.server";
import { listTrials } from "~/features/trial/index.server";
import { authenticate } from "~/shopify.server";
import { StatusBadge } from "~/components/StatusBadge";

const filterSchema = z.object({
  status: z
    .enum(["open", ...TRIAL_STATUSES])
    .nullable()
    .catch(null),
  q: z.string().max(100).nullable().catch(null),
});

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { session } = await authenticate.admin(request);
  const url = new URL(request.url);
  const filter = filterSchema.parse({
    status: url.searchParams.get("status"),
    q: url.searchParams.get("q"),
  });
  const [{ version, document }, list] = await Promise.all([
    getCurrentPolicy(session.shop),
    listTrials(session.shop, { status: filter.status, query: filter.q }),
  ]);
  return json({ version, trial: document.trial, filter, ...list });
};

const TABS: { id: "all" | "open" | TrialStatus; label: string }[] = [
  { id: "all", label: "All" },
  { id: "open", label: "Open" },
  { id: "needs_attention", label: "Needs attention" },
  { id: "ending_soon", label: "Ending soon" },
  { id: "awaiting_returns", label: "Awaiting returns" },
  { id: "charged", label: "Charged" },
  { id: "closed", label: "Closed" },
];

export default function Trials() {
  const { version, trial, trials, counts, filter } = useLoaderData<typeof loader>();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const [query, setQuery] = useState(filter.q ?? "");
  const selected = Math.max(
    0,
    TABS.findIndex((t) => t.id === (filter.status ?? "all")),
  );
  const total = Object.values(counts).reduce((s, n) => s + (n ?? 0), 0);
  const setFilter = (key: string, value: string | null) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next);
  };
  return (
    <PolicyPage
      title="Trials"
      settingsPath="/app/settings/trial"
      summary={[
        `${trial.enabled ? "Offered" : "Not offered"} in ${trial.countries.join(", ")} (policy v${version}).`,
        `${trial.windowDays} days from delivery; up to ${trial.maxPairs} pairs; ${trial.exchangesAllowed} free exchange(s).`,
        `Box fee ${formatMoney(trial.boxFee)}, card hold ${formatMoney(trial.holdAmount)}, damage fee ${formatMoney(trial.damageFee)}.`,
      ]}
      empty={
        total === 0
          ? {
              heading: "No trials yet",
              body: "A trial appears here when a shopper checks out with the “Try at home” option. Check the trial rules, then add the Fitting Room block to your product template so eligible products offer it.",
            }
          : null
      }
    >
      <Card padding="0">
        <Tabs
          tabs={TABS.map((t) => ({
            id: t.id,
            content:
              t.id === "all" || t.id === "open" ? t.label : `${t.label} (${counts[t.id] ?? 0})`,
          }))}
          selected={selected}
          onSelect={(i) =>
            setFilter("status", TABS[i]?.id === "all" ? null : (TABS[i]?.id ?? null))
          }
        />
        <div style={{ padding: "12px" }}>
          <TextField
            label="Search trials"
            labelHidden
            placeholder="Order number, customer name or email"
            value={query}
            onChange={setQuery}
            onBlur={() => setFilter("q", query || null)}
            autoComplete="off"
            clearButton
            onClearButtonClick={() => {
              setQuery("");
              setFilter("q", null);
            }}
          />
        </div>
        <IndexTable
          resourceName={{ singular: "trial", plural: "trials" }}
          itemCount={trials.length}
          selectable={false}
          headings={[
            { title: "Order" },
            { title: "Customer" },
            { title: "Status" },
            { title: "Trial day" },
            { title: "Pairs" },
            { title: "Value", alignment: "end" },
            { title: "Next" },
          ]}
        >
          {trials.map((t, index) => (
            <IndexTable.Row
              id={t.id}
              key={t.id}
              position={index}
              onClick={() => navigate(`/app/trials/${t.id}`)}
            >
              <IndexTable.Cell>
                <Text as="span" fontWeight="semibold">
                  {t.orderName}
                </Text>
              </IndexTable.Cell>
              <IndexTable.Cell>{t.customer}</IndexTable.Cell>
              <IndexTable.Cell>
                <StatusBadge
                  label={TRIAL_STATUS_LABELS[t.status]}
                  tone={TRIAL_STATUS_TONES[t.status]}
                />
              </IndexTable.Cell>
              <IndexTable.Cell>
                {t.day === null ? "—" : `Day ${t.day} of ${t.windowDays} (ends ${t.lastDay})`}
              </IndexTable.Cell>
              <IndexTable.Cell>{t.pairs}</IndexTable.Cell>
              <IndexTable.Cell>
                <Text as="span" alignment="end" numeric>
                  {formatMoney({ amount: t.valueMinor, currency: t.currencyCode })}
                </Text>
              </IndexTable.Cell>
              <IndexTable.Cell>
                {t.attentionReason ? (
                  <Badge tone="critical">{t.attentionReason}</Badge>
                ) : t.nextActionAt ? (
                  `${t.nextAction ?? ""} until ${new Date(t.nextActionAt).toLocaleString()}`
                ) : (
                  (t.nextAction ?? "—")
                )}
              </IndexTable.Cell>
            </IndexTable.Row>
          ))}
        </IndexTable>
      </Card>
    </PolicyPage>
  );
}
