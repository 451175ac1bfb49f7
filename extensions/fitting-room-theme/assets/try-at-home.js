// "Try at home": adds the trial purchase option (selling_plan) to the product form while ticked,
// and, when the shop charges a box fee, adds the fee's own line to the cart once. Ids stay strings:
// Shopify ids can exceed what a JavaScript number holds exactly.
(function () {
  function root() {
    return (window.Shopify && window.Shopify.routes && window.Shopify.routes.root) || "/";
  }

  function wire(block) {
    var toggle = block.querySelector("[data-fitting-room-trial-toggle]");
    var form = document.getElementById(block.getAttribute("data-form-id")) || block.closest("form");
    if (!toggle || !form) return;
    var plan = block.getAttribute("data-selling-plan");
    var fee = block.getAttribute("data-fee-variant");
    var input = form.querySelector('input[name="selling_plan"]');
    if (!input) {
      input = document.createElement("input");
      input.type = "hidden";
      input.name = "selling_plan";
      form.appendChild(input);
    }
    function sync() {
      input.value = toggle.checked ? plan : "";
      input.disabled = !toggle.checked;
    }
    toggle.addEventListener("change", sync);
    sync();
    if (!fee) return;
    form.addEventListener("submit", function (event) {
      if (!toggle.checked) return;
      event.preventDefault();
      var data = new FormData(form);
      // Line properties the form carries (the fit finder's answer) stay with the pair.
      var properties = {};
      data.forEach(function (value, key) {
        var match = /^properties\[(.+)\]$/.exec(key);
        if (match && value !== "") properties[match[1]] = value;
      });
      var items = [
        {
          id: String(data.get("id")),
          quantity: Number(data.get("quantity") || 1),
          selling_plan: plan,
          properties: properties,
        },
      ];
      fetch(root() + "cart.js", { headers: { Accept: "application/json" } })
        .then(function (r) {
          return r.json();
        })
        .then(function (cart) {
          var hasFee = (cart.items || []).some(function (item) {
            return String(item.variant_id) === fee;
          });
          if (!hasFee) items.push({ id: fee, quantity: 1 });
          return fetch(root() + "cart/add.js", {
            method: "POST",
            headers: { "Content-Type": "application/json", Accept: "application/json" },
            body: JSON.stringify({ items: items }),
          });
        })
        .then(function () {
          window.location.href = root() + "cart";
        });
    });
  }
  document.querySelectorAll("[data-fitting-room-trial]").forEach(wire);
})();
