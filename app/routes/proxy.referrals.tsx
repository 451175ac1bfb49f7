import type { LoaderFunctionArgs } from "@remix-run/node";
import { formatMoney, money } from "~/domain/money";
import { referralOffer, shopperReferrals } from "~/features/referrals/index.server";
import { refreshClock } from "~/platform/clock.server";
import { shopTimeZone } from "~/platform/shops.server";
import { escapeHtml, proxyPage } from "~/storefront/html";
import { formatters, pickLocale, translator } from "~/storefront/i18n";
import { authenticateProxy, customerGidFromProxy } from "~/storefront/proxy-shopper.server";

// /apps/fitting-room/referrals on the storefront: "Give $20, get $20". Anyone sees the offer; a
// signed-in customer who may refer sees their link and code and each friend's order with its
// reward's state. Works without JavaScript (the copy buttons are a small enhancement).

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { session } = await authenticateProxy(request);
  await refreshClock();
  const url = new URL(request.url);
  const shop = session?.shop ?? url.searchParams.get("shop");
  if (!shop) return proxyPage("Error", "<p>Unknown shop.</p>", 400);
  const locale = pickLocale(request);
  const t = translator(locale);
  const f = formatters(locale, await shopTimeZone(shop));
  const terms = await referralOffer(shop);
  const fmt = (minor: number) =>
    formatMoney(money(minor, terms.currency), locale === "fr" ? "fr-FR" : "en-US");
  const friend =
    terms.friendReward.kind === "amount"
      ? fmt(terms.friendReward.amount)
      : `${terms.friendReward.percent}%`;
  const reward = fmt(terms.referrerReward);
  const title = t("referrals.title", { friend, reward });
  const offer = `<h1>${escapeHtml(title)}</h1><p>${escapeHtml(t("referrals.offer", { friend, reward, days: terms.returnWindowDays }))}</p>${
    terms.minimumOrder > 0
      ? `<p>${escapeHtml(t("referrals.minimum", { minimum: fmt(terms.minimumOrder) }))}</p>`
      : ""
  }`;
  const page = (body: string) => proxyPage(title, offer + body, 200, locale);
  if (!terms.enabled) return page(`<p class="fr-note">${escapeHtml(t("referrals.paused"))}</p>`);
  const customerGid = customerGidFromProxy(url.searchParams);
  if (!customerGid)
    return page(
      `<p>${escapeHtml(t("referrals.signIn"))} <a href="/account/login?return_url=/apps/fitting-room/referrals">${escapeHtml(t("referrals.signInLink"))}</a></p>`,
    );
  const mine = await shopperReferrals(shop, customerGid);
  if (!mine.eligible) return page(`<p class="fr-note">${escapeHtml(t("referrals.notYet"))}</p>`);
  const link = `https://${shop}/apps/fitting-room/r/${mine.code}`;
  const copy = (value: string) =>
    `<button type="button" data-copy="${escapeHtml(value)}" hidden>${escapeHtml(t("referrals.copy"))}</button>`;
  const rows = mine.referrals
    .map((r) => {
      const state = t(`referrals.state.${r.status}`, {
        reward: fmt(r.amount),
        date: r.windowLastDay ? f.date(r.windowLastDay) : "",
      });
      return `<div class="fr-line" data-referral-state="${escapeHtml(r.status)}"><span>${escapeHtml(r.friend ?? t("referrals.friend"))} · ${escapeHtml(t("referrals.ordered", { date: f.date(r.orderedAt) }))}</span><em>${escapeHtml(state)}</em></div>`;
    })
    .join("");
  return page(
    `<fieldset><legend>${escapeHtml(t("referrals.yourLink"))}</legend><p><input readonly size="48" value="${escapeHtml(link)}" data-referral-link> ${copy(link)}</p>
<p>${escapeHtml(t("referrals.yourCode"))}: <strong data-referral-code>${escapeHtml(mine.code)}</strong> ${copy(mine.code)}</p>
${mine.ready ? "" : `<p class="fr-note">${escapeHtml(t("referrals.preparing"))}</p>`}</fieldset>
<h2>${escapeHtml(t("referrals.list"))}</h2>${rows || `<p>${escapeHtml(t("referrals.none"))}</p>`}
<script>for(const b of document.querySelectorAll("[data-copy]")){b.hidden=false;b.onclick=()=>navigator.clipboard&&navigator.clipboard.writeText(b.dataset.copy)}</script>`,
  );
};
