import { BlockStack, Button, Card, InlineStack, Text, TextField } from "@shopify/polaris";
import { useState } from "react";

// The Export card of a list page: a date range and a button that downloads the CSV from the
// page's resource route (fetched with the session token by App Bridge, then saved).

async function download(path: string, name: string, from: string, to: string) {
  const response = await fetch(`${path}?from=${from}&to=${to}`);
  if (!response.ok) throw new Error(await response.text());
  const url = URL.createObjectURL(await response.blob());
  const a = Object.assign(document.createElement("a"), {
    href: url,
    download: `${name}-${from}-to-${to}.csv`,
  });
  a.click();
  URL.revokeObjectURL(url);
}

export function CsvExport(props: {
  path: string;
  name: string;
  range: { from: string; to: string };
  description?: string;
}) {
  const [from, setFrom] = useState(props.range.from);
  const [to, setTo] = useState(props.range.to);
  const [error, setError] = useState<string | null>(null);
  return (
    <Card>
      <BlockStack gap="300">
        <Text as="h2" variant="headingMd">
          Export
        </Text>
        {props.description && (
          <Text as="p" tone="subdued">
            {props.description}
          </Text>
        )}
        <InlineStack gap="300" blockAlign="end">
          <TextField label="From" type="date" value={from} onChange={setFrom} autoComplete="off" />
          <TextField label="To" type="date" value={to} onChange={setTo} autoComplete="off" />
          <Button
            onClick={() => {
              setError(null);
              download(props.path, props.name, from, to).catch((e: Error) => setError(e.message));
            }}
          >
            Export CSV
          </Button>
        </InlineStack>
        {error && (
          <Text as="p" tone="critical">
            {error}
          </Text>
        )}
      </BlockStack>
    </Card>
  );
}
