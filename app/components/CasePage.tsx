import type { ReactNode } from "react";
import { Form } from "@remix-run/react";
import {
  Banner,
  BlockStack,
  Button,
  Card,
  Divider,
  InlineGrid,
  InlineStack,
  Layout,
  Page,
  Text,
} from "@shopify/polaris";
import { formatMoney } from "~/domain/money";
import type { StatusTone } from "~/domain/status-tone";
import { StatusBadge } from "./StatusBadge";

// The pieces every case page shares (a trial, a made-to-order case, and the returns and
// referrals to come): the frame with its status and the answer to the last action, the
// timeline, every money movement with the rule behind it, and the action buttons.

export type ActionResult =
  { ok: true; message: string } | { ok: false; field: string; message: string };

export function when(iso: string | null): string {
  return iso ? new Date(iso).toLocaleString() : "—";
}

export function CasePage(props: {
  title: string;
  subtitle: string;
  status: { label: string; tone: StatusTone };
  back: { content: string; url: string };
  result: ActionResult | undefined;
  attention: { title?: string; tone: "critical" | "warning"; text: string }[];
  main: ReactNode;
  side: ReactNode;
}) {
  return (
    <Page
      title={props.title}
      subtitle={props.subtitle}
      titleMetadata={<StatusBadge {...props.status} />}
      backAction={props.back}
    >
      <Layout>
        <Layout.Section>
          <BlockStack gap="400">
            {props.result && (
              <Banner tone={props.result.ok ? "success" : "critical"}>
                {props.result.ok
                  ? props.result.message
                  : `${props.result.field}: ${props.result.message}`}
              </Banner>
            )}
            {props.attention.map((a) => (
              <Banner key={a.text} tone={a.tone} title={a.title ?? "Needs attention"}>
                {a.text}
              </Banner>
            ))}
            {props.main}
          </BlockStack>
        </Layout.Section>
        <Layout.Section variant="oneThird">
          <BlockStack gap="400">{props.side}</BlockStack>
        </Layout.Section>
      </Layout>
    </Page>
  );
}

/** A titled card of the case page. */
export function CaseCard({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Card>
      <BlockStack gap="200">
        <Text as="h2" variant="headingMd">
          {title}
        </Text>
        {children}
      </BlockStack>
    </Card>
  );
}

export function Timeline({ events }: { events: { id: string; at: string; message: string }[] }) {
  // A fixed column for the instant, so every entry starts at the same place.
  return (
    <CaseCard title="Timeline">
      {events.map((e) => (
        <InlineGrid key={e.id} columns="11.5rem 1fr" gap="300">
          <Text as="span" tone="subdued">
            {when(e.at)}
          </Text>
          <Text as="span">{e.message}</Text>
        </InlineGrid>
      ))}
    </CaseCard>
  );
}

export interface MoneyMovement {
  id: string;
  kind: string;
  amountMinor: number;
  status: string;
  error: string | null;
  /** The rule that decided this movement, as the merchant reads it. */
  rule: string;
  at: string;
}

export function MoneyMovements(props: { movements: MoneyMovement[]; currency: string }) {
  const money = (amount: number) => formatMoney({ amount, currency: props.currency });
  // The rule is the point of this list: it wraps under its movement instead of being a column
  // that a narrow page cuts off.
  return (
    <CaseCard title="Money">
      {props.movements.length === 0 && (
        <Text as="p" tone="subdued">
          No money has moved.
        </Text>
      )}
      {props.movements.map((p, i) => (
        <BlockStack gap="100" key={p.id}>
          {i > 0 && <Divider />}
          <InlineStack align="space-between" blockAlign="center" gap="200">
            <InlineStack gap="200" blockAlign="center">
              <Text as="span" fontWeight="semibold">
                {p.kind}
              </Text>
              <Text as="span" numeric>
                {p.amountMinor ? money(p.amountMinor) : "—"}
              </Text>
              <Text as="span" tone={p.error ? "critical" : "subdued"}>
                {p.error ? `${p.status}: ${p.error}` : p.status}
              </Text>
            </InlineStack>
            <Text as="span" tone="subdued">
              {when(p.at)}
            </Text>
          </InlineStack>
          <Text as="p" tone="subdued">
            Rule: {p.rule}
          </Text>
        </BlockStack>
      ))}
    </CaseCard>
  );
}

/** One action of the case: a form posting `action` (and any fields) to the page's action. */
export function ActionButton(props: {
  action: string;
  label: string;
  busy: boolean;
  fields?: Record<string, string>;
  critical?: boolean;
  slim?: boolean;
}) {
  return (
    <Form method="post">
      <input type="hidden" name="action" value={props.action} />
      {Object.entries(props.fields ?? {}).map(([name, value]) => (
        <input type="hidden" name={name} value={value} key={name} />
      ))}
      <Button
        submit
        size={props.slim ? "slim" : undefined}
        disabled={props.busy}
        tone={props.critical ? "critical" : undefined}
      >
        {props.label}
      </Button>
    </Form>
  );
}
