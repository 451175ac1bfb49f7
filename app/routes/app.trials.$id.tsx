import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { BlockStack, Button, DataTable, InlineStack, Text, TextField } from "@shopify/polaris";
import { useState } from "react";
import { z } from "zod";
import {
  ActionButton,
  CaseCard,
  CasePage,
  MoneyMovements,
  Timeline,
  when,
} from "~/components/CasePage";
import { formatMoney } from "~/domain/money";
import { TRIAL_STATUS_LABELS, TRIAL_STATUS_TONES } from "~/features/trial";
import { performTrialAction, trialDetail, trialInShop } from "~/features/trial/index.server";
import { invalidForm, readAdminForm } from "~/platform/form-errors.server";
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
  if (!(await trialInShop(session.shop, params.id ?? "")))
    throw new Response("Trial not found", { status: 404 });
  const parsed = actionSchema.safeParse(Object.fromEntries(await readAdminForm(request)));
  if (!parsed.success) return invalidForm(parsed.error);
  const staff = session.onlineAccessInfo?.associated_user?.email ?? "staff";
  const result = await performTrialAction(session.shop, params.id ?? "", parsed.data, staff);
  return json(result, { status: result.ok ? 200 : 422 });
};

export default function TrialDetail() {
  const { trial } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state !== "idle";
  const [days, setDays] = useState("2");
  const money = (amount: number) => formatMoney({ amount, currency: trial.currencyCode });
  const open = !trial.settled && trial.status !== "cancelled";
  const windowDays = trial.terms.windowDays + trial.extensionDays;
  const lineAction = (action: string, lineItemGid: string, label: string, damaged?: string) => (
    <ActionButton
      key={`${action}-${lineItemGid}`}
      action={action}
      label={label}
      busy={busy}
      slim
      fields={{ lineItemGid, ...(damaged ? { damaged } : {}) }}
    />
  );
  const pairs = (
    <CaseCard title="Pairs">
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
              lineAction("mark_damaged", l.lineItemGid, "Mark damaged", "true")}
            {open &&
              l.damaged &&
              !l.damageFeeWaived &&
              lineAction("waive_damage_fee", l.lineItemGid, "Waive damage fee")}
          </InlineStack>,
        ])}
      />
    </CaseCard>
  );
  const window = (
    <CaseCard title="Window">
      {trial.window ? (
        <>
          <Text as="p">
            Day {Math.min(trial.window.day, windowDays)} of {windowDays} ·{" "}
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
    </CaseCard>
  );
  const actions = open && (
    <CaseCard title="Actions">
      <BlockStack gap="300">
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
              error={result && !result.ok && result.field === "days" ? result.message : undefined}
            />
            <Button submit disabled={busy}>
              Extend
            </Button>
          </InlineStack>
        </Form>
        <ActionButton action="charge_now" label="Charge now for what is kept" busy={busy} />
        {trial.attentionReason?.startsWith("Card hold declined") && (
          <ActionButton action="retry_hold" label="Try the card hold again" busy={busy} />
        )}
        <ActionButton
          action="cancel"
          label="Cancel trial and release the hold"
          busy={busy}
          critical
        />
      </BlockStack>
    </CaseCard>
  );
  const questionnaire = trial.questionnaire && (
    <CaseCard title="Fit questionnaire">
      {Object.entries(trial.questionnaire).map(([k, v]) => (
        <Text as="p" key={k}>
          {k}: {String(v)}
        </Text>
      ))}
    </CaseCard>
  );
  return (
    <CasePage
      title={`Trial ${trial.orderName}`}
      subtitle={`${trial.customer}${trial.email ? ` · ${trial.email}` : ""} · policy v${trial.policyVersion}`}
      status={{ label: TRIAL_STATUS_LABELS[trial.status], tone: TRIAL_STATUS_TONES[trial.status] }}
      back={{ content: "Trials", url: "/app/trials" }}
      result={result}
      attention={[
        ...(trial.attentionReason
          ? [{ tone: "critical" as const, text: trial.attentionReason }]
          : []),
        ...(trial.holdNotice
          ? [{ tone: "warning" as const, title: "Card hold lapsed", text: trial.holdNotice }]
          : []),
      ]}
      main={
        <>
          {pairs}
          <MoneyMovements movements={trial.payments} currency={trial.currencyCode} />
          <Timeline events={trial.events} />
        </>
      }
      side={
        <>
          {window}
          {actions}
          {questionnaire}
        </>
      }
    />
  );
}
