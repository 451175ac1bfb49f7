import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import {
  useActionData,
  useLoaderData,
  useNavigate,
  useNavigation,
  useSearchParams,
} from "@remix-run/react";
import { Banner, BlockStack, Card, IndexTable, Tabs, Text } from "@shopify/polaris";
import { z } from "zod";
import { AmbassadorApplications } from "~/components/AmbassadorApplications";
import { CsvExport } from "~/components/CsvExport";
import { Figures } from "~/components/Figures";
import { PolicyPage } from "~/components/PolicyPage";
import { StatusBadge } from "~/components/StatusBadge";
import { formatMoney, money, parseMoneyInput } from "~/domain/money";
import { REFERRAL_STATUS_LABELS, REFERRAL_STATUS_TONES } from "~/features/referrals";
import {
  ReferralActionError,
  ambassadorApplications,
  listReferrals,
  referralTotals,
  reviewAmbassador,
} from "~/features/referrals/index.server";
import { now } from "~/platform/clock.server";
import { invalidForm, readAdminForm } from "~/platform/form-errors.server";
import { getCurrentPolicy } from "~/services/policy.server";
import { authenticate } from "~/shopify.server";

const TABS = ["all", "flagged", "waiting_window", "earned", "paid", "voided"] as const;
const filterSchema = z.object({ status: z.enum(TABS).catch("all") });

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { session } = await authenticate.admin(request);
  const { status } = filterSchema.parse({
    status: new URL(request.url).searchParams.get("status"),
  });
  const [{ version, document }, totals, rows, applications] = await Promise.all([
    getCurrentPolicy(session.shop),
    referralTotals(session.shop),
    listReferrals(session.shop, status === "all" ? null : status),
    ambassadorApplications(session.shop),
  ]);
  const to = now().toISOString().slice(0, 10);
  const from = new Date(now().getTime() - 90 * 86_400_000).toISOString().slice(0, 10);
  return json({
    version,
    referrals: document.referrals,
    totals,
    rows,
    status,
    applications,
    range: { from, to },
  });
};

const reviewSchema = z.object({
  action: z.enum(["approve_ambassador", "decline_ambassador"], { message: "Unknown action" }),
  referrerId: z.string().min(1, "Choose an application"),
  reward: z.string().trim().max(20, "Enter an amount like 25").optional(),
});

export const action = async ({ request }: ActionFunctionArgs) => {
  const { session } = await authenticate.admin(request);
  const parsed = reviewSchema.safeParse(Object.fromEntries(await readAdminForm(request)));
  if (!parsed.success) return invalidForm(parsed.error);
  const { action, referrerId, reward } = parsed.data;
  const fail = (field: string, message: string) =>
    json({ ok: false as const, field, message }, { status: 422 });
  let rewardMinor: number | null = null;
  if (action === "approve_ambassador" && reward) {
    const { document } = await getCurrentPolicy(session.shop);
    const amount = parseMoneyInput(reward, document.referrals.ambassadorReward.currency);
    if (!amount.ok) return fail("reward", `Own reward: ${amount.error}`);
    rewardMinor = amount.amount;
  }
  try {
    const decision = action === "approve_ambassador" ? "approve" : "decline";
    const code = await reviewAmbassador(session.shop, referrerId, decision, rewardMinor);
    return json({
      ok: true as const,
      message: code
        ? `Approved: the ambassador's code is ${code.code}.`
        : "Declined: the shopper can still refer as a customer.",
    });
  } catch (error) {
    if (!(error instanceof ReferralActionError)) throw error;
    return fail(error.field ?? "referrerId", error.message);
  }
};

