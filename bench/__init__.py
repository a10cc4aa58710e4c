"""The benchmark: build time, memory and page weight of synthetic publications (see BENCHMARKS.md).

Run it from the repository as `python -m bench` (`make bench`; `--help` for its options,
`--quick` for the tests' smoke run). Not part of the installed plugin: it drives the
project's own builds, scripts and preview as subprocesses.

- `__main__`: the command — sizes, paired builds (ours and plain MkDocs + Material), the rest
- `measure`: one build's time and peak memory, page weights, the editors' scripts, a preview edit
- `search`: the bytes one search downloads in headless Chromium (through nginx when installed)
- `report`: the figures against their targets, as the Markdown table in BENCHMARKS.md
- `hostile`: `python -m bench.hostile` — one hostile content file per small site: build, check.py
  and preview time and memory against the hostile-content targets (5 s, 1 GiB)
- `synthetic_tree`: writes a synthetic content tree (`python -m bench.synthetic_tree OUT --cases N`)
- `synthetic_cases`, `vocabulary`: what the synthetic cases hold, and their words

Everything the synthetic tree writes is marked synthetic and never goes into the
repository's `content/`. Serving the built site and starting Chromium is
`shangliang.local_site`'s job.
"""
