// Adds the trial purchase option (selling_plan) to the product form while "Try at home" is ticked.
(function () {
  function wire(block) {
    var toggle = block.querySelector("[data-fitting-room-trial-toggle]");
    var form = document.getElementById(block.getAttribute("data-form-id")) || block.closest("form");
    if (!toggle || !form) return;
    var input = form.querySelector('input[name="selling_plan"]');
    if (!input) {
      input = document.createElement("input");
      input.type = "hidden";
      input.name = "selling_plan";
      form.appendChild(input);
    }
    function sync() {
      input.value = toggle.checked ? block.getAttribute("data-selling-plan") : "";
      input.disabled = !toggle.checked;
    }
    toggle.addEventListener("change", sync);
    sync();
  }
  document.querySelectorAll("[data-fitting-room-trial]").forEach(wire);
})();
