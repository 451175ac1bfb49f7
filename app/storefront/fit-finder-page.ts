import { SIZES, WIDTHS } from "~/domain/fit-profile";
import { widthCode, type FootNote, type Recommendation } from "~/domain/fit-recommend";
import { escapeHtml, proxyPage } from "./html";
import type { Translate } from "./i18n";

// The fit finder's words and pages: the sentences that say why a size is recommended (from the
// recommender's structured reasons), the question form, and the answer with a cart form. Plain
// HTML posted through the app proxy: it works without JavaScript; the block's script asks for
// the same answer as JSON.

export const FOOT_NOTES: readonly FootNote[] = ["wide_forefoot", "narrow_heel", "high_instep"];

const fit = (size: string, width: string) => `${size} ${widthCode(width)}`;

/** The sentences; `family` names the product type when the counts pool its other styles. */
export function explain(
  t: Translate,
  r: Recommendation,
  product: string,
  usual: string,
  family: string,
): string[] {
  const recommended = fit(r.size, r.width);
  return r.reasons.map((reason) => {
    // "kept a pair of Little Black Heels" / "kept a pair from our heels".
    const of = (scope: "product" | "family") =>
      scope === "family" ? t("fit.why.ofFamily", { family: family.toLowerCase() }) : product;
    switch (reason.kind) {
      case "from_data":
        return reason.peersKept === 0
          ? t("fit.why.fromDataNoneKept", { peers: reason.peers, usual, product: of(reason.scope) })
          : t("fit.why.fromData", {
              kept: reason.peersKept,
              usual,
              product: of(reason.scope),
              keptRecommended: reason.keptRecommended,
              recommended,
            });
      case "thin_data":
        if (reason.peers === 0) return t("fit.why.noData", { product });
        return t("fit.why.thinData", {
          peers: reason.peers,
          needed: reason.needed,
          product: of(reason.scope),
        });
      case "chart": {
        const halves = Math.abs(reason.offsetHalves);
        const offset =
          reason.offsetHalves === 0
            ? t("fit.why.chart.0", { product })
            : t(reason.offsetHalves > 0 ? "fit.why.chart.up" : "fit.why.chart.down", {
                product,
                halves,
              });
        return reason.widthRule === "as_usual"
          ? offset
          : `${offset} ${t(`fit.why.width.${reason.widthRule}`)}`;
      }
      case "between":
        return t(`fit.why.between.${reason.direction}`);
      case "note":
        return t(`fit.why.note.${reason.effect}`, { note: t(`fit.note.${reason.note}`) });
      case "returns_shift":
        return t("fit.why.shift", {
          count: reason.count,
          from: fit(reason.from.size, reason.from.width),
          feedback: t(`fit.feedback.${reason.feedback}`),
          recommended,
        });
    }
  });
}

export interface FinderPageContext {
  t: Translate;
  lang: string;
  product: { id: string; title: string; url: string | null };
  root: string;
}

function hidden(c: FinderPageContext) {
  return [
    ["product_id", c.product.id],
    ["product_url", c.product.url ?? ""],
    ["root", c.root],
    ["locale", c.lang],
  ]
    .map(([n, v]) => `<input type="hidden" name="${n}" value="${escapeHtml(v)}">`)
    .join("");
}

export function finderForm(
  c: FinderPageContext,
  yourSize: { size: string; width: string } | null,
  error: string | null = null,
  status = 200,
) {
  const { t } = c;
  // The most common answers preselected, as on the product page's block.
  const options = (list: readonly string[], chosen: string) =>
    list
      .map(
        (v) =>
          `<option value="${escapeHtml(v)}"${v === chosen ? " selected" : ""}>${escapeHtml(v)}</option>`,
      )
      .join("");
  const mine = yourSize
    ? `<p class="fr-note" data-your-size="${escapeHtml(`${yourSize.size} / ${yourSize.width}`)}"><strong>${escapeHtml(t("fit.yourSize", yourSize))}</strong><br>${escapeHtml(t("fit.yourSizeWhy"))}</p>`
    : "";
  const banner = error ? `<p class="fr-error" role="alert">${escapeHtml(error)}</p>` : "";
  return proxyPage(
    t("fit.title"),
    `<h1>${escapeHtml(t("fit.title"))}</h1>${mine}${banner}
<p>${escapeHtml(t("fit.intro", { product: c.product.title }))}</p>
<form method="post" data-fit-finder-form>${hidden(c)}
<label>${escapeHtml(t("fit.usualSize"))} <select name="usual_size">${options(SIZES, yourSize?.size ?? "8")}</select></label>
<label>${escapeHtml(t("fit.usualWidth"))} <select name="usual_width">${options(WIDTHS, yourSize?.width ?? "Medium")}</select></label>
<label><input type="checkbox" name="between" value="1"> ${escapeHtml(t("fit.between"))}</label>
<fieldset><legend>${escapeHtml(t("fit.notes"))}</legend>${FOOT_NOTES.map((n) => `<label><input type="checkbox" name="notes" value="${n}"> ${escapeHtml(t(`fit.note.${n}`))}</label>`).join("")}</fieldset>
<label>${escapeHtml(t("fit.brands"))} <input name="brands" maxlength="200"></label>
<button type="submit">${escapeHtml(t("fit.submit"))}</button>
</form>`,
    status,
    c.lang,
  );
}

export function finderAnswer(
  c: FinderPageContext,
  answer: {
    answerId: string;
    size: string;
    width: string;
    confidence: Recommendation["confidence"];
    sentences: string[];
    variant: { id: string; available: boolean } | null;
  },
) {
  const { t } = c;
  const pair = { size: answer.size, width: answer.width };
  const cart = answer.variant?.available
    ? `<form method="post" action="${escapeHtml(`${c.root}cart/add`)}">
<input type="hidden" name="id" value="${escapeHtml(answer.variant.id)}">
<input type="hidden" name="quantity" value="1">
<input type="hidden" name="properties[_fit_answer]" value="${escapeHtml(answer.answerId)}">
<button type="submit" data-fit-add>${escapeHtml(t("fit.add", pair))}</button></form>`
    : `<p>${escapeHtml(t("fit.soldOut", pair))}</p>`;
  const back = c.product.url
    ? `<p><a href="${escapeHtml(c.product.url)}">${escapeHtml(t("fit.back", { product: c.product.title }))}</a></p>`
    : "";
  return proxyPage(
    t("fit.title"),
    `<h1 data-recommended="${escapeHtml(`${answer.size} / ${answer.width}`)}">${escapeHtml(t("fit.recommended", pair))}</h1>
<p><strong>${escapeHtml(t(`fit.confidence.${answer.confidence}`))}</strong></p>
<ul data-fit-why>${answer.sentences.map((s) => `<li>${escapeHtml(s)}</li>`).join("")}</ul>
${cart}${back}`,
    200,
    c.lang,
  );
}
