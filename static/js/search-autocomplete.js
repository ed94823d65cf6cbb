/* Autocomplete for the header search box: a WAI-ARIA 1.2 combobox with a listbox.
   Without JavaScript the box is a plain search form. Arrow keys move through the
   suggestions, Enter opens the chosen page (or searches), Escape closes the list. */
(function () {
  "use strict";
  var form = document.querySelector("form.site-search[data-suggest-url]");
  if (!form || !window.fetch) { return; }
  var input = form.querySelector("[role=combobox]");
  var list = form.querySelector("[role=listbox]");
  var status = form.querySelector(".site-search__status");
  var url = form.getAttribute("data-suggest-url");
  var lang = document.documentElement.lang || "fi";
  var messages = {
    fi: ["ehdotus", "ehdotusta", "Ei ehdotuksia"],
    sv: ["förslag", "förslag", "Inga förslag"],
    en: ["suggestion", "suggestions", "No suggestions"]
  }[lang] || ["suggestion", "suggestions", "No suggestions"];
  var active = -1, items = [], timer = null, lastQuery = "", controller = null;

  function close() {
    list.hidden = true;
    list.innerHTML = "";
    input.setAttribute("aria-expanded", "false");
    input.removeAttribute("aria-activedescendant");
    items = []; active = -1;
  }

  function setActive(index) {
    var options = list.querySelectorAll("[role=option]");
    options.forEach(function (option) { option.setAttribute("aria-selected", "false"); });
    active = index;
    if (index >= 0 && options[index]) {
      options[index].setAttribute("aria-selected", "true");
      input.setAttribute("aria-activedescendant", options[index].id);
      options[index].scrollIntoView({ block: "nearest" });
    } else {
      input.removeAttribute("aria-activedescendant");
    }
  }

  function render(suggestions) {
    list.innerHTML = "";
    items = suggestions;
    suggestions.forEach(function (suggestion, index) {
      var option = document.createElement("li");
      option.id = "site-search-option-" + index;
      option.setAttribute("role", "option");
      option.setAttribute("aria-selected", "false");
      option.className = "site-search__option";
      option.textContent = suggestion.title;
      option.addEventListener("mousedown", function (event) { event.preventDefault(); });
      option.addEventListener("click", function () { window.location.href = suggestion.url; });
      list.appendChild(option);
    });
    var count = suggestions.length;
    status.textContent = count ? count + " " + (count === 1 ? messages[0] : messages[1]) : messages[2];
    if (count) {
      list.hidden = false;
      input.setAttribute("aria-expanded", "true");
    } else {
      close();
    }
    active = -1;
  }

  function load() {
    var query = input.value.trim();
    if (query === lastQuery) { return; }
    lastQuery = query;
    if (query.length < 2) { close(); status.textContent = ""; return; }
    if (controller) { controller.abort(); }
    controller = window.AbortController ? new AbortController() : null;
    fetch(url + "?q=" + encodeURIComponent(query), {
      headers: { "Accept": "application/json" },
      signal: controller ? controller.signal : undefined
    }).then(function (response) {
      return response.ok ? response.json() : { suggestions: [] };
    }).then(function (data) {
      if (input.value.trim() === query) { render(data.suggestions || []); }
    }).catch(function () { /* offline or aborted: the form still works */ });
  }

  input.addEventListener("input", function () {
    window.clearTimeout(timer);
    timer = window.setTimeout(load, 150);
  });
  input.addEventListener("keydown", function (event) {
    if (event.key === "ArrowDown") {
      if (list.hidden) { lastQuery = ""; load(); return; }
      event.preventDefault();
      setActive(active + 1 < items.length ? active + 1 : 0);
    } else if (event.key === "ArrowUp") {
      if (list.hidden) { return; }
      event.preventDefault();
      setActive(active > 0 ? active - 1 : items.length - 1);
    } else if (event.key === "Enter") {
      if (!list.hidden && active >= 0 && items[active]) {
        event.preventDefault();
        window.location.href = items[active].url;
      }
    } else if (event.key === "Escape") {
      if (!list.hidden) { event.preventDefault(); close(); }
    }
  });
  input.addEventListener("blur", function () { window.setTimeout(close, 100); });
})();
