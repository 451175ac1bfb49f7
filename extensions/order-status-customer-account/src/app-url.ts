// Written by scripts/extension-app-url.mjs from shopify.app.toml (application_url).
export const APP_URL = "https://fitting-room.example.com";
