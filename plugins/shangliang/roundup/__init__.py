"""A year's roundup page: figures (`figures`), its Markdown blocks (`blocks`), merging them with the
editors' prose (`merge`), the files it writes (`files`), its charts (`charts`) and its PDF (`pdf`)."""
