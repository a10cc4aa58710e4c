"""What one file may hold (`content.limits`), checked on the text before Markdown or YAML sees it."""

from __future__ import annotations

from contract_tree import CASE_PATH, case, markdown, tree

from shangliang.content.limits import MAX_INLINE_MARKS, too_much_inline
from shangliang.content.reading import read_document


def test_a_paragraph_crowded_with_links_is_refused_before_markdown_renders_it():
    body = "[链接](x) " * (MAX_INLINE_MARKS + 1)
    document = read_document(CASE_PATH, markdown(case(), "\n第一段。\n\n" + body))
    [problem] = document.body_problems
    assert problem.code == "too-much-inline-markup"
    assert problem.line == 10  # front matter on lines 1–6, a blank line, the first paragraph, a blank line


def test_many_links_in_list_items_or_table_rows_are_fine():
    # Markdown renders each item and each cell on its own: no paragraph is crowded.
    assert too_much_inline("\n".join("- [甲](a) [乙](b)" for _ in range(MAX_INLINE_MARKS))) is None
    assert too_much_inline("\n".join("| [甲](a) | [乙](b) |" for _ in range(MAX_INLINE_MARKS))) is None
    assert too_much_inline("正文里有*强调*和[链接](x)。") is None


def test_the_crowded_paragraph_is_an_error_of_the_build_and_the_body_is_not_rendered():
    result = tree({CASE_PATH: (case(), "[链接](x) " * (MAX_INLINE_MARKS + 1))})
    [error] = result.errors
    assert (error.src_uri, error.code) == (CASE_PATH, "too-much-inline-markup")
    assert CASE_PATH in result.not_rendered


def test_an_alias_bomb_and_a_missing_cover_have_codes_too():
    bomb = "---\n" + "a: &a [x, x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{chr(98 + n)}: &{chr(98 + n)} [{', '.join([f'*{chr(97 + n)}'] * 10)}]\n" for n in range(6)
    ) + "title: 甲\n---\n"
    result = tree({CASE_PATH: bomb.encode(), "cases/2024/y.md": case(cover="nowhere.jpg")})
    codes = {(problem.src_uri, problem.code) for problem in result.errors}
    assert (CASE_PATH, "yaml-too-large") in codes
    assert ("cases/2024/y.md", "cover-missing") in codes
