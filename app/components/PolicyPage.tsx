import type { ReactNode } from "react";
import { BlockStack, Card, EmptyState, Layout, Page, Text } from "@shopify/polaris";

// The frame of a policy's work page: what the policy says now, then the queue (or what the
// merchant does to get the first case).
export function PolicyPage(props: {
  title: string;
  summary: string[];
  settingsPath: string;
  empty: { heading: string; body: string } | null;
  children?: ReactNode;
}) {
  return (
    <Page title={props.title}>
      <Layout>
        <Layout.Section>
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
        </Layout.Section>
        <Layout.Section variant="oneThird">
          <Card>
            <BlockStack gap="200">
              <Text as="h2" variant="headingMd">
                Policy in force
              </Text>
              {props.summary.map((line) => (
                <Text as="p" key={line}>
                  {line}
                </Text>
              ))}
            </BlockStack>
          </Card>
        </Layout.Section>
      </Layout>
    </Page>
  );
}
