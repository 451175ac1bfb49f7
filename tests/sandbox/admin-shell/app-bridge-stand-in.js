// A stand-in for https://cdn.shopify.com/shopifycloud/app-bridge.js, served in place of the real
// script where Shopify's admin is not available (tests, the offline demo). It provides what the
// app uses: `shopify.idToken()` and session tokens on fetch, toast, save bar and navigation
// elements. The token comes from `window.__FITTING_ROOM_SHELL__.idToken` (set by the shell page
// or a test) or from the page's `id_token` query parameter.
(function () {
  // Loaded once even when both the sandbox's copy and a CDN stand-in are on the page.
  if (window.__fittingRoomAppBridge) return;
  window.__fittingRoomAppBridge = true;
  var config = window.__FITTING_ROOM_SHELL__ || {};
  var params = new URLSearchParams(window.location.search);
  var events = (window.__appBridgeEvents = []);
  var realFetch = window.fetch.bind(window);
  // A fresh session token from the sandbox when it serves this script (tokens live 60 s), else
  // the one the page was opened with.
  function token() {
    if (config.tokenUrl && params.get("shop")) {
      return realFetch(config.tokenUrl + "?shop=" + encodeURIComponent(params.get("shop")))
        .then(function (r) {
          return r.json();
        })
        .then(function (body) {
          return body.token;
        })
        .catch(function () {
          return params.get("id_token") || "";
        });
    }
    return Promise.resolve(config.idToken || params.get("id_token") || "");
  }
  function record(type, detail) {
    events.push({ type: type, detail: detail, at: Date.now() });
    if (window.parent !== window)
      window.parent.postMessage({ source: "fitting-room-app", type: type, detail: detail }, "*");
  }
  var saveBars = {};
  window.shopify = {
    config: {
      apiKey: (document.querySelector('meta[name="shopify-api-key"]') || {}).content,
      shop: params.get("shop"),
      host: params.get("host"),
    },
    idToken: token,
    toast: {
      show: function (message, options) {
        record("toast", { message: message, isError: !!(options && options.isError) });
        var el = document.createElement("div");
        el.setAttribute("role", "status");
        el.setAttribute("data-app-bridge-toast", "");
        el.textContent = message;
        el.style.cssText =
          "position:fixed;bottom:16px;left:50%;transform:translateX(-50%);background:#303030;color:#fff;padding:8px 16px;border-radius:8px;z-index:9999";
        document.body.appendChild(el);
        setTimeout(function () {
          el.remove();
        }, 4000);
      },
    },
    saveBar: {
      show: function (id) {
        saveBars[id] = true;
        record("saveBar", { id: id, open: true });
        return Promise.resolve();
      },
      hide: function (id) {
        saveBars[id] = false;
        record("saveBar", { id: id, open: false });
        return Promise.resolve();
      },
      toggle: function (id) {
        saveBars[id] = !saveBars[id];
        return Promise.resolve();
      },
      leaveConfirmation: function () {
        return Promise.resolve();
      },
    },
    loading: function () {},
  };

  // App Bridge adds the session token to the app's own fetch requests.
  window.fetch = function (input, init) {
    var url = typeof input === "string" ? input : input.url;
    var sameOrigin = new URL(url, window.location.href).origin === window.location.origin;
    if (!sameOrigin) return realFetch(input, init);
    return token().then(function (t) {
      var headers = new Headers(
        (init && init.headers) || (typeof input !== "string" && input.headers) || {},
      );
      if (t && !headers.has("Authorization")) headers.set("Authorization", "Bearer " + t);
      return realFetch(input, Object.assign({}, init, { headers: headers }));
    });
  };

  function define(name, klass) {
    if (!customElements.get(name)) customElements.define(name, klass);
  }
  // <ui-save-bar open>: its buttons are rendered into a bar at the top, like the admin's.
  define(
    "ui-save-bar",
    class extends HTMLElement {
      static get observedAttributes() {
        return ["open"];
      }
      connectedCallback() {
        this.style.display = "none";
        this.render();
      }
      attributeChangedCallback() {
        this.render();
      }
      show() {
        this.setAttribute("open", "");
        this.dispatchEvent(new Event("show"));
        return Promise.resolve();
      }
      hide() {
        this.removeAttribute("open");
        this.dispatchEvent(new Event("hide"));
        return Promise.resolve();
      }
      toggle() {
        return this.hasAttribute("open") ? this.hide() : this.show();
      }
      render() {
        var open = this.hasAttribute("open") && this.getAttribute("open") !== "false";
        var bar = document.getElementById("app-bridge-save-bar") || document.createElement("div");
        bar.id = "app-bridge-save-bar";
        bar.setAttribute("role", "region");
        bar.setAttribute("aria-label", "Unsaved changes");
        bar.style.cssText =
          "position:fixed;top:0;left:0;right:0;background:#1a1a1a;color:#fff;padding:8px 16px;display:" +
          (open ? "flex" : "none") +
          ";gap:8px;justify-content:flex-end;z-index:9998";
        bar.innerHTML = "<span style='margin-right:auto'>Unsaved changes</span>";
        var self = this;
        Array.prototype.forEach.call(this.querySelectorAll("button"), function (button) {
          var clone = document.createElement("button");
          clone.textContent = button.getAttribute("variant") === "primary" ? "Save" : "Discard";
          clone.disabled = button.disabled;
          clone.addEventListener("click", function () {
            button.click();
          });
          bar.appendChild(clone);
        });
        if (!bar.parentNode) document.body.appendChild(bar);
        record("saveBar", { id: self.id, open: open });
      }
    },
  );
  // The admin draws the app's navigation from <ui-nav-menu> links; the shell page reads them
  // from the "navMenu" event. Children arrive after the element connects, hence the observer.
  define(
    "ui-nav-menu",
    class extends HTMLElement {
      connectedCallback() {
        var self = this;
        this.style.display = "none";
        var report = function () {
          record("navMenu", {
            links: Array.prototype.map.call(self.querySelectorAll("a"), function (a) {
              return { label: a.textContent, href: a.getAttribute("href") };
            }),
          });
        };
        new MutationObserver(report).observe(this, { childList: true, subtree: true });
        setTimeout(report, 0);
      }
    },
  );
  define("ui-title-bar", class extends HTMLElement {});
  define("ui-modal", class extends HTMLElement {});
})();
