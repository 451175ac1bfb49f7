import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { formatMoney, money } from "~/domain/money";
import {
  ReferralActionError,
  ambassadorStatus,
  applyAmbassador,
  referralOffer,
} from "~/features/referrals/index.server";
import { refreshClock } from "~/platform/clock.server";
import { type AMBASSADOR_FIELDS, parseAmbassadorForm } from "~/storefront/ambassador-form";
import { escapeHtml as h, proxyPage } from "~/storefront/html";
import { pickLocale, translator, type MessageKey } from "~/storefront/i18n";
import {
  authenticateProxy,
  customerGidFromProxy,
  readProxyForm,
} from "~/storefront/proxy-shopper.server";

// /apps/fitting-room/ambassadors: a signed-in shopper applies to be an ambassador (own code and
// link, the ambassador reward). Plain form, no JavaScript; signed by the app proxy. The merchant
// approves or declines on the Referrals page.

async function context(request: Request) {
  const { session } = await authenticateProxy(request);
  await refreshClock();
  const url = new URL(request.url);
  const shop = session?.shop ?? url.searchParams.get("shop") ?? "";
  const locale = pickLocale(request);
  const customerGid = customerGidFromProxy(url.searchParams);
  return { shop, locale, t: translator(locale), customerGid };
}

type Ctx = Awaited<ReturnType<typeof context>>;

async function page(
  c: Ctx,
  error: { field: string; key: MessageKey } | null = null,
  values: Partial<Record<(typeof AMBASSADOR_FIELDS)[number], string>> = {},
  status = 200,
) {
  const { t } = c;
  const terms = await referralOffer(c.shop);
  const reward = formatMoney(
    money(terms.ambassadorReward, terms.currency),
    c.locale === "fr" ? "fr-FR" : "en-US",
  );
  const title = t("ambassadors.title");
  const head = `<h1>${h(title)}</h1><p>${h(t("ambassadors.offer", { reward }))}</p>`;
  const out = (body: string, code = status) => proxyPage(title, head + body, code, c.locale);
  if (!terms.enabled || !terms.ambassadorsEnabled)
    return out(`<p class="fr-note">${h(t("ambassadors.closed"))}</p>`);
  if (!c.customerGid)
    return out(
      `<p>${h(t("ambassadors.signIn"))} <a href="/account/login?return_url=/apps/fitting-room/ambassadors">${h(t("referrals.signInLink"))}</a></p>`,
    );
  const state = await ambassadorStatus(c.shop, c.customerGid);
  if (state === "approved")
    return out(
      `<p class="fr-note" data-ambassador-state="approved">${h(t("ambassadors.approved"))} <a href="/apps/fitting-room/referrals">${h(t("ambassadors.yourLink"))}</a></p>`,
    );
  if (state === "applied")
    return out(
      `<p class="fr-note" data-ambassador-state="applied">${h(t("ambassadors.applied"))}</p>`,
    );
  if (state === "declined")
    return out(
      `<p class="fr-note" data-ambassador-state="declined">${h(t("ambassadors.declined"))}</p>`,
    );
  const attrs = (name: (typeof AMBASSADOR_FIELDS)[number]) =>
    `name="${name}" id="fr-${name}" required${error?.field === name ? ` aria-invalid="true" aria-describedby="fr-error"` : ""}`;
  const label = (name: (typeof AMBASSADOR_FIELDS)[number], control: string) =>
    `<label for="fr-${name}">${h(t(`ambassadors.field.${name}`))}</label>${control}`;
  const alert = error
    ? `<p class="fr-error" role="alert" id="fr-error" data-error="${h(error.field)}">${h(t(error.key))}</p>`
    : "";
  return out(
    `${alert}<form method="post" action="/apps/fitting-room/ambassadors">
${label("name", `<input ${attrs("name")} size="40" maxlength="100" autocomplete="name" value="${h(values.name ?? "")}">`)}
${label("email", `<input ${attrs("email")} type="email" size="40" maxlength="200" autocomplete="email" value="${h(values.email ?? "")}">`)}
${label("socialHandle", `<input ${attrs("socialHandle")} size="40" maxlength="200" placeholder="@" value="${h(values.socialHandle ?? "")}">`)}
${label("why", `<textarea ${attrs("why")} rows="4" cols="40" maxlength="1000">${h(values.why ?? "")}</textarea>`)}
<button type="submit">${h(t("ambassadors.submit"))}</button></form>`,
  );
}

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const c = await context(request);
  if (!c.shop) return proxyPage("Error", "<p>Unknown shop.</p>", 400);
  return page(c);
};

export const action = async ({ request }: ActionFunctionArgs) => {
  const form = await readProxyForm(request);
  const c = await context(request);
  if (!c.shop) return proxyPage("Error", "<p>Unknown shop.</p>", 400);
  if (!c.customerGid) return page(c, null, {}, 401);
  const parsed = parseAmbassadorForm(form);
  if (!parsed.ok) return page(c, parsed, parsed.values, 422);
  try {
    await applyAmbassador(c.shop, c.customerGid, parsed.form);
  } catch (error) {
    if (error instanceof ReferralActionError)
      return page(c, { field: "form", key: "ambassadors.closed" }, parsed.values, 409);
    throw error;
  }
  return page(c, null, {}, 200);
};
