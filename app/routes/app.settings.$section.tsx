import { useCallback, useEffect, useRef, useState } from "react";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useActionData, useLoaderData, useNavigation, useSubmit } from "@remix-run/react";
import { Button, InlineStack, Layout, Page, Text } from "@shopify/polaris";
import { SaveBar, useAppBridge } from "@shopify/app-bridge-react";
import { z } from "zod";
import { PolicyForm } from "~/components/PolicyForm";
import { SECTION_FORMS, sectionForPath } from "~/domain/policy/fields";
import { sectionFormValues } from "~/domain/policy/form";
import { authenticate } from "~/shopify.server";
import { getCurrentPolicy, savePolicySection } from "~/services/policy.server";
import { readAdminForm } from "~/platform/form-errors.server";

const SAVE_BAR_ID = "policy-settings-save-bar";

function sectionFrom(params: { section?: string }) {
  const section = sectionForPath(params.section ?? "");
  if (!section) throw new Response("Unknown settings page", { status: 404 });
  return section;
}

export const loader = async ({ request, params }: LoaderFunctionArgs) => {
  const { session } = await authenticate.admin(request);
  const section = sectionFrom(params);
  const policy = await getCurrentPolicy(session.shop);
  return json({
    section,
    version: policy.version,
    currency: policy.document.currency,
    values: sectionFormValues(policy.document, section),
  });
};

const expectedVersion = z.coerce.number().int().positive();

export const action = async ({ request, params }: ActionFunctionArgs) => {
  const { session, sessionToken } = await authenticate.admin(request);
  const section = sectionFrom(params);
  const form = await readAdminForm(request);
  const version = expectedVersion.safeParse(form.get("_version"));
  if (!version.success)
    return json(
      { ok: false as const, errors: { _form: "_version: missing form version" } },
      { status: 400 },
    );
  const entries = [...form.entries()]
    .filter(([name]) => !name.startsWith("_"))
    .map(([name, value]) => [name, typeof value === "string" ? value : ""] as [string, string]);
  const result = await savePolicySection(
    session.shop,
    section,
    entries,
    sessionToken?.sub ? String(sessionToken.sub) : session.shop,
    version.data,
  );
  return json(result, { status: result.ok ? 200 : 422 });
};

export default function SectionSettings() {
  const { section, version, currency, values } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const submit = useSubmit();
  const shopify = useAppBridge();
  const form = SECTION_FORMS[section];
  const [dirty, setDirty] = useState(false);
  const actions = useRef<{ values: () => Record<string, string>; reset: () => void } | null>(null);
  const registerActions = useCallback(
    (a: { values: () => Record<string, string>; reset: () => void }) => {
      actions.current = a;
    },
    [],
  );
  const saving = navigation.state === "submitting";
  const errors = actionData && !actionData.ok ? actionData.errors : {};

  useEffect(() => {
    if (actionData?.ok) shopify.toast.show(`Saved as version ${actionData.version}`);
  }, [actionData, shopify]);

  const save = () => {
    const data = new FormData();
    data.set("_version", String(version));
    for (const [name, value] of Object.entries(actions.current?.values() ?? {}))
      data.append(name, value);
    submit(data, { method: "post" });
  };

  return (
    <Page
      title={form.title}
      subtitle={form.description}
      backAction={{ content: "Settings", url: "/app/settings" }}
    >
      <SaveBar id={SAVE_BAR_ID} open={dirty}>
        <button variant="primary" onClick={save} disabled={saving}></button>
        <button onClick={() => actions.current?.reset()}></button>
      </SaveBar>
      <Layout>
        <Layout.Section>
          <PolicyForm
            key={`${section}:${version}`}
            form={form}
            initialValues={values}
            errors={errors}
            currency={currency}
            onDirtyChange={setDirty}
            registerActions={registerActions}
          />
        </Layout.Section>
        <Layout.Section>
          <InlineStack align="space-between" blockAlign="center">
            <Text as="p" tone="subdued">
              Policy version {version}. Saving keeps this version and adds a new one.
            </Text>
            <Button variant="primary" onClick={save} loading={saving} disabled={!dirty}>
              Save
            </Button>
          </InlineStack>
        </Layout.Section>
      </Layout>
    </Page>
  );
}
