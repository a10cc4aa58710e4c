"""The `mkdocs serve` preview: which pages an edit makes stale (`rebuild`) and the work done in the
background after each build (`background`)."""
