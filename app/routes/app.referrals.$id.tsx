import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { BlockStack, Button, Card, Text, TextField } from "@shopify/polaris";
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
import { formatMoney, money } from "~/domain/money";
import { REFERRAL_STATUS_TONES } from "~/features/referrals";
import {
  payReferralNow,
  ReferralActionError,
  referralCaseInShop,
  referralDetail,
  reviewReferral,
  revokeCode,
} from "~/features/referrals/index.server";
import { invalidForm, readAdminForm } from "~/platform/form-errors.server";
import { authenticate } from "~/shopify.server";

export const loader = async ({ request, params }: LoaderFunctionArgs) => {
  const { session } = await authenticate.admin(request);
  const detail = await referralDetail(session.shop, params.id ?? "");
  if (!detail) throw new Response("Referral not found", { status: 404 });
  return json({ detail });
};

const note = z.string().trim().max(500, "At most 500 characters").optional();
const actionSchema = z.discriminatedUnion("action", [
  z.object({ action: z.literal("approve"), note }),
  z.object({
    action: z.literal("void"),
    note: z.string().trim().min(1, "Say why").max(500, "At most 500 characters"),
  }),
  z.object({ action: z.literal("pay_now") }),
  z.object({ action: z.literal("revoke_code"), codeId: z.string().min(1, "Choose a code") }),
]);

export const action = async ({ request, params }: ActionFunctionArgs) => {
  const { session } = await authenticate.admin(request);
  if (!(await referralCaseInShop(session.shop, params.id ?? "")))
    throw new Response("Referral not found", { status: 404 });
  const parsed = actionSchema.safeParse(Object.fromEntries(await readAdminForm(request)));
  if (!parsed.success) return invalidForm(parsed.error);
  const shop = session.shop;
  const id = params.id ?? "";
  const input = parsed.data;
  const ok = (message: string) => json({ ok: true as const, message });
  try {
    switch (input.action) {
      case "approve":
        await reviewReferral(shop, id, "approve", input.note || null, "merchant");
        return ok("Approved: the reward follows the return window like any other.");
      case "void":
        await reviewReferral(shop, id, "void", input.note, "merchant");
        return ok("Voided: no reward will be paid for this order.");
      case "pay_now":
        await payReferralNow(shop, id, "merchant");
        return ok("Released: the reward is being paid now.");
      case "revoke_code": {
        const fresh = await revokeCode(shop, input.codeId, "merchant");
        return ok(`Code revoked; the referrer's new code is ${fresh.code}.`);
      }
    }
  } catch (error) {
    if (!(error instanceof ReferralActionError)) throw error;
    return json(
      { ok: false as const, field: error.field ?? "action", message: error.message },
      { status: 422 },
    );
  }
};

export default function ReferralCase() {
  const { detail } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state !== "idle";
  const [voidNote, setVoidNote] = useState("");
  const fmt = (minor: number) => formatMoney(money(minor, detail.currency));
  return (
    <CasePage
      title={`Referral ${detail.orderName}`}
      subtitle={`${detail.referrer.name} → ${detail.friend} · code ${detail.code} · policy v${detail.policyVersion}`}
      status={{ label: detail.statusLabel, tone: REFERRAL_STATUS_TONES[detail.status] }}
      back={{ content: "Referrals", url: "/app/referrals" }}
      result={result}
      attention={[
        ...detail.signals.map((s) => ({
          tone: "warning" as const,
          title: "Held for review",
          text: s.reason,
        })),
        ...detail.money
          .filter((m) => m.status === "failed")
          .map((m) => ({ tone: "critical" as const, text: `${m.kind} failed: ${m.error ?? ""}` })),
      ]}
      main={
        <>
          <CaseCard title="Reward">
            <Text as="p">
              Friend's discount: {fmt(detail.discountMinor)}. Referrer's reward:{" "}
              {fmt(detail.rewardMinor)} as{" "}
              {detail.rewardForm === "store_credit" ? "store credit" : "a single-use code"}.
            </Text>
            <Text as="p">{detail.newness}</Text>
            {detail.windowLastDay && (
              <Text as="p">Friend's return window: last day {detail.windowLastDay}.</Text>
            )}
            {detail.voidReason && (
              <Text as="p">Voided: {detail.voidReason.replace(/_/g, " ")}.</Text>
            )}
            <Text as="p">Paid: {when(detail.paidAt)}</Text>
          </CaseCard>
          <MoneyMovements
            currency={detail.currency}
            movements={detail.money.map((m) => ({
              id: m.id,
              kind: m.kind.replace(/_/g, " "),
              amountMinor: m.amount,
              status: m.status,
              error: m.error,
              rule: m.rule,
              at: m.at,
            }))}
          />
          <Timeline events={detail.timeline} />
        </>
      }
      side={
        <>
          {detail.can.review && (
            <Card>
              <BlockStack gap="200">
                <Text as="h2" variant="headingMd">
                  Review
                </Text>
                <ActionButton action="approve" label="Approve the reward" busy={busy} />
                <Form method="post">
                  <BlockStack gap="200">
                    <input type="hidden" name="action" value="void" />
                    <TextField
                      label="Why void it"
                      name="note"
                      value={voidNote}
                      onChange={setVoidNote}
                      autoComplete="off"
                    />
                    <Button submit tone="critical" disabled={busy}>
                      Void the reward
                    </Button>
                  </BlockStack>
                </Form>
                {detail.can.payNow && (
                  <ActionButton action="pay_now" label="Pay now" busy={busy} slim />
                )}
              </BlockStack>
            </Card>
          )}
          <CaseCard title={`Referrer: ${detail.referrer.name}`}>
            {detail.referrer.email && <Text as="p">{detail.referrer.email}</Text>}
            {detail.referrer.ambassador && (
              <Text as="p">Ambassador: {detail.referrer.ambassador}</Text>
            )}
            {detail.referrer.codes.map((c) => (
              <BlockStack gap="100" key={c.id}>
                <Text as="p">
                  {c.code} ({c.status})
                </Text>
                {c.status !== "revoked" && (
                  <ActionButton
                    action="revoke_code"
                    label="Revoke and issue a new code"
                    fields={{ codeId: c.id }}
                    busy={busy}
                    critical
                    slim
                  />
                )}
              </BlockStack>
            ))}
          </CaseCard>
        </>
      }
    />
  );
}
