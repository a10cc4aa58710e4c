"""A content tree, from disk to a validated `Catalogue` with every problem of the tree.

- `reading`: bytes → front matter and body (UTF-8, strict safe YAML, duplicate keys refused, bounds)
- `slips`: slips of a Chinese keyboard in front matter (`：`, `，`, `【】`, U+3000, tabs, `———`), by line
- `yaml_problems`: the YAML parser's complaint as a phrase an editor reads
- `limits`: what a file may hold (size, nesting, control and invisible characters, plausible figures)
- `markup`: markup in a body the published page will not carry, with its line
- `links`: symbolic links that leave the content folder
- `markdown_text`: plain text of Markdown (the default summary)
- `fields`: loose YAML values → typed values, each problem with its code (`shangliang.messages` words it)
- `figures`: a committee's published figures and commendations
- `validation`: one file's front matter → typed values and problems
- `catalogue`: the whole tree: kinds from paths, cross-file checks, `load_catalogue`
- `tree`: a tree read from disk as a build reads it (for the editors' scripts)

Nothing here imports what presents the content (`pages`, `outputs`, …) or MkDocs.
"""
