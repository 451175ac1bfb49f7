import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import {
  Banner,
  BlockStack,
  Button,
  Card,
  IndexTable,
  InlineGrid,
  List,
  Text,
  TextField,
} from "@shopify/polaris";
import { useState } from "react";
import { z } from "zod";
import { Figures } from "~/components/Figures";
import { PolicyPage } from "~/components/PolicyPage";
import { enqueue } from "~/platform/jobs/queue.server";
import { now } from "~/platform/clock.server";
import { FIT_IMPORT_JOB, importSizesCsv } from "~/services/fit-import.server";
import { fitPage } from "~/services/fit-outcomes.server";
import { getCurrentPolicy } from "~/services/policy.server";
import { authenticate } from "~/shopify.server";
import { readAdminForm } from "~/platform/form-errors.server";

// The Fit page: the evidence behind the fit finder (per product and size, kept vs returned and
// why), the finder's own hit rate measured from orders, and the import of sizes the store knows.

const FEEDBACK: Record<string, string> = {
  too_small: "too small",
  too_large: "too large",
  too_narrow: "too narrow",
  too_wide: "too wide",
  heel_slip: "heel slip",
  other: "other fit",
  not_fit: "not about fit",
};

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { session } = await authenticate.admin(request);
  const [{ version, document }, page] = await Promise.all([
    getCurrentPolicy(session.shop),
    fitPage(session.shop),
  ]);
  return json({ version, fit: document.fit, ...page });
};

const actionSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("import_tags") }),
  z.object({
    intent: z.literal("import_csv"),
    csv: z.string().trim().min(1, "Paste the CSV: email,size,width").max(2_000_000, "At most 2 MB"),
  }),
]);

export const action = async ({ request }: ActionFunctionArgs) => {
  const { session, admin } = await authenticate.admin(request);
  const parsed = actionSchema.safeParse(Object.fromEntries(await readAdminForm(request)));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return json(
      {
        ok: false as const,
        field: String(issue?.path[0] ?? "intent"),
        message: issue?.message ?? "Invalid",
        errors: [],
      },
      { status: 422 },
    );
  }
  if (parsed.data.intent === "import_tags") {
    // Every customer page is read: a job, paced to the shop's rate limit, not this request.
    await enqueue({
      type: FIT_IMPORT_JOB,
      shop: session.shop,
      payload: {},
      idempotencyKey: `${FIT_IMPORT_JOB}:${session.shop}:${now().toISOString().slice(0, 16)}`,
    });
    return json({
      ok: true as const,
      field: null,
      message: "Import started: customers with the size tag get their size within a few minutes.",
      errors: [],
    });
  }
  const result = await importSizesCsv(session.shop, parsed.data.csv, admin.graphql);
  return json(
    {
      ok: result.errors.length === 0,
      field: result.errors.length ? "csv" : null,
      message: `${result.imported} size${result.imported === 1 ? "" : "s"} imported${result.errors.length ? `; ${result.errors.length} row${result.errors.length === 1 ? "" : "s"} not imported` : ""}.`,
      errors: result.errors.map((e) => `Row ${e.row}, ${e.field}: ${e.message}`),
    },
    { status: result.errors.length && result.imported === 0 ? 422 : 200 },
  );
};

const percent = (part: number, whole: number) =>
  whole ? `${Math.round((part / whole) * 100)}%` : "—";