export default function Referrals() {
  const { version, referrals, totals, rows, status, applications, range } =
    useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state !== "idle";
  const navigate = useNavigate();
  const [, setParams] = useSearchParams();
  const currency = referrals.referrerReward.currency;
  const fmt = (minor: number) => formatMoney(money(minor, currency));
  const friend =
    referrals.friendRewardKind === "percent"
      ? `${referrals.friendRewardPercent}%`
      : formatMoney(referrals.friendReward);
  const figures: [string, string][] = [
    ["Referred orders", String(totals.orders)],
    ["Rewards pending", `${totals.pending.count} · ${fmt(totals.pending.amount)}`],
    ["Rewards paid", `${totals.paid.count} · ${fmt(totals.paid.amount)}`],
    ["Voided", String(totals.voided)],
    ["Friends' discounts", fmt(totals.discounts)],
    ["Cost per referred order", fmt(totals.costPerOrder)],
  ];
  return (
    <PolicyPage
      title="Referrals"
      settingsPath="/app/settings/referrals"
      summary={[
        `${referrals.enabled ? "Running" : "Paused"} (policy v${version}).`,
        `Friend gets ${friend} off a first order, referrer gets ${formatMoney(referrals.referrerReward)} as ${referrals.referrerRewardForm === "store_credit" ? "store credit" : "a single-use code"}.`,
        referrals.holdUntilReturnWindowEnds
          ? "Rewards wait until the friend's return window ends and the order was kept."
          : "Rewards are paid once the friend's order is paid.",
      ]}
      empty={
        // Not after a review: approving the last application must still show its result.
        totals.orders === 0 && applications.length === 0 && !result
          ? {
              heading: "No referrals yet",
              body: "Referrals appear here when a friend orders with a shopper's code or link, with the reward's state until it is released.",
            }
          : null
      }
    >
      {result && (
        <Banner tone={result.ok ? "success" : "critical"}>
          <p>{result.message}</p>
        </Banner>
      )}
      <AmbassadorApplications
        rows={applications}
        defaultReward={formatMoney(referrals.ambassadorReward)}
        busy={busy}
      />
      <Figures figures={figures} />
      <Card padding="0">
        <Tabs
          tabs={TABS.map((t) => ({
            id: t,
            content:
              t === "all"
                ? "All"
                : `${REFERRAL_STATUS_LABELS[t]}${t === "flagged" && totals.flagged ? ` (${totals.flagged})` : ""}`,
          }))}
          selected={TABS.indexOf(status)}
          onSelect={(i) => setParams({ status: TABS[i] ?? "all" })}
        />
        <IndexTable
          resourceName={{ singular: "referral", plural: "referrals" }}
          itemCount={rows.length}
          selectable={false}
          headings={[
            { title: "Order" },
            { title: "Referrer" },
            { title: "Friend" },
            { title: "Code" },
            { title: "Reward" },
            { title: "State" },
          ]}
        >
          {rows.map((r, i) => (
            <IndexTable.Row
              id={r.id}
              key={r.id}
              position={i}
              onClick={() => navigate(`/app/referrals/${r.id}`)}
            >
              <IndexTable.Cell>{r.orderName}</IndexTable.Cell>
              <IndexTable.Cell>{r.referrer}</IndexTable.Cell>
              <IndexTable.Cell>{r.friend}</IndexTable.Cell>
              <IndexTable.Cell>{r.code}</IndexTable.Cell>
              <IndexTable.Cell>{formatMoney(money(r.rewardMinor, r.currency))}</IndexTable.Cell>
              <IndexTable.Cell>
                <StatusBadge
                  label={
                    r.status === "waiting_window" && r.windowLastDay
                      ? `${r.statusLabel} until ${r.windowLastDay}`
                      : r.statusLabel
                  }
                  tone={REFERRAL_STATUS_TONES[r.status]}
                />
              </IndexTable.Cell>
            </IndexTable.Row>
          ))}
        </IndexTable>
      </Card>
      {totals.top.length > 0 && (
        <Card>
          <BlockStack gap="200">
            <Text as="h2" variant="headingMd">
              Top referrers
            </Text>
            {totals.top.map((t) => (
              <Text as="p" key={t.referrerId}>
                {t.name}
                {t.ambassador ? " (ambassador)" : ""}: {t.referrals} referral
                {t.referrals === 1 ? "" : "s"}
              </Text>
            ))}
          </BlockStack>
        </Card>
      )}
      <CsvExport
        path="/app/referrals/export"
        name="referrals"
        range={range}
        description="Every friend's order placed in the range: the friend's discount, the reward, what was paid or taken back, the rule and the policy version."
      />
    </PolicyPage>
  );
}
