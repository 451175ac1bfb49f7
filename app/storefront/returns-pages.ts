import { SIZES, WIDTHS } from "~/domain/fit-profile";
import { escapeHtml as h, proxyPage } from "./html";
import { formatters, translator, type Locale, type MessageKey } from "./i18n";
import { lineField, PORTAL_FIT_FEEDBACK, PORTAL_REASONS } from "./returns-form";

// The return portal's pages (/apps/fitting-room/returns), plain HTML forms that work without
// JavaScript: find the order, pick the lines with a reason, fit feedback and an outcome, then the
// preview with the exact refund, credit and fees before anything is submitted. Every word goes
// through `t`; every value through `escapeHtml`.

export interface PortalContext {
  locale: Locale;
  /** The storefront path of the portal, e.g. /apps/fitting-room/returns. */
  base: string;
  /** The storefront path of the app proxy, e.g. /apps/fitting-room. */
  prefix: string;
  token: string | null;
  /** The shop's zone: instants (a request, a refund) are shown as its calendar days. */
  timeZone: string;
}

export type Banner =
  { ok: boolean; key: MessageKey } | { ok: false; field: string; message: string };

export function bannerHtml(locale: Locale, b: Banner | null): string {
  if (!b) return "";
  const t = translator(locale);
  if ("key" in b)
    return b.ok
      ? `<p class="fr-note" role="status" data-result>${h(t(b.key))}</p>`
      : `<p class="fr-error" role="alert" data-error="${h(b.key)}">${h(t(b.key))}</p>`;
  return `<p class="fr-error" role="alert" data-error="${h(b.field)}">${h(t("error.field", { field: b.field, message: b.message }))}</p>`;
}

interface OrderLine {
  lineItemGid: string;
  title: string;
  variantTitle: string | null;
  quantity: number;
  returnable: boolean;
  declineCode: string | null;
  offered: readonly string[];
  lastDay: string | null;
  elsewhere: "trial" | "fit" | null;
  exchange: readonly {
    variantGid: string;
    title: string;
    inStock: boolean;
    madeToOrderShipDate: string | null;
    available: boolean;
  }[];
}
export interface OrderPageData {
  id: string;
  name: string;
  placedAt: string;
  currency: string;
  handlingFee: number;
  marketplace: { label: string; instructions: string } | null;
  lines: readonly OrderLine[];
  cases: readonly { id: string; requestedAt: string; status: string }[];
}

export const tools = (ctx: PortalContext) => ({
  t: translator(ctx.locale),
  f: formatters(ctx.locale, ctx.timeZone),
});

export function withQuery(path: string, ctx: PortalContext, extra: Record<string, string> = {}) {
  const q = new URLSearchParams(extra);
  if (ctx.token) q.set("token", ctx.token);
  if (ctx.locale !== "en") q.set("locale", ctx.locale);
  const text = q.toString();
  return text ? `${path}?${text}` : path;
}

const banner = (ctx: PortalContext, b: Banner | null) => bannerHtml(ctx.locale, b);

export function page(ctx: PortalContext, body: string, status = 200) {
  return proxyPage(translator(ctx.locale)("title"), body, status, ctx.locale);
}

export const hidden = (name: string, value: string | null | undefined) =>
  value ? `<input type="hidden" name="${h(name)}" value="${h(value)}">` : "";

function select(name: string, options: [string, string][], selected: string | undefined) {
  return `<select name="${h(name)}">${options
    .map(
      ([v, label]) =>
        `<option value="${h(v)}"${v === selected ? " selected" : ""}>${h(label)}</option>`,
    )
    .join("")}</select>`;
}

