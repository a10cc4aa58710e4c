"""Files the build writes besides the pages: open data (`data/cases.{json,csv}` and their schema)
and Atom feeds (`feeds/`)."""
