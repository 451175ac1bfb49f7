import type { SandboxShop, SandboxStore } from "./store";

// The carrier stand-in. Shopify sells no return label without a carrier integration, so a US
// prepaid return label comes from a label provider the app is configured with. In the sandbox
// that provider is here (control API `POST /carrier/labels`): it "buys" a label (its cost on the
// ledger as `carrier.label`: the shipment the merchant covers), serves the label file, and
// answers tracking look-ups with the scans the control API made. The app then attaches label and
// tracking to the return with reverseDeliveryCreateWithShipping. Outbound labels (the exchange
// shipment the merchant covers for international customers) are bought the same way.

export interface CarrierLabel {
  id: string;
  direction: "return" | "outbound";
  orderId: string | null;
  carrier: string;
  service: string;
  trackingNumber: string;
  trackingUrl: string;
  labelUrl: string;
  cost: number;
  currency: string;
  createdAt: string;
  scans: { status: string; at: string }[];
}

/** Assumed rates: the pages state none. */
const RATES = {
  domestic: { carrier: "USPS", service: "Ground Advantage", cost: 895 },
  international: { carrier: "UPS", service: "Worldwide Expedited", cost: 3450 },
};

export const SCAN_STATUSES = [
  "label_printed",
  "in_transit",
  "out_for_delivery",
  "attempted_delivery",
  "delivered",
  "failure",
] as const;

export function buyLabel(
  store: SandboxStore,
  shop: SandboxShop,
  publicUrl: string,
  input: { direction?: string; orderId?: string | null; fromCountry?: string; toCountry?: string },
): CarrierLabel {
  const direction = input.direction === "outbound" ? "outbound" : "return";
  const countries = [input.fromCountry ?? "US", input.toCountry ?? "US"];
  const rate = countries.every((c) => c === "US") ? RATES.domestic : RATES.international;
  const id = store.id();
  const trackingNumber =
    rate.carrier === "USPS" ? `9400${id.slice(-18).padStart(18, "0")}` : `1Z${id.slice(-16)}`;
  const label: CarrierLabel = {
    id,
    direction,
    orderId: input.orderId ?? null,
    carrier: rate.carrier,
    service: rate.service,
    trackingNumber,
    trackingUrl: trackingUrlFor(rate.carrier, trackingNumber),
    labelUrl: `${publicUrl}/__sandbox/carrier/labels/${id}.pdf`,
    cost: rate.cost,
    currency: shop.currencyCode,
    createdAt: store.now(),
    scans: [{ status: "label_printed", at: store.now() }],
  };
  shop.carrierLabels.push(label);
  store.record({
    shop: shop.domain,
    kind: "carrier.label",
    orderGid: label.orderId,
    amount: { amount: (label.cost / 100).toFixed(2), currencyCode: label.currency },
    details: {
      direction,
      carrier: label.carrier,
      service: label.service,
      trackingNumber,
      labelUrl: label.labelUrl,
    },
  });
  return label;
}

export function trackingUrlFor(carrier: string, number: string) {
  return carrier === "USPS"
    ? `https://tools.usps.com/go/TrackConfirmAction?tLabels=${number}`
    : `https://www.ups.com/track?tracknum=${number}`;
}

/** The carrier's name from a tracking number or URL, as Shopify shows it (best effort). */
export function carrierFor(number: string | null, url: string | null): string | null {
  const text = `${number ?? ""} ${url ?? ""}`;
  if (/usps/i.test(text) || /^9[2-5]\d{18,}/.test(number ?? "")) return "USPS";
  if (/ups\.com/i.test(text) || /^1Z/i.test(number ?? "")) return "UPS";
  if (/canadapost/i.test(text)) return "Canada Post";
  if (/royalmail/i.test(text)) return "Royal Mail";
  if (/dhl/i.test(text)) return "DHL Express";
  if (/fedex/i.test(text)) return "FedEx";
  return number || url ? "Other" : null;
}

/** A minimal PDF, enough for a label link to open. */
export function labelPdf(label: CarrierLabel): string {
  const text = `${label.carrier} ${label.service} ${label.trackingNumber}`;
  return `%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 288 432]>>endobj\n% ${text}\ntrailer<</Root 1 0 R>>\n%%EOF\n`;
}
