import { useState } from "react";
import { Form } from "@remix-run/react";
import { BlockStack, Button, Card, InlineStack, Text, TextField } from "@shopify/polaris";

// The merchant's queue of ambassador applications: who, where they post and why; approve (with
// their own reward, or the program's ambassador reward when left empty) or decline.

export interface ApplicationRow {
  id: string;
  name: string;
  email: string | null;
  socialHandle: string | null;
  why: string | null;
  appliedAt: string;
}

function Application(props: { row: ApplicationRow; defaultReward: string; busy: boolean }) {
  const { row, busy } = props;
  const [reward, setReward] = useState("");
  return (
    <BlockStack gap="200">
      <Text as="p" fontWeight="semibold">
        {row.name || row.email} {row.socialHandle ? `· ${row.socialHandle}` : ""}
      </Text>
      {row.email && <Text as="p">{row.email}</Text>}
      {row.why && <Text as="p">“{row.why}”</Text>}
      <Text as="p" tone="subdued">
        Applied {new Date(row.appliedAt).toLocaleDateString()}
      </Text>
      <InlineStack gap="200" blockAlign="end">
        <Form method="post">
          <InlineStack gap="200" blockAlign="end">
            <input type="hidden" name="action" value="approve_ambassador" />
            <input type="hidden" name="referrerId" value={row.id} />
            <TextField
              label="Own reward (optional)"
              name="reward"
              value={reward}
              onChange={setReward}
              placeholder={props.defaultReward}
              autoComplete="off"
            />
            <Button submit variant="primary" disabled={busy}>
              Approve
            </Button>
          </InlineStack>
        </Form>
        <Form method="post">
          <input type="hidden" name="action" value="decline_ambassador" />
          <input type="hidden" name="referrerId" value={row.id} />
          <Button submit tone="critical" disabled={busy}>
            Decline
          </Button>
        </Form>
      </InlineStack>
    </BlockStack>
  );
}

export function AmbassadorApplications(props: {
  rows: ApplicationRow[];
  defaultReward: string;
  busy: boolean;
}) {
  if (props.rows.length === 0) return null;
  return (
    <Card>
      <BlockStack gap="400">
        <Text as="h2" variant="headingMd">
          Ambassador applications ({props.rows.length})
        </Text>
        {props.rows.map((row) => (
          <Application
            key={row.id}
            row={row}
            defaultReward={props.defaultReward}
            busy={props.busy}
          />
        ))}
      </BlockStack>
    </Card>
  );
}
