// "Find your size": preselects the shopper's confirmed size in the product form, and answers the
// questions inline (the app proxy's JSON answer), selecting the recommended size and carrying
// the answer's id as the line property _fit_answer. Without this script the form still posts.
(function () {
  function wire(block) {
    var form = document.getElementById(block.getAttribute("data-form-id"));
    var variants = JSON.parse(block.querySelector("[data-fr-fit-variants]").textContent || "[]");
    var finder = block.querySelector("[data-fr-fit-form]");
    var result = block.querySelector("[data-fr-fit-result]");
    var errorText = block.querySelector("[data-fr-fit-text]").getAttribute("data-error");

    function select(size, width, answerId) {
      if (!form) return;
      var variant = variants.find(function (v) {
        return v.title === size + " / " + width;
      });
      if (!variant) return;
      var field = form.querySelector('[name="id"]');
      var radio = form.querySelector('[name="id"][value="' + variant.id + '"]');
      if (radio && radio.type === "radio") radio.checked = true;
      else if (field) field.value = variant.id;
      if (answerId) {
        var prop = form.querySelector('[name="properties[_fit_answer]"]');
        if (!prop) {
          prop = document.createElement("input");
          prop.type = "hidden";
          prop.name = "properties[_fit_answer]";
          form.appendChild(prop);
        }
        prop.value = answerId;
      }
      form.dispatchEvent(new Event("change", { bubbles: true }));
    }

    function line(tag, text) {
      var el = document.createElement(tag);
      el.textContent = text;
      return el;
    }

    var mine = block.querySelector("[data-fr-fit-mine]");
    if (mine) select(mine.getAttribute("data-size"), mine.getAttribute("data-width"), null);

    finder.addEventListener("submit", function (event) {
      event.preventDefault();
      fetch(finder.action, {
        method: "POST",
        headers: { Accept: "application/json" },
        body: new FormData(finder),
      })
        .then(function (r) {
          return r.json();
        })
        .then(function (a) {
          result.hidden = false;
          result.textContent = "";
          if (a.error) return result.appendChild(line("p", a.error));
          var head = line("p", a.headline);
          head.setAttribute("data-recommended", a.size + " / " + a.width);
          result.appendChild(head);
          result.appendChild(line("p", a.confidenceText));
          var list = document.createElement("ul");
          a.sentences.forEach(function (s) {
            list.appendChild(line("li", s));
          });
          result.appendChild(list);
          select(a.size, a.width, a.answerId);
        })
        .catch(function () {
          result.hidden = false;
          result.textContent = errorText;
        });
    });
  }
  document.querySelectorAll("[data-fitting-room-fit]").forEach(wire);
})();
