// The search page, built on Pagefind's JavaScript API. It only enhances the page: without
// JavaScript (or from disk, where modules and WebAssembly cannot load) the fallback text stays.
// Results can be narrowed by kind and by source, read from each page's Pagefind metadata
// ("kind", and "sources" joined by " | "), which, unlike Pagefind's filter index, builds
// byte for byte the same every time.
const box = document.getElementById("search");
const KINDS = { Source: "Sources", Entity: "Entities", Event: "Events", Annotation: "Annotations", Page: "Pages" };

function element(tag, attributes = {}, text = "") {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  if (text) node.textContent = text;
  return node;
}

function buildForm(sources) {
  const form = element("form", { role: "search", class: "search-form" });
  const label = element("label", { for: "search-input" }, "Search the dossier");
  const input = element("input", { id: "search-input", type: "search", autocomplete: "off", spellcheck: "false" });
  const kinds = element("fieldset", { class: "search-kinds" });
  kinds.append(element("legend", {}, "Show"));
  for (const [kind, plural] of Object.entries(KINDS)) {
    const id = `kind-${kind.toLowerCase()}`;
    const choice = element("span", { class: "search-kind-choice" });
    choice.append(element("input", { type: "checkbox", id, value: kind, checked: "" }), element("label", { for: id }, plural));
    kinds.append(choice);
  }
  const sourceLabel = element("label", { for: "search-source" }, "From source");
  const select = element("select", { id: "search-source" });
  select.append(element("option", { value: "" }, "Any source"));
  for (const title of sources) select.append(element("option", { value: title }, title));
  form.append(label, input, kinds, sourceLabel, select);
  return { form, input, kinds, select };
}

function excerptOf(html) {
  // Pagefind marks hits with <mark>; everything else in an excerpt is text.
  const holder = element("p", { class: "search-excerpt" });
  holder.innerHTML = html.replace(/<(?!\/?mark>)[^>]*>/g, "");
  return holder;
}

async function main() {
  if (!box) return;
  const bundle = box.getAttribute("data-bundle");
  let pagefind;
  // Result URLs must be relative to where the site is deployed, which may be a sub-path.
  const siteRoot = new URL(bundle, window.location.href).pathname.replace(/pagefind\/$/, "");
  try {
    // import() resolves against this script's URL, so resolve against the page's first.
    pagefind = await import(new URL("pagefind.js", new URL(bundle, document.baseURI)).href);
    await pagefind.options({ baseUrl: siteRoot });
    await pagefind.init();
  } catch (error) {
    return; // keep the fallback text
  }
  const sources = (box.getAttribute("data-sources") || "").split("\n").filter(Boolean);
  const { form, input, kinds, select } = buildForm(sources);
  const status = element("p", { class: "search-status", role: "status" });
  const list = element("ol", { class: "search-results" });
  box.replaceChildren(form, status, list);

  let latest = 0;
  async function run() {
    const ticket = ++latest;
    const query = input.value.trim();
    list.replaceChildren();
    if (!query) { status.textContent = ""; return; }
    const wanted = new Set([...kinds.querySelectorAll("input:checked")].map((box) => box.value));
    const source = select.value;
    const search = await pagefind.search(query);
    const pages = await Promise.all(search.results.slice(0, 50).map((r) => r.data()));
    if (ticket !== latest) return;
    const shown = pages.filter((page) => {
      const kind = page.meta.kind || "Page";
      const pageSources = (page.meta.sources || "").split(" | ");
      return wanted.has(kind) && (!source || pageSources.includes(source));
    });
    status.textContent = `${shown.length} result${shown.length === 1 ? "" : "s"} for “${query}”`;
    for (const page of shown) {
      const item = element("li");
      const link = element("a", { href: page.url }, page.meta.title || page.url);
      item.append(element("span", { class: "search-kind" }, page.meta.kind || "Page"), " ", link, excerptOf(page.excerpt));
      list.append(item);
    }
  }
  form.addEventListener("submit", (event) => { event.preventDefault(); run(); });
  form.addEventListener("input", run);
  form.addEventListener("change", run);
}

main();
