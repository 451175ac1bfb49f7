import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import {
  Banner,
  BlockStack,
  Button,
  Card,
  DataTable,
  InlineStack,
  Layout,
  Page,
  Text,
  TextField,
} from "@shopify/polaris";
import { useState } from "react";
import { z } from "zod";
import { TrialStatusBadge } from "~/components/TrialStatusBadge";
import { formatMoney } from "~/domain/money";
import { performTrialAction } from "~/features/trial/actions.server";
import { trialDetail } from "~/features/trial/queries.server";
import { invalidForm } from "~/platform/form-errors.server";
import { authenticate } from "~/shopify.server";

export const loader = async ({ request, params }: LoaderFunctionArgs) => {
  const { session } = await authenticate.admin(request);
  const trial = await trialDetail(session.shop, params.id ?? "");
  if (!trial) throw new Response("Trial not found", { status: 404 });
  return json({ trial });
};

const gid = z.string().startsWith("gid://shopify/LineItem/", "Choose an item of this trial");
const actionSchema = z.discriminatedUnion("action", [
  z.object({
    action: z.literal("extend"),
    days: z.coerce
      .number()
      .int("Use whole days")
      .min(1, "At least 1 day")
      .max(30, "At most 30 days"),
  }),
  z.object({ action: z.literal("mark_returned"), lineItemGid: gid }),
  z.object({ action: z.literal("mark_kept"), lineItemGid: gid }),
  z.object({
    action: z.literal("mark_damaged"),
    lineItemGid: gid,
    damaged: z.enum(["true", "false"]).transform((v) => v === "true"),
  }),
  z.object({ action: z.literal("waive_damage_fee"), lineItemGid: gid }),
  z.object({ action: z.literal("charge_now") }),
  z.object({ action: z.literal("retry_hold") }),
  z.object({ action: z.literal("cancel") }),
]);

export const action = async ({ request, params }: ActionFunctionArgs) => {
  const { session } = await authenticate.admin(request);
  const parsed = actionSchema.safeParse(Object.fromEntries(await request.formData()));
  if (!parsed.success) return invalidForm(parsed.error);
  const staff = session.onlineAccessInfo?.associated_user?.email ?? "staff";
  const result = await performTrialAction(session.shop, params.id ?? "", parsed.data, staff);
  return json(result, { status: result.ok ? 200 : 422 });
};

function when(iso: string | null) {
  return iso ? new Date(iso).toLocaleString() : "—";
}

