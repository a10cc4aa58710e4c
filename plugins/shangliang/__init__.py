"""shangliang (商量): publishing consultation brands of local CPPCC committees.

The pure modules (`model`, `reading`, `validation`, `markdown_text`,
`catalogue`, `grouping`, `views`, `chinese`, `search`) never import MkDocs: they turn a content tree into
typed values and problems. `plugin` is the thin MkDocs glue over them.
"""

__version__ = "0.1.0"
