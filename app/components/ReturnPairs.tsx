import { Form } from "@remix-run/react";
import {
  BlockStack,
  Button,
  Divider,
  InlineStack,
  Select,
  Text,
  TextField,
} from "@shopify/polaris";
import { useState } from "react";
import { ActionButton, CaseCard } from "~/components/CasePage";
import { formatMoney } from "~/domain/money";

// A return's pairs on its admin page: what was asked, the condition found, what the rules
// decided with the rule and the shopper's sentence, and the inspection or choice still to make.

export interface ReturnPair {
  id: string;
  title: string;
  quantity: number;
  value: number;
  reason: string | null;
  reasonNote: string | null;
  fitFeedback: string | null;
  wanted: string | null;
  asked: string;
  exchangeTitle: string | null;
  condition: string;
  conditionNote: string | null;
  removed: boolean;
  decline: { reason: string; code: string | null } | null;
  outcome: string | null;
  offered: string[];
  refund: number;
  storeCredit: number;
  handlingFee: number;
  restockingFee: number;
  lastDay: string | null;
  rule: string;
  shopper: string;
  canInspect: boolean;
  needsChoice: boolean;
}

export const label = (s: string | null) => (s ?? "").toLowerCase().replace(/_/g, " ");

function InspectForm({
  lineId,
  busy,
  inspected,
}: {
  lineId: string;
  busy: boolean;
  inspected: readonly string[];
}) {
  const [condition, setCondition] = useState("unworn");
  const [note, setNote] = useState("");
  return (
    <Form method="post">
      <input type="hidden" name="action" value="inspect" />
      <input type="hidden" name="lineId" value={lineId} />
      <InlineStack gap="200" blockAlign="end">
        <Select
          label="Condition"
          name="condition"
          options={inspected.map((c) => ({ label: label(c), value: c }))}
          value={condition}
          onChange={setCondition}
        />
        <TextField label="Note" name="note" value={note} onChange={setNote} autoComplete="off" />
        <Button submit disabled={busy}>
          Save inspection
        </Button>
      </InlineStack>
    </Form>
  );
}

export function ReturnPairs({
  lines,
  currency,
  busy,
  conditions,
}: {
  lines: ReturnPair[];
  currency: string;
  busy: boolean;
  /** The conditions an inspection can find (the returns feature's). */
  conditions: readonly string[];
}) {
  const money = (amount: number) => formatMoney({ amount, currency });
  return (
    <CaseCard title="Pairs">
      {lines.map((l, i) => (
        <BlockStack gap="200" key={l.id}>
          {i > 0 && <Divider />}
          <InlineStack align="space-between">
            <Text as="h3" variant="headingSm">
              {l.title} × {l.quantity}
            </Text>
            <Text as="span" numeric>
              {money(l.value)}
            </Text>
          </InlineStack>
          <Text as="p">
            Reason: {label(l.reason) || "—"}
            {l.fitFeedback ? ` · fit: ${label(l.fitFeedback)}` : ""}
            {l.wanted ? ` · wants ${l.wanted}` : ""}
            {l.reasonNote ? ` · “${l.reasonNote}”` : ""}
          </Text>
          <Text as="p">
            Asked: {label(l.asked)}
            {l.exchangeTitle ? ` (${l.exchangeTitle})` : ""} · condition:{" "}
            <span data-condition={l.condition}>{label(l.condition)}</span>
            {l.conditionNote ? ` (${l.conditionNote})` : ""}
            {l.removed ? " · taken off the Shopify return" : ""}
          </Text>
          {l.decline ? (
            <Text as="p" tone="critical">
              Declined ({l.decline.reason}
              {l.decline.code ? `: ${label(l.decline.code)}` : ""})
            </Text>
          ) : (
            <Text as="p">
              {[
                l.refund && `refund ${money(l.refund)}`,
                l.storeCredit && `store credit ${money(l.storeCredit)}`,
                l.handlingFee && `handling fee ${money(l.handlingFee)}`,
                l.restockingFee && `restocking fee ${money(l.restockingFee)}`,
              ]
                .filter(Boolean)
                .join(" · ") || (l.outcome === "exchange" ? "exchange" : "—")}
              {l.lastDay ? ` · returnable until ${l.lastDay}` : ""}
            </Text>
          )}
          <Text as="p" tone="subdued">
            Rule: {l.rule}
          </Text>
          <Text as="p" tone="subdued">
            The shopper reads: {l.shopper}
          </Text>
          {l.canInspect && !l.needsChoice && (
            <InspectForm lineId={l.id} busy={busy} inspected={conditions} />
          )}
          {l.needsChoice && (
            <InlineStack gap="200">
              {l.offered.includes("store_credit") && (
                <ActionButton
                  action="choose"
                  label="Store credit less the restocking fee"
                  busy={busy}
                  fields={{ lineId: l.id, outcome: "store_credit" }}
                />
              )}
              <ActionButton
                action="choose"
                label="Send the pair back"
                busy={busy}
                fields={{ lineId: l.id, outcome: "send_back" }}
              />
            </InlineStack>
          )}
        </BlockStack>
      ))}
    </CaseCard>
  );
}
