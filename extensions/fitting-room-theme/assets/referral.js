// "Referral link" embed: a visit from a referrer's link (?ref=<code>&ref_name=<first name>) puts
// the referral on the cart as attributes (the order then names it even if the code is removed),
// tells the "Referral offer" block on the page, and tidies the address bar.
(function () {
  var params = new URLSearchParams(window.location.search);
  var code = (params.get("ref") || "").trim().slice(0, 40);
  if (!code) return;
  var name = (params.get("ref_name") || "").trim().slice(0, 60);
  var root = (window.Shopify && window.Shopify.routes && window.Shopify.routes.root) || "/";
  fetch(root + "cart/update.js", {
    method: "POST",
    headers: { "Content-Type": "application/json", Accept: "application/json" },
    body: JSON.stringify({
      attributes: { _fitting_room_referral: code, _fitting_room_referrer: name },
    }),
  }).then(function (response) {
    if (!response.ok) return;
    document.querySelectorAll("[data-fitting-room-referral]").forEach(function (block) {
      var applied = block.querySelector("[data-fitting-room-referral-applied]");
      var offer = block.querySelector("[data-fitting-room-referral-offer]");
      var text = name
        ? block.getAttribute("data-applied-name").replace("{name}", name)
        : block.getAttribute("data-applied-code").replace("{code}", code);
      if (applied) {
        applied.textContent = text;
        applied.hidden = false;
      }
      if (offer) offer.hidden = true;
    });
  });
  params.delete("ref");
  params.delete("ref_name");
  var rest = params.toString();
  window.history.replaceState(null, "", window.location.pathname + (rest ? "?" + rest : ""));
})();
