// The 404 page speaks every edition's language (overrides/404.html): put first the edition whose folder the missing
// address was asked under, its heading the page's first. Without this script, the root edition's comes first.

const page = document.querySelector("[data-not-found]");
const sections = page ? [...page.querySelectorAll("[data-edition-folder]")] : [];
const root = sections.length ? new URL(sections[0].querySelector("a").getAttribute("href"), document.baseURI).pathname : "/";
const asked = location.pathname.startsWith(root) ? location.pathname.slice(root.length) : "";
const match = sections.find((section) => section.dataset.editionFolder && asked.startsWith(`${section.dataset.editionFolder}/`));
if (match && match !== sections[0]) {
  const [first, firstHeading, matchHeading] = [sections[0], sections[0].querySelector("h1"), match.querySelector("h2")];
  page.prepend(match);
  // One h1, the first section's.
  const h1 = document.createElement("h1");
  h1.id = matchHeading.id;
  h1.textContent = matchHeading.textContent;
  matchHeading.replaceWith(h1);
  const h2 = document.createElement("h2");
  h2.id = firstHeading.id;
  h2.textContent = firstHeading.textContent;
  firstHeading.replaceWith(h2);
  document.documentElement.lang = match.lang;
  first.before(match);
}
