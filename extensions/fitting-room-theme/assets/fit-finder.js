// "Find your size": preselects the shopper's confirmed size in the product form, and answers the
// questions inline (the app proxy's JSON answer), selecting the recommended size and carrying
// the answer's id as the line property _fit_answer. Without this script the link opens the
// questions on the app proxy.
(function () {
  function wire(block) {
    var form = document.getElementById(block.getAttribute("data-form-id"));
    var variants = JSON.parse(block.querySelector("[data-fr-fit-variants]").textContent || "[]");
    var panel = block.querySelector("[data-fr-fit-panel]");
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

    block.querySelector("[data-fr-fit-open]").addEventListener("click", function (event) {
      event.preventDefault();
      panel.hidden = !panel.hidden;
    });

    // The fields have no names (they may sit inside the theme's product form): read them here.
    function answers() {
      var body = new URLSearchParams();
      panel.querySelectorAll("[data-field]").forEach(function (field) {
        if (field.type === "checkbox" && !field.checked) return;
        body.append(field.getAttribute("data-field"), field.value);
      });
      return body;
    }

    block.querySelector("[data-fr-fit-ask]").addEventListener("click", function () {
      fetch(panel.getAttribute("data-action"), {
        method: "POST",
        headers: { Accept: "application/json" },
        body: answers(),
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
