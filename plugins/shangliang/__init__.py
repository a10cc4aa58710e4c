"""shangliang (商量): publishing consultation brands of local CPPCC committees.

The package is in rooms by job (see README.md, "The plugin"):

- `model`, `urls`: the content model's typed values, and the one rule for every URL
- `content/`: a content tree from disk to a validated catalogue
- `pages/`: what each generated page shows, and the page plan
- `outputs/`: open data and feeds
- `search/`: the Pagefind index
- `roundup/`: yearly roundups
- `preview/`: the `mkdocs serve` preview
- `security/`: the HTML sanitizer, safe page meta and the Content-Security-Policy
- `local_site/`: a built site served locally and opened in Chromium
- `plugin/`: the MkDocs glue, the only folder that imports MkDocs or Material
- `cli/`: the editors' scripts' shared parts, the only folder that prints
"""

__version__ = "0.1.0"
