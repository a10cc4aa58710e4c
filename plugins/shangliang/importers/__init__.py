"""Importers: saved news pages and ledger spreadsheets turned into draft cases.

The room holds functions that never print and never import MkDocs, one job a module:

- `chinese_dates`: dates as Chinese text writes them (`2024年6月3日`, `去年5月`, `二〇二四年六月`, Excel days);
- `article`: a news page (HTML) → title, dates, source and body Markdown (trafilatura); `download`: its address;
- `guess`: the district, brand, venue and format a text names, from the site's own catalogue;
- `article_case`: an article and its guesses → a draft, with a note for each field to confirm;
- `sheet`: a `.xlsx` or `.csv` file → its non-blank rows, merged cells read as their value;
- `ledger`: the header map, and a sheet's rows by field; `ledger_values`: one cell → one field's value;
- `ledger_case`: a ledger row → a draft, with a note for each cell that did not map;
- `outcome`: what one page or row came to (a draft or a refusal, and notes); the command's defaults;
- `draft`: a draft's text (front matter written as `new_case.py` writes it, `draft: true`);
- `placing`: free file names, the package's own validation of the drafts, writing without overwriting;
- `report`: the Chinese lines the commands print.

`scripts/import_article.py` and `scripts/import_ledger.py` are the commands over them; only they print.
"""
