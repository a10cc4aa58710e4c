"""What each generated page shows, and which pages there are.

- `grouping`: figures and listings of published cases (by district, brand, year, highlights)
- `district_index`: a long district index over year pages
- `parts`, `views`: the values each page's template lays out (URLs, headings, badges, notes)
- `plan`: which pages exist, with their titles, templates and flags, and the nav's head
- `chinese`: Chinese forms of dates and numbers
- `placeholder`, `problems`: what the preview shows of a broken file, and its problems banner
"""
