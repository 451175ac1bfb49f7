// The admin shell: a page that frames the app as Shopify's admin does, with the app's own
// navigation (read from its <ui-nav-menu> through the App Bridge stand-in) beside it.
export function adminShellHtml(options: {
  shop: string;
  appUrl: string;
  sandboxUrl: string;
  path: string;
}): string {
  const host = Buffer.from(
    `admin.shopify.com/store/${options.shop.replace(".myshopify.com", "")}`,
  ).toString("base64url");
  const config = JSON.stringify({ ...options, host });
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Admin · ${options.shop} (sandbox)</title>
<style>
  body{margin:0;font-family:system-ui,sans-serif;display:grid;grid-template-columns:220px 1fr;grid-template-rows:48px 1fr;height:100vh;background:#f1f1f1}
  header{grid-column:1/3;background:#1a1a1a;color:#fff;display:flex;align-items:center;gap:12px;padding:0 16px;font-size:14px}
  header .badge{background:#ffd79d;color:#4a3000;border-radius:8px;padding:2px 8px;font-size:12px}
  nav{padding:12px 8px;border-right:1px solid #ddd;background:#ebebeb}
  nav a{display:block;padding:6px 10px;border-radius:8px;color:#303030;text-decoration:none;font-size:14px}
  nav a.active{background:#fff;font-weight:600}
  nav .app{font-weight:600;padding:6px 10px;margin-top:8px}
  iframe{border:0;width:100%;height:100%;background:#f1f1f1}
  #toast{position:fixed;bottom:24px;left:50%;transform:translateX(-50%);background:#303030;color:#fff;padding:8px 16px;border-radius:8px;display:none}
</style></head>
<body>
<header><strong>Shopify admin</strong><span>${options.shop}</span><span class="badge">offline sandbox</span>
<a style="margin-left:auto;color:#fff" href="/store" target="_blank">View store</a></header>
<nav><div class="app">Fitting Room</div><div id="links"></div></nav>
<main><iframe id="app" title="Fitting Room"></iframe></main>
<div id="toast" role="status"></div>
<script>
  const config = ${config};
  const frame = document.getElementById("app");
  async function open(path) {
    const token = await fetch("/__sandbox/session-token?shop=" + encodeURIComponent(config.shop)).then((r) => r.json());
    const url = new URL(config.appUrl + path);
    url.searchParams.set("shop", config.shop);
    url.searchParams.set("host", config.host);
    url.searchParams.set("embedded", "1");
    url.searchParams.set("id_token", token.token);
    frame.src = url.toString();
    history.replaceState(null, "", "/admin?shop=" + encodeURIComponent(config.shop) + "&path=" + encodeURIComponent(path));
  }
  window.addEventListener("message", (event) => {
    const data = event.data || {};
    if (data.source !== "fitting-room-app") return;
    if (data.type === "navMenu") {
      const links = document.getElementById("links");
      links.innerHTML = "";
      for (const link of data.detail.links) {
        const a = document.createElement("a");
        a.textContent = link.label;
        a.href = "#";
        a.onclick = (e) => { e.preventDefault(); open(link.href); };
        links.appendChild(a);
      }
    }
    if (data.type === "toast") {
      const toast = document.getElementById("toast");
      toast.textContent = data.detail.message;
      toast.style.display = "block";
      setTimeout(() => (toast.style.display = "none"), 3000);
    }
  });
  open(config.path);
</script>
</body></html>`;
}
