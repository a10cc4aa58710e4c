// The preview's problems banner, kept current on every page (only `mkdocs serve` pages load this).
//
// A dirty rebuild renders only the pages an edit changed, so a page's own list may be old;
// every build writes `_shangliang/problems.json` (heading and lines), and this replaces the
// page's list with it. Everything is set as text: problem lines quote what files hold.

const banner = document.querySelector("[data-sl-problems]");

async function refresh() {
  if (!banner) return;
  let report;
  try {
    const response = await fetch(banner.dataset.slProblemsSrc, { cache: "no-store" });
    if (!response.ok) return;
    report = await response.json();
  } catch {
    return; // the page's own list stays
  }
  const heading = document.createElement("strong");
  heading.textContent = report.heading;
  const paragraph = document.createElement("p");
  paragraph.append(heading);
  const list = document.createElement("ul");
  for (const line of report.lines) {
    const item = document.createElement("li");
    item.className = `sl-problems__${line.severity === "error" ? "errors" : "warnings"}`;
    const label = document.createElement("span");
    label.className = "sl-problems__label";
    label.textContent = `${line.label}：`;
    const code = document.createElement("code");
    code.textContent = line.text;
    item.append(label, code);
    list.append(item);
  }
  banner.replaceChildren(paragraph, list);
  banner.hidden = report.lines.length === 0;
}

refresh();
