"""What the editors' scripts (`scripts/*.py`) share; the only folder that prints.

- `language`: the run's language (Chinese, or English with `--lang en` or mkdocs.yml's `language: en`), `Text`
- `arguments`: argparse speaking that language, down to its own complaints; help wrapped for a terminal
- `texts`, `check_texts`, `roundup_texts`, `new_case_texts`: every string the scripts print, in both languages
- `common`: exit codes, `-f`, progress, problem lines, questions; `report`: `check.py`'s summary and JSON
- `scaffold`: `new_case.py`'s file; `roundup_summary`: what `roundup.py --dry-run` says before its diff
"""
