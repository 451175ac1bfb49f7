/** @jsxImportSource preact */
import "@shopify/ui-extensions/preact";
import { render } from "preact";

// The order's action menu entry: opens the return modal (customer-account.order.action.render).
export default async () => {
  render(<s-button>Return or exchange</s-button>, document.body);
};
