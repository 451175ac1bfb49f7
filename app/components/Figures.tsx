import { BlockStack, Card, InlineGrid, Text } from "@shopify/polaris";

// A row of headline figures at the top of a work page: label above, value below.
export function Figures(props: { figures: [string, string][]; columns?: number }) {
  return (
    <InlineGrid columns={{ xs: 2, md: props.columns ?? props.figures.length }} gap="300">
      {props.figures.map(([label, value]) => (
        <Card key={label}>
          <BlockStack gap="100">
            <Text as="p" tone="subdued">
              {label}
            </Text>
            <Text as="p" variant="headingMd">
              {value}
            </Text>
          </BlockStack>
        </Card>
      ))}
    </InlineGrid>
  );
}
