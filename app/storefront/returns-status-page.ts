import { escapeHtml as h, proxyPage } from "./html";
import { formatters, translator, type MessageKey } from "./i18n";
import { bannerHtml, withQuery, type Banner, type PortalContext } from "./returns-pages";

// A return's status page (/apps/fitting-room/returns/<id>): each step with its date, what
// remains, the prepaid label (US) or the tracking form with the HS code (international), and
// the choice a worn pair asks for. Plain forms, no JavaScript.

export interface StatusPageData {
  id: string;
  orderId: string;
  orderName: string;
  status: string;
  next: string;
  steps: readonly { key: string; at: string | null }[];
  declineNote: string | null;
  labelUrl: string | null;
  trackingNumber: string | null;
  trackingUrl: string | null;
  trackingRequired: boolean;
  hsCode: string | null;
  currency: string;
  totals: { refund: number; storeCredit: number; handlingFee: number; restockingFee: number };
  lines: readonly {
    id: string;
    title: string;
    quantity: number;
    outcome: string | null;
    exchangeTitle: string | null;
    choice: { offered: readonly string[]; restockingFeePercent: number } | null;
  }[];
  history: readonly { at: string; message: string }[];
}

export function statusPage(
  ctx: PortalContext,
  c: StatusPageData,
  b: Banner | null,
  values: Record<string, string> = {},
  status = 200,
) {
  const t = translator(ctx.locale);
  const f = formatters(ctx.locale, ctx.timeZone);
  const m = (amount: number) => f.money(amount, c.currency);
  const note = bannerHtml(ctx.locale, b);
  const steps = c.steps
    .map(
      (s) =>
        `<li data-step="${h(s.key)}" data-done="${s.at ? "yes" : "no"}"><strong>${h(t(`step.${s.key}` as MessageKey))}</strong> · ${h(s.at ? f.date(s.at) : t("status.pending"))}</li>`,
    )
    .join("");
  const lines = c.lines
    .map(
      (l) =>
        `<li data-case-line="${h(l.id)}">${h(l.title)} × ${l.quantity}${l.exchangeTitle ? ` → ${h(l.exchangeTitle)}` : ""}</li>`,
    )
    .join("");
  const hidden = (name: string, value: string | null) =>
    value ? `<input type="hidden" name="${name}" value="${h(value)}">` : "";
  const carry = `${hidden("token", ctx.token)}${hidden("locale", ctx.locale === "en" ? null : ctx.locale)}`;
  const label =
    c.labelUrl && !c.trackingRequired
      ? `<p><a href="${h(c.labelUrl)}" data-label target="_blank" rel="noopener">${h(t("status.label"))}</a></p>`
      : "";
  const hs =
    c.trackingRequired && c.hsCode
      ? `<p data-hs-code="${h(c.hsCode)}">${h(t("preview.hsCode", { hs: c.hsCode }))}</p>`
      : "";
  const tracking = c.trackingRequired
    ? c.trackingNumber
      ? `<p data-tracking>${h(t("tracking.sent", { number: c.trackingNumber }))}${c.trackingUrl ? ` · <a href="${h(c.trackingUrl)}" rel="noopener">${h(c.trackingUrl)}</a>` : ""}</p>`
      : c.next === "enter_tracking"
        ? `<form method="post" data-form="tracking"><input type="hidden" name="intent" value="tracking">${carry}
<fieldset><legend>${h(t("tracking.heading"))}</legend>
<label>${h(t("tracking.number"))} <input name="trackingNumber" required maxlength="40" value="${h(values.trackingNumber ?? "")}"></label>
<label>${h(t("tracking.url"))} <input name="trackingUrl" type="url" maxlength="500" value="${h(values.trackingUrl ?? "")}" placeholder="https://"></label>
<p><button type="submit">${h(t("tracking.submit"))}</button></p></fieldset></form>`
        : ""
    : "";
  const choices = c.lines
    .filter((l) => l.choice)
    .map(
      (
        l,
      ) => `<form method="post" data-form="choice"><input type="hidden" name="intent" value="choice">${carry}<input type="hidden" name="lineId" value="${h(l.id)}">
<fieldset><legend>${h(t("choice.heading", { title: l.title }))}</legend>${(l.choice?.offered ?? [])
        .map(
          (o, i) =>
            `<label><input type="radio" name="outcome" value="${h(o)}"${i === 0 ? " checked" : ""}> ${h(
              o === "store_credit"
                ? t("choice.store_credit", { percent: l.choice?.restockingFeePercent ?? 0 })
                : t("choice.send_back"),
            )}</label>`,
        )
        .join("")}<p><button type="submit">${h(t("choice.submit"))}</button></p></fieldset></form>`,
    )
    .join("");
  const totals =
    c.totals.refund || c.totals.storeCredit
      ? `<p data-totals>${h(
          t("status.totals", {
            refund: m(c.totals.refund),
            credit: m(c.totals.storeCredit),
            fees: m(c.totals.handlingFee + c.totals.restockingFee),
          }),
        )}</p>`
      : "";
  const history = c.history.length
    ? `<h2>${h(t("status.history"))}</h2><ul>${c.history
        .map((e) => `<li>${h(f.date(e.at))} · ${h(e.message)}</li>`)
        .join("")}</ul>`
    : "";
  return proxyPage(
    t("title"),
    `<h1>${h(t("status.heading", { name: c.orderName }))}</h1>${note}
<p data-status="${h(c.status)}"><strong>${h(t(`state.${c.status}` as MessageKey))}</strong></p>
<ul>${lines}</ul>${totals}
<h2>${h(t("status.steps"))}</h2><ol>${steps}</ol>
<h2>${h(t("status.next"))}</h2><p data-next="${h(c.next)}">${h(t(`next.${c.next}` as MessageKey))}</p>${c.declineNote ? `<p class="fr-note">${h(c.declineNote)}</p>` : ""}
${label}${hs}${tracking}${choices}${history}
<p><a href="${h(withQuery(ctx.base, ctx, { order: c.orderId }))}">${h(t("status.back"))}</a></p>`,
    status,
    ctx.locale,
  );
}
