import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { BlockStack, Button, Card, Select, Text, TextField } from "@shopify/polaris";
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
import { ReturnPairs, label } from "~/components/ReturnPairs";
import { CONDITIONS, RETURN_STATUS_TONES } from "~/features/returns";
import {
  approveReturn,
  chooseOutcome,
  DECLINE_REASONS,
  declineReturn,
  inspectLine,
  markReceived,
  nudgeReturn,
  releaseExchange,
  ReturnActionError,
  returnCaseInShop,
  returnDetail,
} from "~/features/returns/index.server";
import { invalidForm, readAdminForm } from "~/platform/form-errors.server";
import { authenticate } from "~/shopify.server";

export const loader = async ({ request, params }: LoaderFunctionArgs) => {
  const { session } = await authenticate.admin(request);
  const detail = await returnDetail(session.shop, params.id ?? "");
  if (!detail) throw new Response("Return not found", { status: 404 });
  return json({ detail });
};

const inspected = CONDITIONS.filter((c) => c !== "unknown") as [string, ...string[]];
const actionSchema = z.discriminatedUnion("action", [
  z.object({ action: z.literal("approve") }),
  z.object({
    action: z.literal("decline"),
    reason: z.enum(DECLINE_REASONS, { message: "Choose a reason" }),
    note: z.string().trim().min(1, "Tell the shopper why").max(500, "At most 500 characters"),
  }),
  z.object({ action: z.literal("received") }),
  z.object({
    action: z.literal("inspect"),
    lineId: z.string().min(1),
    condition: z.enum(inspected, { message: "Choose the condition" }),
    note: z.string().trim().max(500, "At most 500 characters").optional(),
  }),
  z.object({
    action: z.literal("choose"),
    lineId: z.string().min(1),
    outcome: z.enum(["store_credit", "send_back"], { message: "Choose store credit or send back" }),
  }),
  z.object({ action: z.literal("release_exchange") }),
  z.object({ action: z.literal("nudge") }),
]);

export const action = async ({ request, params }: ActionFunctionArgs) => {
  const { session } = await authenticate.admin(request);
  if (!(await returnCaseInShop(session.shop, params.id ?? "")))
    throw new Response("Return not found", { status: 404 });
  const parsed = actionSchema.safeParse(Object.fromEntries(await readAdminForm(request)));
  if (!parsed.success) return invalidForm(parsed.error);
  const shop = session.shop;
  const id = params.id ?? "";
  const by = "merchant";
  const input = parsed.data;
  const ok = (message: string) => json({ ok: true as const, message });
  try {
    switch (input.action) {
      case "approve":
        await approveReturn(shop, id, by);
        return ok("Approved; the shopper is told how to send it back.");
      case "decline":
        await declineReturn(shop, id, { reason: input.reason, note: input.note }, by);
        return ok("Declined; the shopper is told why.");
      case "received":
        await markReceived(shop, id, by);
        return ok("Parcel received; inspect each pair.");
      case "inspect": {
        const decision = await inspectLine(
          shop,
          id,
          input.lineId,
          { condition: input.condition as never, note: input.note || null },
          by,
        );
        return ok(`Inspected. ${decision.items.map((i) => i.rule).join(" ")}`);
      }
      case "choose":
        await chooseOutcome(shop, id, input.lineId, input.outcome, by);
        return ok("Choice recorded.");
      case "release_exchange":
        await releaseExchange(shop, id, by);
        return ok("The exchange pair ships now.");
      case "nudge":
        await nudgeReturn(shop, id, by);
        return ok("Looking at this return again now.");
    }
  } catch (error) {
    if (!(error instanceof ReturnActionError)) throw error;
    return json(
      { ok: false as const, field: error.field, message: error.message },
      { status: 422 },
    );
  }
};

