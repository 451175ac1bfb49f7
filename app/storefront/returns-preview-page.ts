import { escapeHtml as h } from "./html";
import { hidden, page, tools, type PortalContext } from "./returns-pages";

// The portal's preview: the exact refund, credit and fees of the lines asked for, who ships the
// parcel back (a prepaid label, or the shopper with a tracking link and the HS code), before
// anything is submitted. The form carries the same fields on to submit (or back to change them).

export interface PreviewData {
  currency: string;
  items: readonly {
    title: string;
    quantity: number;
    value: number;
    outcome: string | null;
    refund: number;
    storeCredit: number;
    handlingFee: number;
    restockingFee: number;
    exchange: { title: string } | null;
  }[];
  totals: { value: number; refund: number; storeCredit: number; handlingFee: number };
  shipping: { prepaidLabel: boolean; trackingRequired: boolean; hsCode: string | null };
  outboundExchange: { covered: boolean } | null;
  review: readonly string[];
}

export function previewPage(
  ctx: PortalContext,
  order: { id: string; name: string },
  preview: PreviewData,
  carry: Record<string, string>,
) {
  const { t, f } = tools(ctx);
  const m = (amount: number) => f.money(amount, preview.currency);
  const items = preview.items
    .map((i) => {
      const lines = [
        `<strong>${h(t("preview.item", { title: i.title, quantity: i.quantity }))}</strong> · ${h(m(i.value))}`,
      ];
      if (i.outcome === "refund") {
        lines.push(h(t("preview.refund", { amount: m(i.refund) })));
        if (i.handlingFee)
          lines.push(
            `<span data-fee="${i.handlingFee}">${h(t("preview.handlingFee", { amount: m(i.handlingFee) }))}</span>`,
          );
      } else if (i.outcome === "store_credit") {
        lines.push(h(t("preview.credit", { amount: m(i.storeCredit) })));
        if (i.restockingFee)
          lines.push(h(t("preview.restockingFee", { amount: m(i.restockingFee) })));
        else if (!i.handlingFee) lines.push(h(t("preview.noFee")));
      } else if (i.outcome === "exchange") {
        lines.push(h(t("preview.exchange", { title: i.exchange?.title ?? "" })));
      }
      return `<li data-outcome="${h(i.outcome ?? "")}">${lines.join("<br>")}</li>`;
    })
    .join("");
  const totals = [
    `<p>${h(t("preview.value", { amount: m(preview.totals.value) }))}</p>`,
    preview.totals.refund
      ? `<p data-total-refund="${preview.totals.refund}"><strong>${h(t("preview.totalRefund", { amount: m(preview.totals.refund) }))}</strong></p>`
      : "",
    preview.totals.storeCredit
      ? `<p data-total-credit="${preview.totals.storeCredit}"><strong>${h(t("preview.totalCredit", { amount: m(preview.totals.storeCredit) }))}</strong></p>`
      : "",
  ].join("");
  const shipping = preview.shipping.trackingRequired
    ? `<p>${h(t("preview.shipIntl"))}</p>${preview.shipping.hsCode ? `<p data-hs-code="${h(preview.shipping.hsCode)}">${h(t("preview.hsCode", { hs: preview.shipping.hsCode }))}</p>` : ""}`
    : preview.shipping.prepaidLabel
      ? `<p>${h(t("preview.labelUs"))}</p>`
      : "";
  const exchange = preview.outboundExchange
    ? `<p>${h(t(preview.outboundExchange.covered ? "preview.exchangeCovered" : "preview.exchangeNotCovered"))}</p>`
    : "";
  const review = preview.review.length ? `<p class="fr-note">${h(t("preview.review"))}</p>` : "";
  const fields = Object.entries(carry)
    .filter(([k]) => k !== "intent")
    .map(([k, v]) => hidden(k, v))
    .join("");
  return page(
    ctx,
    `<h1>${h(t("preview.heading"))}</h1><p>${h(t("order.heading", { name: order.name }))}</p>
<div class="fr-note" data-preview><ul>${items}</ul>${totals}</div>${shipping}${exchange}${review}
<form method="post" data-form="submit"><input type="hidden" name="intent" value="submit">${fields}<p><button type="submit">${h(t("preview.confirm"))}</button></p></form>
<form method="post" data-form="change"><input type="hidden" name="intent" value="edit">${fields}<p><button type="submit">${h(t("preview.change"))}</button></p></form>`,
  );
}
