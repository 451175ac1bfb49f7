import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { isValidFit } from "~/domain/fit-profile";
import { confirmFit, MtoActionError } from "~/features/made-to-order/index.server";
import {
  SIZE_CHOICES,
  WIDTH_CHOICES,
  formatLocalDate,
  shopperCases,
} from "~/features/made-to-order/index.server";
import { escapeHtml, proxyPage } from "~/storefront/html";
import { proxyShopper, readProxyForm } from "~/storefront/proxy-shopper.server";

// /apps/fitting-room/fit on the storefront: the shopper confirms the size of a made-to-order
// pair after trying the fitting pair. Signed by Shopify; a shopper sees only their own orders.

const TITLE = "Confirm your fit";

type Banner = { ok: true; message: string } | { ok: false; field: string; message: string };

function options(values: readonly string[], selected: string | null) {
  return values
    .map((v) => `<option ${v === selected ? "selected" : ""}>${escapeHtml(v)}</option>`)
    .join("");
}

async function render(shop: string, customerGid: string, banner: Banner | null, status = 200) {
  const cases = await shopperCases(shop, customerGid);
  const note = banner
    ? `<p class="${banner.ok ? "fr-note" : "fr-error"}" role="status" data-result>${escapeHtml(banner.ok ? banner.message : `${banner.field}: ${banner.message}`)}</p>`
    : "";
  if (cases.length === 0)
    return proxyPage(
      TITLE,
      `<h1>${TITLE}</h1>${note}<p>No made-to-order pairs on this account.</p>`,
      status,
    );
  const sections = cases
    .map((c) => {
      const head = `<legend>Order ${escapeHtml(c.orderName)} · ${escapeHtml(c.item)}</legend>`;
      if (!c.canConfirm)
        return `<fieldset data-case="${escapeHtml(c.id)}">${head}<p class="fr-note">${
          c.cancelled
            ? "Cancelled."
            : c.fitConfirmedAt
              ? `Fit confirmed. Your pair ships on <strong data-ship-date="${escapeHtml(c.shipDate)}">${escapeHtml(formatLocalDate(c.shipDate))}</strong>.`
              : `In production. Your pair ships on <strong data-ship-date="${escapeHtml(c.shipDate)}">${escapeHtml(formatLocalDate(c.shipDate))}</strong>.`
        }</p></fieldset>`;
      return `<fieldset data-case="${escapeHtml(c.id)}">${head}
<form method="post"><input type="hidden" name="caseId" value="${escapeHtml(c.id)}">
<p>How did the fitting pair in ${escapeHtml(c.size)} / ${escapeHtml(c.width)} feel?</p>
<label><input type="radio" name="feel" value="right" checked> Just right: make this size</label>
<label><input type="radio" name="feel" value="too_small"> Too small</label>
<label><input type="radio" name="feel" value="too_large"> Too large</label>
<label>Size to make <select name="size">${options(SIZE_CHOICES, c.size)}</select></label>
<label>Width <select name="width">${options(WIDTH_CHOICES, c.width)}</select></label>
<label>Anything our fitting team should know? <textarea name="notes" maxlength="1000" rows="3"></textarea></label>
<p>Production starts the day you confirm: confirm today and your pair ships on <strong data-ship-if-confirmed="${escapeHtml(c.shipIfConfirmedToday)}">${escapeHtml(formatLocalDate(c.shipIfConfirmedToday))}</strong>. Send the fitting pair back with the included label.</p>
<p><button type="submit">Confirm my size</button></p></form></fieldset>`;
    })
    .join("");
  return proxyPage(TITLE, `<h1>${TITLE}</h1>${note}${sections}`, status);
}

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const shopper = await proxyShopper(request, TITLE);
  if (!shopper.ok) return shopper.response;
  return render(shopper.shop, shopper.customerGid, null);
};

const confirmationSchema = z
  .object({
    caseId: z.string().min(1, "Choose an order"),
    feel: z.enum(["right", "too_small", "too_large"], { message: "Tell us how the pair felt" }),
    size: z.string(),
    width: z.string(),
    notes: z.string().trim().max(1000, "Keep notes under 1000 characters"),
  })
  .refine((v) => isValidFit(v.size, v.width), { message: "Pick a size and width", path: ["size"] });

export const action = async ({ request }: ActionFunctionArgs) => {
  const shopper = await proxyShopper(request, TITLE);
  if (!shopper.ok) return shopper.response;
  const { shop, customerGid } = shopper;
  const form = await readProxyForm(request);
  const parsed = confirmationSchema.safeParse({
    caseId: form.get("caseId") ?? "",
    feel: form.get("feel") ?? "",
    size: form.get("size") ?? "",
    width: form.get("width") ?? "",
    notes: form.get("notes") ?? "",
  });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = String(issue?.path[0] ?? "form");
    return render(shop, customerGid, { ok: false, field, message: issue?.message ?? "" }, 422);
  }
  const mine = (await shopperCases(shop, customerGid)).some((c) => c.id === parsed.data.caseId);
  if (!mine)
    return render(
      shop,
      customerGid,
      { ok: false, field: "caseId", message: "Not your order" },
      404,
    );
  try {
    const result = await confirmFit(shop, parsed.data.caseId, { ...parsed.data, by: "shopper" });
    const changed = result.sizeChange
      ? ` We are changing your order to ${parsed.data.size} / ${parsed.data.width}.`
      : "";
    return render(shop, customerGid, {
      ok: true,
      message: `Thank you! Your size is confirmed.${changed} Your pair ships on ${formatLocalDate(result.shipDate)}.`,
    });
  } catch (error) {
    if (!(error instanceof MtoActionError)) throw error;
    return render(
      shop,
      customerGid,
      { ok: false, field: error.field ?? "form", message: error.message },
      422,
    );
  }
};