export default function ReturnCase() {
  const { detail } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state !== "idle";
  const [reason, setReason] = useState<string>("OTHER");
  const [note, setNote] = useState("");
  const lines = (
    <ReturnPairs
      lines={detail.lines}
      currency={detail.currency}
      busy={busy}
      conditions={inspected}
    />
  );
  const parcel = (
    <CaseCard title="Parcel">
      <Text as="p">
        {detail.shipping
          ? `Return shipping paid by the ${detail.shipping.paidBy}${detail.shipping.prepaidLabel ? ", prepaid label" : ""}${detail.shipping.trackingRequired ? ", tracking required" : ""}.`
          : "—"}
        {detail.shipping?.hsCode ? ` HS code ${detail.shipping.hsCode}.` : ""}
      </Text>
      {detail.parcel.labelUrl && (
        <Button url={detail.parcel.labelUrl} target="_blank" variant="plain">
          Return label
        </Button>
      )}
      <Text as="p">
        Tracking: {detail.parcel.trackingNumber ?? "none yet"}
        {detail.parcel.trackingUrl ? ` (${detail.parcel.trackingUrl})` : ""}
      </Text>
      <Text as="p">Received: {when(detail.parcel.receivedAt)}</Text>
      {detail.outboundExchange && <Text as="p">{detail.outboundExchange.sentence}</Text>}
    </CaseCard>
  );
  const review = detail.can.review && (
    <Card>
      <BlockStack gap="200">
        <Text as="h2" variant="headingMd">
          Review
        </Text>
        {detail.review.map((r) => (
          <Text as="p" key={r}>
            {r}
          </Text>
        ))}
        <ActionButton action="approve" label="Approve return" busy={busy} />
        <Form method="post">
          <BlockStack gap="200">
            <input type="hidden" name="action" value="decline" />
            <Select
              label="Decline reason"
              name="reason"
              options={DECLINE_REASONS.map((r) => ({ label: label(r), value: r }))}
              value={reason}
              onChange={setReason}
            />
            <TextField
              label="Note to the shopper"
              name="note"
              value={note}
              onChange={setNote}
              autoComplete="off"
              multiline={2}
            />
            <Button submit tone="critical" disabled={busy}>
              Decline return
            </Button>
          </BlockStack>
        </Form>
      </BlockStack>
    </Card>
  );
  return (
    <CasePage
      title={`Return ${detail.returnName ?? detail.orderName}`}
      subtitle={`${detail.orderName} · ${detail.customer}${detail.email ? ` · ${detail.email}` : ""} · ${detail.market} · from the ${label(detail.source)} · policy v${detail.policyVersion}`}
      status={{ label: detail.statusLabel, tone: RETURN_STATUS_TONES[detail.status] }}
      back={{ content: "Returns", url: "/app/returns" }}
      result={result}
      attention={[
        ...(detail.flagged
          ? [
              {
                tone: "warning" as const,
                text: "No parcel on its way yet: the shopper was reminded.",
              },
            ]
          : []),
        ...(detail.marketplace
          ? [
              {
                tone: "warning" as const,
                title: detail.marketplace.label,
                text: detail.marketplace.instructions,
              },
            ]
          : []),
        ...detail.refundedOutside.map((text) => ({ tone: "critical" as const, text })),
        ...detail.ledger
          .filter((m) => m.status === "failed")
          .map((m) => ({ tone: "critical" as const, text: `${m.kind} failed: ${m.error ?? ""}` })),
      ]}
      main={
        <>
          {lines}
          <MoneyMovements
            currency={detail.currency}
            movements={detail.ledger.map((m) => ({
              id: m.id,
              kind: m.kind.replace(/_/g, " "),
              amountMinor: m.amount,
              status: m.status,
              error: m.error,
              // Every rule names its policy version; one that does not gets it here.
              rule: m.rule.includes(`policy v${m.policyVersion}`)
                ? m.rule
                : `${m.rule} (policy v${m.policyVersion})`,
              at: m.at,
            }))}
          />
          <Timeline events={detail.timeline} />
        </>
      }
      side={
        <>
          {review}
          {parcel}
          <Card>
            <BlockStack gap="200">
              <Text as="p" tone="subdued">
                Next: {detail.next}
              </Text>
              {detail.can.markReceived && (
                <ActionButton action="received" label="Parcel received" busy={busy} />
              )}
              {detail.can.releaseExchange && (
                <ActionButton action="release_exchange" label="Ship the exchange now" busy={busy} />
              )}
              {/* Processing (refund, credit, restock) and closing are the return's job once every
                  pair is inspected; this runs it now, or retries a step that failed. */}
              <ActionButton
                action="nudge"
                label={
                  detail.status === "to_refund" ? "Process the return now" : "Look at it again now"
                }
                busy={busy}
                slim={detail.status !== "to_refund"}
              />
            </BlockStack>
          </Card>
        </>
      }
    />
  );
}
