import type { ReactNode } from "react";
import { BlockStack, Button, Card, EmptyState, InlineStack, Page, Text } from "@shopify/polaris";

// The frame of a policy's work page: what the policy says now, in one card across the top, then
// the queue at the page's full width (a table beside a side column clips at 1280 px), or what the
// merchant does to get the first case.
export function PolicyPage(props: {
  title: string;
  summary: string[];
  settingsPath: string;
  empty: { heading: string; body: string } | null;
  children?: ReactNode;
}) {
  return (
    <Page title={props.title} fullWidth>
      <BlockStack gap="400">
        <Card>
          <BlockStack gap="200">
            <InlineStack align="space-between" blockAlign="center">
              <Text as="h2" variant="headingMd">
                Policy in force
              </Text>
              <Button url={props.settingsPath} variant="plain">
                Review the policy
              </Button>
            </InlineStack>
            {props.summary.map((line) => (
              <Text as="p" key={line} tone="subdued">
                {line}
              </Text>
            ))}
          </BlockStack>
        </Card>
        {props.empty ? (
          <Card>
            <EmptyState
              heading={props.empty.heading}
              action={{ content: "Review the policy", url: props.settingsPath }}
              image=""
            >
              <p>{props.empty.body}</p>
            </EmptyState>
          </Card>
        ) : (
          props.children
        )}
      </BlockStack>
    </Page>
  );
}
