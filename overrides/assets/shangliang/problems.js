// The preview's problems banner, kept current on every page (only `mkdocs serve` pages load this).
//
// A dirty rebuild renders only the pages an edit changed, so a page's own list may be old;
// every build writes `_shangliang/problems.json` (heading, tone and lines), and this replaces
// the page's list with it. Everything is set as text: problem lines quote what files hold.

const banner = document.querySelector("[data-sl-problems]");
const TONES = ["errors", "warnings", "none"];

function line(entry) {
  const severity = entry.severity === "error" ? "error" : "warning";
  const item = document.createElement("li");
  item.className = `sl-problems__line sl-problems__line--${severity}`;
  const label = document.createElement("span");
  label.className = "sl-problems__label";
  label.textContent = entry.label;
  const code = document.createElement("code");
  code.textContent = entry.text;
  item.append(label, " ", code);
  return item;
}

function show(report) {
  const heading = document.createElement("p");
  heading.className = "sl-problems__heading";
  heading.textContent = report.heading;
  const list = document.createElement("ul");
  list.className = "sl-problems__lines";
  list.append(...report.lines.map(line));
  const tone = TONES.includes(report.tone) ? report.tone : "errors";
  banner.dataset.slTone = tone;
  banner.replaceChildren(heading, list);
  banner.hidden = report.lines.length === 0;
}

async function refresh() {
  if (!banner) return;
  try {
    const response = await fetch(banner.dataset.slProblemsSrc, { cache: "no-store" });
    if (response.ok) show(await response.json());
  } catch {
    // the page's own list stays
  }
}

refresh();
