"""Search: Pagefind run over the built site (`pagefind`), its index regrouped into small chunks
(`chunks`). The reader's side is overrides/assets/shangliang/search.js and search/*.js."""
