// Pagefind search: a button in Material's header opens a dialog; the /search/ page
// shows the same UI inline. URLs are relative to the site root, wherever it is hosted.
(function () {
  "use strict";
  var root = new URL(window.SITE_ROOT || "./", window.location.href);
  var bundlePath = new URL("pagefind/", root).pathname;
  var baseUrl = root.pathname;

  function makeUI(element) {
    if (typeof PagefindUI === "undefined") return null;
    return new PagefindUI({
      element: element,
      bundlePath: bundlePath,
      baseUrl: baseUrl,
      showSubResults: true,
      showImages: false,
      resetStyles: false,
      autofocus: true,
      translations: { placeholder: "Search people, outlets, articles…" }
    });
  }

  function addHeaderButton(dialog) {
    var inner = document.querySelector(".md-header__inner");
    if (!inner || document.getElementById("search-open")) return;
    var button = document.createElement("button");
    button.id = "search-open";
    button.type = "button";
    button.className = "md-header__button search-open";
    button.setAttribute("aria-haspopup", "dialog");
    button.setAttribute("aria-keyshortcuts", "/");
    button.innerHTML = '<span class="search-open__label">Search</span>';
    var title = inner.querySelector(".md-header__title");
    inner.insertBefore(button, title ? title.nextSibling : null);
    var ui = null;
    function open() {
      if (!ui) ui = makeUI("#search-dialog-ui");
      dialog.showModal();
      var input = dialog.querySelector("input");
      if (input) input.focus();
    }
    button.addEventListener("click", open);
    document.addEventListener("keydown", function (event) {
      var target = event.target;
      var typing = target && (target.tagName === "INPUT" || target.tagName === "TEXTAREA" || target.isContentEditable);
      if (event.key === "/" && !typing && !dialog.open) {
        event.preventDefault();
        open();
      }
    });
  }

  function start() {
    var dialog = document.getElementById("search-dialog");
    if (dialog) addHeaderButton(dialog);
    if (document.getElementById("search-page")) {
      var ui = makeUI("#search-page");
      var query = new URLSearchParams(window.location.search).get("q");
      if (ui && query) ui.triggerSearch(query);
    }
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
