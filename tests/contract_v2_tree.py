"""What the content model v2 tests (`test_contract_v2_*.py`) share: a brand as an editor
types it, a valid case's front matter, and the problems of a result as text."""

from __future__ import annotations

RONG = "name: 榕你来商量\norganisation: 福州市政协\n"


def case_yaml(date: str = "2024-06-18", extra: str = "") -> str:
    """A valid case's front matter as an editor types it (unquoted), with `extra` lines after it."""
    return f"title: 推进县域电商直播基地建设\ndate: {date}\ndistrict: minhou\nformat: 微协商\n{extra}"


def messages(result) -> list[str]:
    return [str(problem) for problem in result.problems]
