(function () {
  "use strict";
  var form = document.getElementById("filters");
  var cards = Array.prototype.slice.call(document.querySelectorAll("#lessen > li"));
  var count = document.getElementById("aantal");
  var none = document.getElementById("geen");
  function apply() {
    var audience = (form.querySelector("input[name=doelgroep]:checked") || {}).value || "";
    var series = form.elements.reeks.value;
    var words = form.elements.zoek.value.toLowerCase().split(/\s+/).filter(Boolean);
    var shown = 0;
    cards.forEach(function (card) {
      var ok = (!audience || card.dataset.doelgroepen.split(" ").indexOf(audience) >= 0) &&
        (!series || card.dataset.reeks === series) &&
        words.every(function (w) { return card.dataset.zoek.indexOf(w) >= 0; });
      card.hidden = !ok;
      if (ok) { shown += 1; }
    });
    count.textContent = shown === 1 ? "1 les" : shown + " lessen";
    none.hidden = shown !== 0;
  }
  form.addEventListener("input", apply);
  form.addEventListener("change", apply);
  form.addEventListener("submit", function (event) { event.preventDefault(); });
  apply();
})();