export function findPage(
  ctx: PortalContext,
  signInUrl: string,
  b: Banner | null,
  values: { orderName?: string; email?: string } = {},
  status = 200,
) {
  const { t } = tools(ctx);
  return page(
    ctx,
    `<h1>${h(t("title"))}</h1>${banner(ctx, b)}
<form method="post" data-form="find"><input type="hidden" name="intent" value="find">${hidden("locale", ctx.locale === "en" ? null : ctx.locale)}
<fieldset><legend>${h(t("find.heading"))}</legend><p>${h(t("find.intro"))}</p>
<label>${h(t("find.orderName"))} <input name="orderName" required maxlength="20" value="${h(values.orderName ?? "")}" autocomplete="off"></label>
<label>${h(t("find.email"))} <input name="email" type="email" required maxlength="254" value="${h(values.email ?? "")}" autocomplete="email"></label>
<p><button type="submit">${h(t("find.submit"))}</button></p></fieldset></form>
<p>${h(t("find.signIn"))} <a href="${h(signInUrl)}">${h(t("find.signInLink"))}</a></p>`,
    status,
  );
}

export function ordersPage(
  ctx: PortalContext,
  orders: readonly { id: string; name: string; placedAt: string }[],
  b: Banner | null = null,
) {
  const { t, f } = tools(ctx);
  const list = orders.length
    ? `<ul>${orders
        .map(
          (o) =>
            `<li data-order="${h(o.id)}"><strong>${h(o.name)}</strong> · ${h(t("order.placed", { date: f.date(o.placedAt) }))} · <a href="${h(withQuery(ctx.base, ctx, { order: o.id }))}">${h(t("orders.open"))}</a></li>`,
        )
        .join("")}</ul>`
    : `<p>${h(t("orders.none"))}</p>`;
  return page(
    ctx,
    `<h1>${h(t("title"))}</h1>${banner(ctx, b)}<h2>${h(t("orders.heading"))}</h2>${list}`,
  );
}

function declineText(
  ctx: PortalContext,
  line: OrderLine,
  marketplace: OrderPageData["marketplace"],
) {
  const { t, f } = tools(ctx);
  const code = line.declineCode ?? "already_returned";
  if (code === "marketplace" && marketplace)
    return t("decline.marketplace", { label: marketplace.label });
  if (code === "window_ended")
    return t("decline.window_ended", { date: f.date(line.lastDay ?? "") });
  const key = `decline.${code}` as MessageKey;
  return t(key);
}

function lineForm(
  ctx: PortalContext,
  order: OrderPageData,
  line: OrderLine,
  i: number,
  v: Record<string, string>,
) {
  const { t, f } = tools(ctx);
  const name = (n: string) => lineField(i, n);
  const ticked = v[name("selected")] ? " checked" : "";
  const qty = Array.from(
    { length: line.quantity },
    (_, k) => [String(k + 1), String(k + 1)] as [string, string],
  );
  const outcomes = line.offered
    .map((o) => {
      const label =
        o === "refund"
          ? t("outcome.refund", { fee: f.money(order.handlingFee, order.currency) })
          : t(`outcome.${o}` as MessageKey);
      const checked = (v[name("outcome")] ?? line.offered[0]) === o ? " checked" : "";
      return `<label><input type="radio" name="${h(name("outcome"))}" value="${h(o)}"${checked}> ${h(label)}</label>`;
    })
    .join("");
  const exchange = line.offered.includes("exchange")
    ? line.exchange.some((e) => e.available)
      ? `<label>${h(t("exchange.label"))} ${select(
          name("exchange"),
          [
            ["", t("exchange.pick")],
            ...line.exchange
              .filter((e) => e.available)
              .map((e): [string, string] => [
                e.variantGid,
                e.inStock
                  ? t("exchange.inStock", { title: e.title })
                  : t("exchange.mto", {
                      title: e.title,
                      date: f.date(e.madeToOrderShipDate ?? ""),
                    }),
              ]),
          ],
          v[name("exchange")],
        )}</label>`
      : `<p class="fr-note">${h(t("exchange.none"))}</p>`
    : "";
  const creditOnly =
    line.offered.length === 1 && line.offered[0] === "store_credit"
      ? `<p>${h(t("outcome.creditOnly"))}</p>`
      : "";
  return `${hidden(name("gid"), line.lineItemGid)}
<label><input type="checkbox" name="${h(name("selected"))}" value="1"${ticked}> ${h(t("line.select"))}</label>
${line.quantity > 1 ? `<label>${h(t("line.quantity"))} ${select(name("quantity"), qty, v[name("quantity")])}</label>` : hidden(name("quantity"), "1")}
<label>${h(t("reason.label"))} ${select(
    name("reason"),
    PORTAL_REASONS.map((r) => [r, t(`reason.${r}`)]),
    v[name("reason")],
  )}</label>
<label>${h(t("fit.label"))} ${select(name("fit"), [["", t("fit.none")], ...PORTAL_FIT_FEEDBACK.map((x): [string, string] => [x, t(`fit.${x}`)])], v[name("fit")])}</label>
<label>${h(t("wanted.size"))} ${select(name("size"), [["", t("wanted.unsure")], ...SIZES.map((s): [string, string] => [s, s])], v[name("size")])}</label>
<label>${h(t("wanted.width"))} ${select(name("width"), [["", t("wanted.unsure")], ...WIDTHS.map((w): [string, string] => [w, w])], v[name("width")])}</label>
<label>${h(t("note.label"))} <textarea name="${h(name("note"))}" maxlength="500" rows="2">${h(v[name("note")] ?? "")}</textarea></label>
<div role="radiogroup"><p>${h(t("outcome.label"))}</p>${creditOnly}${outcomes}</div>${exchange}`;
}

