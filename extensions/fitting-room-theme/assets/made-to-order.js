// "Made to order": follows the product form's chosen variant; when it is sold out, asks the app
// (app proxy) for this shopper's ship date and offers to order it made to order (the PRE_ORDER
// selling plan). Ids stay strings: Shopify ids can exceed what a JavaScript number holds exactly.
(function () {
  function root() {
    return (window.Shopify && window.Shopify.routes && window.Shopify.routes.root) || "/";
  }
  // The block renders its sentences with %DATE% where the date goes (Liquid's t filter fills
  // {{ date }} at render time, before the date is known).
  function fill(template, date) {
    return template.split("%DATE%").join(date);
  }

  function wire(block) {
    var form = document.getElementById(block.getAttribute("data-form-id")) || block.closest("form");
    var variants = JSON.parse(block.querySelector("[data-fr-mto-variants]").textContent || "[]");
    var text = block.querySelector("[data-fr-mto-text]");
    var date = block.querySelector("[data-fr-mto-date]");
    var steps = block.querySelector("[data-fr-mto-fitting]");
    var override = block.querySelector("[data-fr-mto-override]");
    var add = block.querySelector("[data-fr-mto-add]");
    var plan = block.getAttribute("data-selling-plan");
    var country = block.getAttribute("data-country") || "";
    var current = null;
    if (!form) return;

    function chosen() {
      var field = form.querySelector('[name="id"]:checked') || form.querySelector('[name="id"]');
      var id = field ? String(field.value) : "";
      return variants.find(function (v) {
        return v.id === id;
      });
    }

    // A sold-out size is ordered made to order, not added to the cart as if in stock.
    var buy = form.querySelector('[type="submit"]');
    function update() {
      var variant = chosen();
      current = variant && !variant.available ? variant : null;
      block.hidden = !current;
      if (buy) buy.disabled = Boolean(current);
      add.disabled = true;
      if (!current) return;
      date.textContent = "…";
      var query = "?variant_title=" + encodeURIComponent(current.title) + "&country=" + country;
      fetch("/apps/fitting-room/made-to-order" + query, { headers: { Accept: "application/json" } })
        .then(function (r) {
          if (!r.ok) throw new Error(String(r.status));
          return r.json();
        })
        .then(function (estimate) {
          if (variant !== chosen()) return;
          if (!estimate.offered) {
            block.hidden = true;
            return;
          }
          date.textContent = fill(
            text.getAttribute(
              estimate.path === "confirmed_size" ? "data-confirmed" : "data-fitting",
            ),
            estimate.shipDateLabel,
          );
          date.setAttribute("data-ship-date", estimate.shipDate);
          date.setAttribute("data-path", estimate.path);
          steps.hidden = estimate.path !== "fitting_first";
          override.hidden = !estimate.overrideMessage;
          override.textContent = estimate.overrideMessage || "";
          add.disabled = false;
        })
        .catch(function () {
          date.textContent = text.getAttribute("data-error");
        });
    }

    add.addEventListener("click", function () {
      if (!current) return;
      add.disabled = true;
      fetch(root() + "cart/add.js", {
        method: "POST",
        headers: { "Content-Type": "application/json", Accept: "application/json" },
        body: JSON.stringify({ items: [{ id: current.id, quantity: 1, selling_plan: plan }] }),
      }).then(function () {
        window.location.href = root() + "cart";
      });
    });
    form.addEventListener("change", update);
    update();
  }
  document.querySelectorAll("[data-fitting-room-mto]").forEach(wire);
})();
