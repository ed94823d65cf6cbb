/* Progressive enhancement only: every page works without this file. */
(function () {
  "use strict";
  // Filter panels (<details>) start closed so a phone shows results first;
  // on a wide screen, where the panel sits beside the results, open it.
  var wide = window.matchMedia("(min-width: 60rem)");
  function syncPanels() {
    document.querySelectorAll("details[data-open-wide]").forEach(function (panel) {
      if (wide.matches && !panel.dataset.userToggled) panel.open = true;
    });
  }
  document.querySelectorAll("details[data-open-wide]").forEach(function (panel) {
    panel.querySelector("summary").addEventListener("click", function () { panel.dataset.userToggled = "1"; });
  });
  syncPanels();
  if (wide.addEventListener) wide.addEventListener("change", syncPanels);

  // Print buttons are hidden until this script can make them work.
  document.querySelectorAll("[data-print]").forEach(function (button) {
    button.hidden = false;
    button.addEventListener("click", function () { window.print(); });
  });
})();