export function orderPage(
  ctx: PortalContext,
  order: OrderPageData,
  b: Banner | null = null,
  values: Record<string, string> = {},
  status = 200,
) {
  const { t, f } = tools(ctx);
  const head = `<h1>${h(t("order.heading", { name: order.name }))}</h1><p>${h(t("order.placed", { date: f.date(order.placedAt) }))}</p>${banner(ctx, b)}`;
  const cases = order.cases.length
    ? `<h2>${h(t("order.cases"))}</h2><ul>${order.cases
        .map(
          (c) =>
            `<li data-case="${h(c.id)}">${h(f.date(c.requestedAt))} · ${h(t(`state.${c.status}` as MessageKey))} · <a href="${h(withQuery(`${ctx.base}/${c.id}`, ctx))}">${h(t("order.viewCase"))}</a></li>`,
        )
        .join("")}</ul>`
    : "";
  if (order.marketplace)
    return page(
      ctx,
      `${head}<div class="fr-note" data-marketplace><p><strong>${h(t("decline.marketplace", { label: order.marketplace.label }))}</strong></p><p>${h(order.marketplace.instructions)}</p></div>${cases}`,
      status,
    );
  const rows = order.lines
    .map((line, i) => {
      const title = `${line.title}${line.variantTitle ? ` — ${line.variantTitle}` : ""}`;
      const lastDay =
        line.lastDay && line.returnable
          ? ` · ${h(t("line.returnBy", { date: f.date(line.lastDay) }))}`
          : "";
      const legend = `<legend>${h(title)}${lastDay}</legend>`;
      if (line.returnable)
        return `<fieldset data-line="${h(line.lineItemGid)}" data-returnable="yes">${legend}${lineForm(ctx, order, line, i, values)}</fieldset>`;
      const where = line.elsewhere
        ? ` <a href="${h(`${ctx.prefix}/${line.elsewhere}`)}" data-elsewhere="${line.elsewhere}">${h(t(line.elsewhere === "trial" ? "elsewhere.trial" : "elsewhere.fit"))}</a>`
        : "";
      return `<fieldset data-line="${h(line.lineItemGid)}" data-returnable="no">${legend}<p class="fr-note" data-why="${h(line.declineCode ?? "")}">${h(declineText(ctx, line, order.marketplace))}${where}</p></fieldset>`;
    })
    .join("");
  const any = order.lines.some((l) => l.returnable);
  const form = any
    ? `<form method="post" data-form="lines"><input type="hidden" name="intent" value="preview">${hidden("orderId", order.id)}${hidden("token", ctx.token)}${hidden("locale", ctx.locale === "en" ? null : ctx.locale)}${rows}<p><button type="submit">${h(t("preview.submit"))}</button></p></form>`
    : `${rows}<p>${h(t("order.nothing"))}</p>`;
  return page(ctx, `${head}${form}${cases}`, status);
}
