// Storefront pages served through the app proxy are plain HTML (no React runtime on the
// storefront): every value interpolated into them goes through `escapeHtml`.

export function escapeHtml(value: unknown): string {
  return String(value ?? "")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#39;");
}

export function proxyPage(title: string, body: string, status = 200, lang = "en"): Response {
  const html = `<!doctype html><html lang="${escapeHtml(lang)}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>
.fr-page{font-family:inherit;max-width:720px;margin:24px auto;padding:0 16px;line-height:1.5}
.fr-page fieldset{border:1px solid #ddd;border-radius:8px;margin:12px 0;padding:12px 16px}
.fr-page .fr-line{display:flex;justify-content:space-between;gap:12px;align-items:center;padding:6px 0;border-bottom:1px solid #f0f0f0}
.fr-page .fr-note{background:#f6f6f1;border-radius:8px;padding:12px 16px}
.fr-page .fr-error{color:#b00020}
.fr-page button{background:#111;color:#fff;border:0;border-radius:24px;padding:10px 24px;font-size:15px;cursor:pointer}
.fr-page label{display:block;margin:8px 0}
</style></head><body><main class="fr-page">${body}</main></body></html>`;
  return new Response(html, {
    status,
    headers: { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store" },
  });
}
