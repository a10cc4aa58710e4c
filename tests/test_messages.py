"""The catalogue of messages (`shangliang.messages`): every problem has a stable code, a Chinese and an
English wording with the same parameters, and every problem the package can make words in both.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest
from contract_tree import case, tree
from hostile import front_matter_tree, hostile, sanitizer_tree
from messages_corpus import HOSTILE_TEXT, every_problem

from shangliang.messages import PHRASES, PROBLEMS, FieldName, Phrase, phrase
from shangliang.messages.wording import parameters_of
from shangliang.model import Problem, printable

PACKAGE = Path(__file__).resolve().parent.parent / "plugins" / "shangliang"
KEBAB = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
CJK = re.compile(r"[\u4e00-\u9fff]")


# -- the catalogue ---------------------------------------------------------------------------------


@pytest.mark.parametrize("code", sorted(PROBLEMS))
def test_every_problem_code_is_kebab_case_with_a_chinese_and_an_english_template_of_the_same_parameters(code):
    template = PROBLEMS[code]
    assert KEBAB.match(code), code
    assert parameters_of(template.zh) == parameters_of(template.en), code
    assert CJK.search(template.zh), f"{code}: the Chinese template holds no Chinese"
    assert re.search(r"[a-z]{4}", template.en), f"{code}: the English template holds no English"


@pytest.mark.parametrize("code", sorted(PHRASES))
def test_every_phrase_has_both_wordings_with_the_same_parameters(code):
    assert KEBAB.match(code), code
    assert parameters_of(PHRASES[code].zh) == parameters_of(PHRASES[code].en), code
    assert PHRASES[code].zh and PHRASES[code].en


def test_a_problem_must_name_a_code_of_the_catalogue_with_its_parameters():
    with pytest.raises(ValueError, match="no message has the code"):
        Problem("cases/2024/x.md", "date", code="not-a-code")
    with pytest.raises(ValueError, match="takes the parameters"):
        Problem("cases/2024/x.md", "date", code="not-a-date", params={"got": "'x'"})
    with pytest.raises(ValueError, match="takes the parameters"):
        phrase("expect-date")
    with pytest.raises(TypeError):
        Problem("cases/2024/x.md", "date", "not a date")  # type: ignore[misc]  # a code is keyword-only


# -- every problem the package makes -----------------------------------------------------------------


@pytest.fixture(scope="module")
def problems(tmp_path_factory: pytest.TempPathFactory) -> list[Problem]:
    return every_problem(tmp_path_factory.mktemp("corpus"))


def test_the_corpus_makes_every_kind_of_problem(problems):
    assert {problem.code for problem in problems} == set(PROBLEMS)


@pytest.mark.parametrize("language", ["zh", "en"])
def test_every_problem_words_in_both_languages_in_one_line_naming_its_file(problems, language):
    for problem in problems:
        text = problem.text(language)
        assert text.startswith(f"{problem.src_uri}: "), text
        assert "\n" not in text and "\x1b" not in text, text
        unfilled = re.search(r"\{[a-z_]+(?:[:!][^}]*)?\}", text.replace("{config}", ""))
        assert not unfilled, f"an unfilled parameter: {text}"
        assert CJK.search(text) or language == "en", text


def test_the_hostile_trees_of_the_other_tests_word_every_problem_in_both_languages():
    payload = hostile("字段") + "\x1b[31m{0}{config}"
    values = {name: payload for name in ("date", "district", "format", "status", "members", "highlight", "cover")}
    result = tree({
        "cases/2024/x.md": case(**values, tags=payload, source={"url": payload, payload: 1}, **{payload: 2}),
        **front_matter_tree(), **sanitizer_tree(),
    })  # fmt: skip
    assert len(result.problems) > 10
    for problem in result.problems:
        for language in ("zh", "en"):
            text = problem.text(language)
            assert "\x1b" not in text and "{config}" not in text.replace("{0}{config}", ""), text
            for value in problem.params.values():
                if isinstance(value, str) and "<script>" in value:
                    assert printable(value) in text, text  # shown as written, never formatted or interpreted


def test_a_field_is_named_by_key_and_chinese_label_in_chinese_and_by_key_in_english():
    problem = Problem("cases/2024/x.md", "members", code="not-whole-number", params={"got": "'八'"}, kind="case")
    assert problem.text("zh") == "cases/2024/x.md: members（参加委员）: 应是整数（写的是 '八'）"
    assert problem.text("en") == "cases/2024/x.md: members: expected a whole number (got '八')"
    assert problem.label == "参加委员"


def test_a_found_value_stays_text_and_escaped_in_both_languages():
    problem = Problem("cases/2024/x.md", "title", code="not-text", params={"got": repr(HOSTILE_TEXT)})
    for language in ("zh", "en"):
        text = problem.text(language)
        assert "<img src=x onerror=alert(1)>" in text and "{0}{{config}}%s" in text  # as written, never formatted
        assert "\x1b" not in text and "\\x1b" in text and "\u202e" not in text and "\\u202e" in text


def test_a_phrase_and_a_field_name_are_worded_in_the_language_of_their_message():
    hint = phrase("did-you-mean", name=FieldName("members", "参加委员"))
    problem = Problem("cases/2024/x.md", "memebrs", code="unknown-field", params={"hint": hint})
    assert problem.text("zh") == "cases/2024/x.md: memebrs: 未知字段，已忽略（是不是想写 members（参加委员）？）"
    assert problem.text("en") == "cases/2024/x.md: memebrs: unknown field, ignored (did you mean 'members'?)"
    assert isinstance(hint, Phrase) and hint.worded("en") == "did you mean 'members'?"


def test_problems_with_the_same_code_and_parameters_are_equal_and_hash_alike():
    first = Problem("a.md", "date", code="not-a-day", params={"got": "'2024'"})
    again = Problem("a.md", "date", code="not-a-day", params={"got": "'2024'"})
    other = Problem("a.md", "date", code="not-a-day", params={"got": "'2025'"})
    assert first == again and hash(first) == hash(again) and first != other


# -- every call site names a code -------------------------------------------------------------------


def _calls(name: str) -> list[tuple[Path, ast.Call]]:
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call):
                called = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", "")
                if called == name:
                    found.append((path, node))
    return found


def _where(path: Path, node: ast.Call) -> str:
    return f"{path.relative_to(PACKAGE)}:{node.lineno}"


def test_every_problem_the_package_makes_names_its_code():
    calls = _calls("Problem")
    assert len(calls) > 20
    lacking = [_where(path, node) for path, node in calls if "code" not in {kw.arg for kw in node.keywords}]
    assert lacking == [], f"Problem(...) without code=: {lacking}"


def _literal_codes(name: str, position: int) -> list[tuple[str, str]]:
    """The string literal at argument `position` (or keyword `code`) of every call of `name`."""
    found = []
    for path, node in _calls(name):
        argument = next((kw.value for kw in node.keywords if kw.arg == "code"), None)
        if argument is None and len(node.args) > position:
            argument = node.args[position]
        if isinstance(argument, ast.Constant) and isinstance(argument.value, str):
            found.append((_where(path, node), argument.value))
    return found


@pytest.mark.parametrize(
    ("call", "position"),
    [("Problem", 2), ("ReadError", 1), ("NotTextError", 1), ("BodyProblem", 0), ("error", 1), ("warning", 1),
     ("Slip", 0)],
)  # fmt: skip
def test_every_literal_problem_code_in_the_package_is_in_the_catalogue(call, position):
    codes = _literal_codes(call, position)
    if call in ("error", "warning"):  # `fields.error(field, code, …)`; other `error`s (logging) take no code
        codes = [(where, code) for where, code in codes if KEBAB.match(code)]
    assert codes or call in ("NotTextError",), call
    unknown = [(where, code) for where, code in codes if code not in PROBLEMS]
    assert unknown == []


def test_every_literal_phrase_code_in_the_package_is_in_the_catalogue():
    codes = _literal_codes("phrase", 0)
    assert len(codes) > 20
    assert [(where, code) for where, code in codes if code not in PHRASES] == []


def test_the_messages_room_imports_only_itself_and_the_standard_library():
    for path in sorted((PACKAGE / "messages").glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = [alias.name for alias in node.names] if isinstance(node, ast.Import) else (
                [node.module or ""] if isinstance(node, ast.ImportFrom) else [])  # fmt: skip
            for name in names:
                assert not name.startswith(("mkdocs", "material", "yaml")), (path.name, name)
                assert not name.startswith("shangliang.") or name.startswith("shangliang.messages"), (path.name, name)
