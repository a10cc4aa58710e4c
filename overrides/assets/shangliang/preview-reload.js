// MkDocs' live reload, where the page's Content-Security-Policy stops it (only `mkdocs serve` pages load this).
//
// `mkdocs serve` appends to every page it serves an inline script that waits for the next
// build and then reloads the page. The preview keeps the published site's policy (only the
// site's own scripts run), which blocks that script; this file, one of the site's own, does
// the same: it reads the build number MkDocs wrote into the page's blocked script and waits on
// the same address, `/livereload/<build>/<id>`. The theme's 404 page, which MkDocs serves
// without that script, waits from the build that is current when it loads.

const INJECTED = /livereload\((\d+),\s*(\d+)\);?\s*$/;
const RETRY_MS = 3000;

function servedBuild() {
  for (const script of [...document.scripts].reverse()) {
    const match = INJECTED.exec(script.textContent || "");
    if (match) return { build: match[1], id: match[2] };
  }
  return null;
}

const pause = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function latestBuild(since, id, signal) {
  const response = await fetch(`/livereload/${since}/${id}`, { cache: "no-store", signal });
  return { ok: response.ok, build: Number(await response.text()) };
}

let waiting = null;

async function waitForNextBuild(since, id) {
  waiting?.abort();
  const controller = (waiting = new AbortController());
  while (!controller.signal.aborted) {
    try {
      const answer = await latestBuild(since, id, controller.signal);
      if (answer.build > Number(since)) {
        location.reload();
        return;
      }
      if (!answer.ok) await pause(RETRY_MS);
    } catch {
      if (controller.signal.aborted) return;
      await pause(RETRY_MS);
    }
  }
}

async function start() {
  if (typeof window.livereload === "function") return; // MkDocs' own script ran: it reloads
  let served = servedBuild();
  if (served === null) {
    if (!document.querySelector("[data-sl-problems][data-sl-theme-page]")) return; // no live reload (--no-livereload)
    const id = String(Date.now());
    try {
      served = { build: String((await latestBuild(0, id)).build), id };
    } catch {
      return;
    }
  }
  const { build, id } = served;
  const follow = () => (document.visibilityState === "visible" ? waitForNextBuild(build, id) : waiting?.abort());
  document.addEventListener("visibilitychange", follow);
  window.addEventListener("pagehide", () => waiting?.abort());
  follow();
}

start();
