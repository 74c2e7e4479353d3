// Pagefind's search module as the search UI loads it (assets/site.js points the UI here),
// except that the UI's start-up call to filters() loads nothing: the filter index grows
// with the site, so it is fetched only when the reader asks for filters. Everything else
// is Pagefind's own module, the same instance that site.js imports.
export * from "../../pagefind/pagefind.js";

export async function filters() {
  return {};
}
