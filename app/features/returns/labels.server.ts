import { parseMoneyInput } from "~/domain/money";
import { sandboxUrl } from "~/platform/sandbox-routing.server";

// Prepaid return labels. Shopify sells no return label without a carrier integration, so the app
// buys one from a label provider and attaches it to the return (reverseDeliveryCreateWithShipping).
// Offline, the sandbox's carrier stand-in is that provider. With none configured the merchant
// attaches the label in Shopify and the return's page says so.

export interface BoughtLabel {
  labelUrl: string;
  trackingNumber: string;
  trackingUrl: string | null;
  carrier: string;
  costMinor: number;
}

export function labelsAvailable(env: Record<string, string | undefined> = process.env): boolean {
  return Boolean(sandboxUrl(env) ?? env.RETURN_LABEL_PROVIDER_URL);
}

/**
 * Buys a return label for an order's parcel. The provider contract: POST JSON
 * `{ shop, orderId, direction: "return" }` → `{ labelUrl, trackingNumber, trackingUrl, carrier,
 * cost: "8.95" }`. The caller performs this under an effect key, so it is bought once.
 */
export async function buyReturnLabel(
  shop: string,
  orderGid: string,
  currency: string,
  env: Record<string, string | undefined> = process.env,
): Promise<BoughtLabel> {
  const sandbox = sandboxUrl(env);
  const url = sandbox ? `${sandbox}/__sandbox/carrier/labels` : env.RETURN_LABEL_PROVIDER_URL;
  if (!url) throw new Error("no return label provider is configured");
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", "x-sandbox-shop": shop },
    body: JSON.stringify({ shop, orderId: orderGid, direction: "return" }),
  });
  if (!response.ok) throw new Error(`label provider answered ${response.status}`);
  const body = (await response.json()) as {
    labelUrl: string;
    trackingNumber: string;
    trackingUrl?: string | null;
    carrier: string;
    cost?: string | { amount: string };
  };
  const cost = parseMoneyInput(
    typeof body.cost === "string" ? body.cost : (body.cost?.amount ?? "0"),
    currency,
  );
  return {
    labelUrl: body.labelUrl,
    trackingNumber: body.trackingNumber,
    trackingUrl: body.trackingUrl ?? null,
    carrier: body.carrier,
    costMinor: cost.ok ? cost.amount : 0,
  };
}
