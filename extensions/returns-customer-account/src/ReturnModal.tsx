/** @jsxImportSource preact */
import "@shopify/ui-extensions/preact";
import { render } from "preact";
import { useEffect, useState } from "preact/hooks";
import {
  FIT,
  REASONS,
  RETURNS_API,
  buildRequest,
  defaultSelection,
  summary,
  whyNot,
  type Decision,
  type OrderLine,
  type PortalOrder,
  type Selection,
} from "./returns";

export default async () => {
  render(<ReturnModal />, document.body);
};

async function api(path: string, init: RequestInit = {}) {
  const token = await shopify.sessionToken.get();
  const response = await fetch(`${RETURNS_API}${path}`, {
    ...init,
    headers: { Authorization: `Bearer ${token}`, "Content-Type": "application/json" },
  });
  const body = (await response.json()) as Record<string, unknown>;
  if (!response.ok) throw new Error(String(body.error ?? "Something went wrong"));
  return body;
}

const OUTCOME_LABEL = { refund: "Refund", store_credit: "Store credit", exchange: "Exchange" };

function ReturnModal() {
  const [order, setOrder] = useState<PortalOrder | null>(null);
  const [selected, setSelected] = useState<Record<string, Selection>>({});
  const [preview, setPreview] = useState<Decision | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  const money = (minor: number) => shopify.i18n.formatCurrency(minor / 100);

  useEffect(() => {
    api(`?orderId=${encodeURIComponent(shopify.orderId)}`)
      .then((b) => setOrder(b.order as PortalOrder))
      .catch((e: Error) => setMessage(e.message));
  }, []);

  const send = async (intent: "preview" | "submit") => {
    if (!order) return;
    const built = buildRequest(intent, shopify.orderId, order, selected);
    if (!built.ok) return setMessage(built.message);
    try {
      const b = await api("", { method: "POST", body: JSON.stringify(built.body) });
      setMessage(null);
      if (intent === "preview") setPreview(b.decision as Decision);
      else setDone(true);
    } catch (e) {
      setMessage((e as Error).message);
    }
  };

  const toggle = (line: OrderLine, on: boolean) => {
    const next = { ...selected };
    if (on) next[line.lineItemGid] = defaultSelection(line);
    else delete next[line.lineItemGid];
    setSelected(next);
    setPreview(null);
  };
  const update = (line: OrderLine, patch: Partial<Selection>) => {
    setSelected({
      ...selected,
      [line.lineItemGid]: { ...(selected[line.lineItemGid] as Selection), ...patch },
    });
    setPreview(null);
  };

  return (
    <s-customer-account-action heading="Return or exchange">
      <s-stack gap="base">
        {message && <s-banner tone="critical">{message}</s-banner>}
        {done && <s-banner tone="success">Your return request was received.</s-banner>}
        {!order && !message && <s-spinner />}
        {order?.marketplace && (
          <s-text>{`${order.marketplace.label}: ${order.marketplace.instructions}`}</s-text>
        )}
        {order &&
          !order.marketplace &&
          !done &&
          order.lines.map((line) =>
            line.returnable ? (
              <s-stack key={line.lineItemGid} gap="small-200">
                <s-checkbox
                  label={`${line.title}${line.variantTitle ? ` — ${line.variantTitle}` : ""}`}
                  checked={Boolean(selected[line.lineItemGid])}
                  onChange={(e) => toggle(line, (e.currentTarget as HTMLInputElement).checked)}
                />
                {selected[line.lineItemGid] && (
                  <s-stack gap="small-200">
                    <s-select
                      label="Reason"
                      onChange={(e) =>
                        update(line, { reason: (e.currentTarget as HTMLSelectElement).value })
                      }
                    >
                      {REASONS.map(([v, l]) => (
                        <s-option key={v} value={v}>
                          {l}
                        </s-option>
                      ))}
                    </s-select>
                    <s-select
                      label="How did it fit?"
                      onChange={(e) =>
                        update(line, {
                          fitFeedback: (e.currentTarget as HTMLSelectElement).value || null,
                        })
                      }
                    >
                      {FIT.map(([v, l]) => (
                        <s-option key={v} value={v}>
                          {l}
                        </s-option>
                      ))}
                    </s-select>
                    <s-select
                      label="What would you like?"
                      onChange={(e) =>
                        update(line, {
                          outcome: (e.currentTarget as HTMLSelectElement)
                            .value as Selection["outcome"],
                        })
                      }
                    >
                      {line.offered.map((o) => (
                        <s-option key={o} value={o}>
                          {OUTCOME_LABEL[o]}
                        </s-option>
                      ))}
                    </s-select>
                    {selected[line.lineItemGid]?.outcome === "exchange" && (
                      <s-select
                        label="New size"
                        onChange={(e) =>
                          update(line, {
                            exchangeVariantGid:
                              (e.currentTarget as HTMLSelectElement).value || null,
                          })
                        }
                      >
                        <s-option value="">Choose…</s-option>
                        {line.exchange
                          .filter((x) => x.available)
                          .map((x) => (
                            <s-option key={x.variantGid} value={x.variantGid}>
                              {x.madeToOrderShipDate
                                ? `${x.title} — made to order, ships about ${x.madeToOrderShipDate}`
                                : x.title}
                            </s-option>
                          ))}
                      </s-select>
                    )}
                  </s-stack>
                )}
              </s-stack>
            ) : (
              <s-text key={line.lineItemGid}>{`${line.title}: ${whyNot(line)}`}</s-text>
            ),
          )}
        {preview && summary(preview, money).map((l) => <s-text key={l}>{l}</s-text>)}
      </s-stack>
      {!done && (
        <s-button slot="primary-action" onClick={() => send(preview ? "submit" : "preview")}>
          {preview ? "Request this return" : "See my refund"}
        </s-button>
      )}
      <s-button slot="secondary-actions" onClick={() => shopify.close()}>
        Close
      </s-button>
    </s-customer-account-action>
  );
}
