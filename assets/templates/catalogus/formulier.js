(function () {
  "use strict";
  var form = document.getElementById("schoolformulier");
  var make = document.getElementById("maak");
  var busy = document.getElementById("bezig");
  // Enter in a text field makes the pack, not another empty row for a contact person.
  form.addEventListener("keydown", function (event) {
    if (event.key === "Enter" && event.target.tagName === "INPUT" && event.target.type === "text") {
      event.preventDefault();
      form.requestSubmit(make);
    }
  });
  form.addEventListener("submit", function (event) {
    if (event.submitter === make) {
      busy.textContent = "Het pakket wordt gemaakt. De download begint over een paar seconden vanzelf.";
    }
  });
})();
