/** @jsxImportSource preact */
import "@shopify/ui-extensions/preact";
import { render } from "preact";
import { trialTerms, type PublishedTrialPolicy } from "./terms";

export default async () => {
  render(<TrialTerms />, document.body);
};

function readPolicy(): PublishedTrialPolicy | null {
  const entry = shopify.appMetafields.value.find(
    (e) => e.target.type === "shop" && e.metafield.key === "policy",
  );
  if (!entry) return null;
  try {
    return JSON.parse(String(entry.metafield.value)) as PublishedTrialPolicy;
  } catch {
    return null;
  }
}

function TrialTerms() {
  const planIds = shopify.lines.value.map((line) =>
    "sellingPlan" in line.merchandise ? line.merchandise.sellingPlan?.id : undefined,
  );
  const terms = trialTerms(readPolicy(), planIds, (minor) =>
    shopify.i18n.formatCurrency(minor / 100),
  );
  if (!terms) return null;
  return (
    <s-banner heading={terms.heading} tone="info">
      <s-stack gap="small-200">
        {terms.lines.map((line) => (
          <s-text key={line}>{line}</s-text>
        ))}
      </s-stack>
    </s-banner>
  );
}
