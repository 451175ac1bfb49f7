/** @jsxImportSource preact */
import "@shopify/ui-extensions/preact";
import { render } from "preact";
import { useEffect, useState } from "preact/hooks";
import {
  loadOrderStatus,
  minorToMajor,
  sections,
  storefrontBase,
  type Formatters,
  type OrderStatusAnswer,
} from "./order-status";

export default async () => {
  render(<OrderStatus />, document.body);
};

function formatters(): Formatters {
  const { i18n } = shopify;
  return {
    t: (key, replacements) => i18n.translate(key, replacements),
    money: (amount, currency) => i18n.formatCurrency(minorToMajor(amount, currency), { currency }),
    // Shop-local dates are calendar days: noon UTC keeps the day in every buyer's zone.
    date: (value) =>
      /^\d{4}-\d{2}-\d{2}$/.test(value)
        ? i18n.formatDate(new Date(`${value}T12:00:00Z`), { dateStyle: "medium", timeZone: "UTC" })
        : i18n.formatDate(new Date(value), { dateStyle: "medium" }),
    storefront: storefrontBase(shopify.shop),
  };
}

function OrderStatus() {
  const [answer, setAnswer] = useState<OrderStatusAnswer | null>(null);
  const orderGid = shopify.order.value?.id;

  useEffect(() => {
    if (!orderGid) return;
    shopify.sessionToken
      .get()
      .then((token) => loadOrderStatus(orderGid, token, fetch))
      .then(setAnswer)
      .catch(() => setAnswer(null));
  }, [orderGid]);

  const list = sections(answer, formatters());
  if (list.length === 0) return null;
  return (
    <s-section heading={shopify.i18n.translate("heading")}>
      <s-stack gap="base">
        {list.map((section) => (
          <s-stack key={section.kind} gap="small-200" data-part={section.kind}>
            <s-heading>{section.heading}</s-heading>
            {section.lines.map((line, i) => (
              <s-text key={i}>{line}</s-text>
            ))}
            {section.links.map((link) => (
              <s-link key={link.href} href={link.href}>
                {link.label}
              </s-link>
            ))}
          </s-stack>
        ))}
      </s-stack>
    </s-section>
  );
}
