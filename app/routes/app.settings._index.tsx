import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import {
  BlockStack,
  Card,
  DataTable,
  Layout,
  Page,
  ResourceItem,
  ResourceList,
  Text,
} from "@shopify/polaris";
import { POLICY_SECTIONS } from "~/domain/policy/schema";
import { SECTION_FORMS } from "~/domain/policy/fields";
import { authenticate } from "~/shopify.server";
import { getCurrentPolicy, listPolicyVersions } from "~/services/policy.server";

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { session } = await authenticate.admin(request);
  await getCurrentPolicy(session.shop);
  const versions = await listPolicyVersions(session.shop);
  return json({ versions: versions.map((v) => ({ ...v, createdAt: v.createdAt.toISOString() })) });
};

export default function Settings() {
  const { versions } = useLoaderData<typeof loader>();
  return (
    <Page title="Settings">
      <Layout>
        <Layout.Section>
          <Card padding="0">
            <ResourceList
              items={POLICY_SECTIONS.map((s) => SECTION_FORMS[s])}
              renderItem={(form) => (
                <ResourceItem
                  id={form.path}
                  url={`/app/settings/${form.path}`}
                  accessibilityLabel={`Edit ${form.title}`}
                >
                  <BlockStack gap="100">
                    <Text as="h3" variant="headingSm">
                      {form.title}
                    </Text>
                    <Text as="p" tone="subdued">
                      {form.description}
                    </Text>
                  </BlockStack>
                </ResourceItem>
              )}
            />
          </Card>
        </Layout.Section>
        <Layout.Section variant="oneThird">
          <Card>
            <BlockStack gap="200">
              <Text as="h2" variant="headingMd">
                Version history
              </Text>
              <Text as="p" tone="subdued">
                Every decision the app makes cites the version it used.
              </Text>
              <DataTable
                columnContentTypes={["numeric", "text", "text"]}
                headings={["Version", "Changed", "Saved"]}
                rows={versions.map((v) => [
                  v.version,
                  v.changed,
                  new Date(v.createdAt).toLocaleString(),
                ])}
              />
            </BlockStack>
          </Card>
        </Layout.Section>
      </Layout>
    </Page>
  );
}