export default function Fit() {
  const { version, fit, rows, finder } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state !== "idle";
  const [csv, setCsv] = useState("");
  const figures: [string, string][] = [
    ["Finder answers", String(finder.answers)],
    ["Bought with an answer", String(finder.bought)],
    [
      "Kept in the size recommended",
      `${finder.followedKept} of ${finder.followed} · ${percent(finder.followedKept, finder.followed)}`,
    ],
    [
      "Kept in another size",
      `${finder.notFollowedKept} of ${finder.notFollowed} · ${percent(finder.notFollowedKept, finder.notFollowed)}`,
    ],
  ];
  const charts = fit.charts
    .map(
      (c) =>
        `${c.family === "*" ? "every product type" : c.family}: ${c.offsetHalves === 0 ? "true to size" : `${c.offsetHalves > 0 ? "+" : ""}${c.offsetHalves / 2} size`}, width ${c.widthRule.replace("_", " ")}, between sizes ${c.between}`,
    )
    .join("; ");
  return (
    <PolicyPage
      title="Fit"
      settingsPath="/app/settings/fit"
      summary={[
        `Fit finder ${fit.finderEnabled ? "on" : "off"} (policy v${version}); the store's data decides once ${fit.minimumOutcomes} shopper${fit.minimumOutcomes === 1 ? "" : "s"} with the same usual size ${fit.minimumOutcomes === 1 ? "has" : "have"} kept or returned a pair.`,
        `Size chart: ${charts}.`,
      ]}
      empty={null}
    >
      {result && (
        <Banner tone={result.ok ? "success" : "critical"}>
          <p>{result.message}</p>
          {result.errors.length > 0 && (
            <List>
              {result.errors.slice(0, 20).map((e) => (
                <List.Item key={e}>{e}</List.Item>
              ))}
            </List>
          )}
        </Banner>
      )}
      <Figures figures={figures} />
      <Card padding="0">
        <IndexTable
          resourceName={{ singular: "size", plural: "sizes" }}
          itemCount={rows.length}
          selectable={false}
          emptyState={
            <Text as="p" tone="subdued">
              Kept and returned pairs appear here as trials settle, fittings are confirmed and
              returns come in.
            </Text>
          }
          headings={[
            { title: "Product" },
            { title: "Size" },
            { title: "Kept" },
            { title: "Returned" },
            { title: "Why returned" },
          ]}
        >
          {rows.map((r, i) => (
            <IndexTable.Row
              id={`${r.productGid}|${r.size}|${r.width}`}
              key={`${r.productGid}|${r.size}|${r.width}`}
              position={i}
            >
              <IndexTable.Cell>{r.product}</IndexTable.Cell>
              <IndexTable.Cell>
                {r.size} / {r.width}
              </IndexTable.Cell>
              <IndexTable.Cell>{r.kept}</IndexTable.Cell>
              <IndexTable.Cell>{r.returned}</IndexTable.Cell>
              <IndexTable.Cell>
                {Object.entries(r.feedback)
                  .map(([why, n]) => `${FEEDBACK[why] ?? why} ${n}`)
                  .join(", ") || "—"}
              </IndexTable.Cell>
            </IndexTable.Row>
          ))}
        </IndexTable>
      </Card>
      <InlineGrid columns={{ xs: 1, md: 2 }} gap="300">
        <Card>
          <BlockStack gap="200">
            <Text as="h2" variant="headingMd">
              Sizes you already know: customer tags
            </Text>
            <Text as="p" tone="subdued">
              Customers tagged “{fit.knownSizeTagPrefix}8 Wide” get that size as confirmed: they
              skip the fitting pair and see it preselected.
            </Text>
            <Form method="post">
              <input type="hidden" name="intent" value="import_tags" />
              <Button submit loading={busy} disabled={!fit.knownSizeTagPrefix}>
                Import tagged sizes
              </Button>
            </Form>
          </BlockStack>
        </Card>
        <Card>
          <Form method="post">
            <BlockStack gap="200">
              <Text as="h2" variant="headingMd">
                Sizes you already know: CSV
              </Text>
              <input type="hidden" name="intent" value="import_csv" />
              <TextField
                label="CSV with a header row: email,size,width"
                name="csv"
                value={csv}
                onChange={setCsv}
                multiline={4}
                autoComplete="off"
                placeholder={"email,size,width\nmaya@example.com,8,Medium"}
                error={
                  result && !result.ok && result.field === "csv" && result.errors.length === 0
                    ? result.message
                    : undefined
                }
              />
              <Button submit loading={busy}>
                Import CSV
              </Button>
            </BlockStack>
          </Form>
        </Card>
      </InlineGrid>
    </PolicyPage>
  );
}
