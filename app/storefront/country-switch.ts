import { escapeHtml, proxyPage } from "./html";

// The Delivery block's country switch, on a page of its own: Shopify changes
// localization.country only through its localization form (POST /localization with country_code
// and return_to, https://shopify.dev/docs/storefronts/themes/markets/multiple-currencies-languages),
// and the block may sit inside the theme's product form, where a form of its own cannot nest.
// One button per country: no JavaScript needed.

export interface CountrySwitch {
  /** The storefront path to come back to. */
  returnTo: string;
  /** The store's countries (ISO codes), as the block lists them. */
  countries: string[];
  current: string | null;
}

export function countrySwitchPage({ returnTo, countries, current }: CountrySwitch): Response {
  const names = new Intl.DisplayNames(["en"], { type: "region" });
  const buttons = countries
    .map((code) => ({ code, name: names.of(code) ?? code }))
    .sort((a, b) => a.name.localeCompare(b.name))
    .map(
      ({ code, name }) =>
        `<p><button type="submit" name="country_code" value="${escapeHtml(code)}"${code === current ? ' aria-current="true"' : ""}>${escapeHtml(name)}</button></p>`,
    )
    .join("\n");
  return proxyPage(
    "Choose your country",
    `<h1>Choose your country</h1>
<p>Delivery times, costs and the home trial depend on where we ship.</p>
<form method="post" action="/localization" accept-charset="UTF-8">
<input type="hidden" name="form_type" value="localization"><input type="hidden" name="utf8" value="✓">
<input type="hidden" name="_method" value="put"><input type="hidden" name="return_to" value="${escapeHtml(returnTo)}">
${buttons}
</form>`,
  );
}
