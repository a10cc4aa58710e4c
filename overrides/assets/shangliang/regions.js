// Wide tables scroll sideways inside Material's .md-typeset__scrollwrap.
// Make each such region reachable and named for keyboard and screen-reader
// users (WCAG 2.1.1; axe "scrollable-region-focusable"), and undo that when
// the table fits again (rotation, resize).

const LABEL = "表格（可左右滑动）";

function update(wrap) {
  const scrollable = wrap.scrollWidth > wrap.clientWidth + 1;
  if (scrollable && !wrap.hasAttribute("tabindex")) {
    wrap.setAttribute("tabindex", "0");
    wrap.setAttribute("role", "region");
    wrap.setAttribute("aria-label", LABEL);
    wrap.dataset.slRegion = "";
  } else if (!scrollable && "slRegion" in wrap.dataset) {
    for (const name of ["tabindex", "role", "aria-label", "data-sl-region"]) wrap.removeAttribute(name);
  }
}

function setup() {
  const wraps = document.querySelectorAll(".md-typeset__scrollwrap");
  if (!wraps.length) return;
  wraps.forEach(update);
  if ("ResizeObserver" in window) {
    const observer = new ResizeObserver((entries) => entries.forEach((entry) => update(entry.target)));
    wraps.forEach((wrap) => observer.observe(wrap));
  }
}

// The header's menu and search buttons are labels of Material's toggles, which a
// keyboard cannot reach. They carry tabindex="0" role="button"; Enter or Space
// activates them like a click (WCAG 2.1.1).
document.addEventListener("keydown", (event) => {
  const target = event.target;
  if (!(target instanceof HTMLElement) || !target.hasAttribute("data-sl-key-toggle")) return;
  if (event.key !== "Enter" && event.key !== " ") return;
  event.preventDefault();
  target.click();
});

// Material wraps tables when it mounts the page (DOMContentLoaded).
if (document.readyState === "complete") setup();
else window.addEventListener("load", setup, { once: true });
