import type { HeadersFunction, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, Outlet, useLoaderData, useRouteError } from "@remix-run/react";
import { boundary } from "@shopify/shopify-app-remix/server";
import { AppProvider } from "@shopify/shopify-app-remix/react";
import { NavMenu } from "@shopify/app-bridge-react";
import polarisStyles from "@shopify/polaris/build/esm/styles.css";
import { authenticate } from "~/shopify.server";
import { sandboxUrl } from "~/platform/sandbox-routing.server";

export const links = () => [{ rel: "stylesheet", href: polarisStyles }];

export const loader = async ({ request }: LoaderFunctionArgs) => {
  await authenticate.admin(request);
  const sandbox = sandboxUrl();
  // Offline sandbox only: Shopify's CDN is out of reach, so the sandbox's App Bridge stand-in
  // is loaded instead (before the app hydrates). Absent in production.
  return json({
    apiKey: process.env.SHOPIFY_API_KEY ?? "",
    sandboxAppBridge: sandbox ? `${sandbox}/cdn/app-bridge.js` : null,
  });
};

export default function App() {
  const { apiKey, sandboxAppBridge } = useLoaderData<typeof loader>();
  return (
    <AppProvider isEmbeddedApp apiKey={apiKey}>
      {sandboxAppBridge ? <script src={sandboxAppBridge} /> : null}
      <NavMenu>
        <Link to="/app" rel="home">
          Overview
        </Link>
        <Link to="/app/trials">Trials</Link>
        <Link to="/app/made-to-order">Made-to-order</Link>
        <Link to="/app/returns">Returns</Link>
        <Link to="/app/referrals">Referrals</Link>
        <Link to="/app/fit">Fit</Link>
        <Link to="/app/settings">Settings</Link>
      </NavMenu>
      <Outlet />
    </AppProvider>
  );
}

// Shopify needs Remix to catch thrown responses (auth redirects) and to add its headers.
export function ErrorBoundary() {
  return boundary.error(useRouteError());
}

export const headers: HeadersFunction = (headersArgs) => boundary.headers(headersArgs);
