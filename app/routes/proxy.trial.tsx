import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { escapeHtml, proxyPage } from "~/storefront/html";
import {
  saveShopperChoices,
  shopperTrials,
  type ShopperChoiceResult,
} from "~/features/trial/index.server";
import { proxyShopper, readProxyForm } from "~/storefront/proxy-shopper.server";

// /apps/fitting-room/trial on the storefront: the shopper's keep/return page. Shopify signs the
// proxy query (verified by authenticate.public.appProxy) and names the logged-in customer; a
// shopper only ever sees and changes their own trials.

async function render(shop: string, customerGid: string, result: ShopperChoiceResult | null) {
  const trials = await shopperTrials(shop, customerGid);
  const banner = result
    ? `<p class="${result.ok ? "fr-note" : "fr-error"}" role="status">${escapeHtml(result.ok ? result.message : `${result.field}: ${result.message}`)}</p>`
    : "";
  if (trials.length === 0)
    return proxyPage(
      "Your home trial",
      `<h1>Your home trial</h1>${banner}<p>You have no trial boxes on this account.</p>`,
    );
  const sections = trials
    .map((t) => {
      const lines = t.lines
        .map((l) => {
          const name = `choice:${l.lineItemGid}`;
          const fixed = l.returned ? "Returned" : l.inTransit ? "On its way back" : null;
          return `<div class="fr-line"><span>${escapeHtml(l.label)} · ${escapeHtml(l.price)}</span>${
            fixed || !t.open
              ? `<em>${escapeHtml(fixed ?? l.choice)}</em>`
              : `<span><label><input type="radio" name="${escapeHtml(name)}" value="keep" ${l.choice === "keep" ? "checked" : ""}> Keep</label>
                 <label><input type="radio" name="${escapeHtml(name)}" value="return" ${l.choice === "return" ? "checked" : ""}> Return</label></span>`
          }</div>`;
        })
        .join("");
      const form = t.open
        ? `<form method="post" data-trial="${escapeHtml(t.id)}"><input type="hidden" name="trialId" value="${escapeHtml(t.id)}">${lines}
           ${t.exchangesAllowed > 0 ? `<label>Need another size? Your box includes ${t.exchangesAllowed} free exchange(s): <input name="exchange" maxlength="200" placeholder="e.g. Little Black Heels in 8 Wide"></label>` : ""}
           <p><button type="submit">Save my choices</button></p></form>`
        : lines;
      return `<fieldset><legend>Order ${escapeHtml(t.orderName)}${t.window ? ` · last day ${escapeHtml(t.window.lastDay)}` : ""}</legend>${form}<p class="fr-note" data-summary>${escapeHtml(t.summary)}</p></fieldset>`;
    })
    .join("");
  return proxyPage(
    "Your home trial",
    `<h1>Your home trial</h1>${banner}<p>Mark what you keep and what you send back with the prepaid label in your box.</p>${sections}`,
    result && !result.ok ? 422 : 200,
  );
}

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const shopper = await proxyShopper(request, "Your home trial");
  if (!shopper.ok) return shopper.response;
  return render(shopper.shop, shopper.customerGid, null);
};

const choicesSchema = z.object({
  trialId: z.string().min(1, "Choose a trial"),
  exchange: z
    .string()
    .trim()
    .max(200, "Keep the exchange request under 200 characters")
    .transform((v) => v || null)
    .nullable()
    .catch(null),
  choices: z
    .array(
      z.object({
        lineItemGid: z.string().startsWith("gid://shopify/LineItem/"),
        choice: z.enum(["keep", "return"]),
      }),
    )
    .min(1, "Choose keep or return for at least one pair"),
});

export const action = async ({ request }: ActionFunctionArgs) => {
  const shopper = await proxyShopper(request, "Your home trial");
  if (!shopper.ok) return shopper.response;
  const { shop, customerGid } = shopper;
  const form = await readProxyForm(request);
  const parsed = choicesSchema.safeParse({
    trialId: form.get("trialId"),
    exchange: form.get("exchange"),
    choices: [...form.entries()]
      .filter(([k]) => k.startsWith("choice:"))
      .map(([k, v]) => ({ lineItemGid: k.slice("choice:".length), choice: v })),
  });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return render(shop, customerGid, {
      ok: false,
      field: String(issue?.path[0] ?? "form"),
      message: issue?.message ?? "Invalid",
    });
  }
  return render(shop, customerGid, await saveShopperChoices(shop, customerGid, parsed.data));
};