export default function TrialDetail() {
  const { trial } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state !== "idle";
  const [days, setDays] = useState("2");
  const money = (amount: number) => formatMoney({ amount, currency: trial.currencyCode });
  const open = !trial.settled && trial.status !== "cancelled";
  const lineAction = (
    action: string,
    lineItemGid: string,
    label: string,
    extra?: Record<string, string>,
  ) => (
    <Form method="post" key={`${action}-${lineItemGid}`}>
      <input type="hidden" name="action" value={action} />
      <input type="hidden" name="lineItemGid" value={lineItemGid} />
      {Object.entries(extra ?? {}).map(([k, v]) => (
        <input type="hidden" name={k} value={v} key={k} />
      ))}
      <Button submit size="slim" disabled={busy}>
        {label}
      </Button>
    </Form>
  );
  return (
    <Page
      title={`Trial ${trial.orderName}`}
      subtitle={`${trial.customer}${trial.email ? ` · ${trial.email}` : ""} · policy v${trial.policyVersion}`}
      titleMetadata={<TrialStatusBadge status={trial.status} />}
      backAction={{ content: "Trials", url: "/app/trials" }}
    >
      <Layout>
        <Layout.Section>
          <BlockStack gap="400">
            {result && (
              <Banner tone={result.ok ? "success" : "critical"}>
                {result.ok ? result.message : `${result.field}: ${result.message}`}
              </Banner>
            )}
            {trial.attentionReason && (
              <Banner tone="critical" title="Needs attention">
                {trial.attentionReason}
              </Banner>
            )}
            <Card>
              <BlockStack gap="300">
                <Text as="h2" variant="headingMd">
                  Pairs
                </Text>
                <DataTable
                  columnContentTypes={["text", "numeric", "text", "text", "text"]}
                  headings={["Item", "Price", "Choice", "Return", "Actions"]}
                  rows={trial.lines.map((l) => [
                    `${l.title} · ${l.variantTitle ?? ""}${l.quantity > 1 ? ` ×${l.quantity}` : ""}`,
                    money(l.unitPriceMinor * l.quantity),
                    l.choice,
                    l.returnReceivedAt
                      ? `received ${when(l.returnReceivedAt)}${l.damaged ? (l.damageFeeWaived ? " · damaged (fee waived)" : " · damaged") : ""}`
                      : l.returnStartedAt
                        ? `in transit since ${when(l.returnStartedAt)}`
                        : "—",
                    <InlineStack gap="100" key={l.lineItemGid}>
                      {open &&
                        !l.returnReceivedAt &&
                        lineAction("mark_returned", l.lineItemGid, "Mark returned")}
                      {open &&
                        l.choice !== "keep" &&
                        !l.returnReceivedAt &&
                        lineAction("mark_kept", l.lineItemGid, "Mark kept")}
                      {l.returnReceivedAt &&
                        !l.damaged &&
                        open &&
                        lineAction("mark_damaged", l.lineItemGid, "Mark damaged", {
                          damaged: "true",
                        })}
                      {open &&
                        l.damaged &&
                        !l.damageFeeWaived &&
                        lineAction("waive_damage_fee", l.lineItemGid, "Waive damage fee")}
                    </InlineStack>,
                  ])}
                />
              </BlockStack>
            </Card>
            <Card>
              <BlockStack gap="300">
                <Text as="h2" variant="headingMd">
                  Money
                </Text>
                <DataTable
                  columnContentTypes={["text", "numeric", "text", "text", "text"]}
                  headings={["Movement", "Amount", "Status", "Rule", "When"]}
                  rows={trial.payments.map((p) => [
                    p.kind,
                    p.amountMinor ? money(p.amountMinor) : "—",
                    p.error ? `${p.status}: ${p.error}` : p.status,
                    p.rule,
                    when(p.at),
                  ])}
                />
              </BlockStack>
            </Card>
            <Card>
              <BlockStack gap="200">
                <Text as="h2" variant="headingMd">
                  Timeline
                </Text>
                {trial.events.map((e) => (
                  <InlineStack key={e.id} gap="300" wrap={false}>
                    <Text as="span" tone="subdued">
                      {when(e.at)}
                    </Text>
                    <Text as="span">{e.message}</Text>
                  </InlineStack>
                ))}
              </BlockStack>
            </Card>
          </BlockStack>
        </Layout.Section>
        <Layout.Section variant="oneThird">
          <BlockStack gap="400">
            <Card>
              <BlockStack gap="200">
                <Text as="h2" variant="headingMd">
                  Window
                </Text>
                {trial.window ? (
                  <>
                    <Text as="p">
                      Day {Math.min(trial.window.day, trial.terms.windowDays + trial.extensionDays)}{" "}
                      of {trial.terms.windowDays + trial.extensionDays} ·{" "}
                      {trial.window.source === "carrier"
                        ? "from the carrier's delivery scan"
                        : "from the no-scan fallback"}
                    </Text>
                    <Text as="p">
                      Last day {trial.window.lastDay} (closes {when(trial.window.closesAt)})
                    </Text>
                  </>
                ) : (
                  <Text as="p">Starts when the box is delivered.</Text>
                )}
                <Text as="p">
                  Hold:{" "}
                  {trial.hold
                    ? `${money(trial.hold.amountMinor)} until ${when(trial.hold.expiresAt)}`
                    : "none"}
                </Text>
                <Text as="p">
                  {trial.settled
                    ? `Owed ${money(trial.owedMinor ?? 0)}, collected ${money(trial.collectedMinor)}`
                    : `Next: ${trial.nextAction ?? "—"}${trial.nextActionAt ? ` (${when(trial.nextActionAt)})` : ""}`}
                </Text>
              </BlockStack>
            </Card>
            {open && (
              <Card>
                <BlockStack gap="300">
                  <Text as="h2" variant="headingMd">
                    Actions
                  </Text>
                  <Form method="post">
                    <input type="hidden" name="action" value="extend" />
                    <InlineStack gap="200" blockAlign="end">
                      <TextField
                        label="Extend by (days)"
                        name="days"
                        type="number"
                        value={days}
                        onChange={setDays}
                        autoComplete="off"
                        error={
                          result && !result.ok && result.field === "days"
                            ? result.message
                            : undefined
                        }
                      />
                      <Button submit disabled={busy}>
                        Extend
                      </Button>
                    </InlineStack>
                  </Form>
                  <Form method="post">
                    <input type="hidden" name="action" value="charge_now" />
                    <Button submit disabled={busy}>
                      Charge now for what is kept
                    </Button>
                  </Form>
                  {trial.attentionReason?.startsWith("Card hold declined") && (
                    <Form method="post">
                      <input type="hidden" name="action" value="retry_hold" />
                      <Button submit disabled={busy}>
                        Try the card hold again
                      </Button>
                    </Form>
                  )}
                  <Form method="post">
                    <input type="hidden" name="action" value="cancel" />
                    <Button submit tone="critical" disabled={busy}>
                      Cancel trial and release the hold
                    </Button>
                  </Form>
                </BlockStack>
              </Card>
            )}
            {trial.questionnaire && (
              <Card>
                <BlockStack gap="200">
                  <Text as="h2" variant="headingMd">
                    Fit questionnaire
                  </Text>
                  {Object.entries(trial.questionnaire).map(([k, v]) => (
                    <Text as="p" key={k}>
                      {k}: {String(v)}
                    </Text>
                  ))}
                </BlockStack>
              </Card>
            )}
          </BlockStack>
        </Layout.Section>
      </Layout>
    </Page>
  );
}
