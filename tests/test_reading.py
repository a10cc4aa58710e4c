"""Reading one content file: bytes → front matter (a mapping) and body.

The contract: all text is UTF-8; broken front matter is an error that says
why (never silently `{}` as MkDocs' own reader would); a date YAML cannot read
(`2024-13-45`) is left as text so that validation can report it on its field.
"""

from __future__ import annotations

import itertools
import time

import pytest

from shangliang.content.reading import Document, ReadError, read_document


def read(text: str | bytes, src_uri: str = "cases/2024/x.md") -> Document:
    raw = text.encode("utf-8") if isinstance(text, str) else text
    return read_document(src_uri, raw)


def read_error(text: str | bytes) -> ReadError:
    with pytest.raises(ReadError) as caught:
        read(text)
    return caught.value


# -- encoding -------------------------------------------------------------


def test_utf8_front_matter_and_body_are_read():
    document = read("---\ntitle: 推进县域电商直播基地建设\nmembers: 8\n---\n正文第一段。\n")
    assert document.meta == {"title": "推进县域电商直播基地建设", "members": 8}
    assert document.body.strip() == "正文第一段。"
    assert document.has_front_matter is True
    assert document.src_uri == "cases/2024/x.md"


def test_byte_order_mark_is_accepted_and_dropped():
    document = read(b"\xef\xbb\xbf" + "---\ntitle: 标题\n---\n正文\n".encode())
    assert document.meta == {"title": "标题"}
    assert document.has_front_matter is True
    assert "\ufeff" not in document.body


def test_byte_order_mark_without_front_matter_is_dropped_from_the_body():
    document = read(b"\xef\xbb\xbf" + "正文\n".encode())
    assert document.body == "正文\n"


def test_non_utf8_bytes_are_rejected_naming_the_byte_and_asking_for_utf8():
    raw = "---\ntitle: 标题\n---\n".encode("gbk")
    offset = len(b"---\ntitle: ")  # the first byte of 标题 in GBK is not valid UTF-8 there
    error = read_error(raw)
    assert error.code == "not-utf8"
    assert f"0x{raw[offset]:02x}" in error.message
    assert f"第 {offset} 个字节" in error.message
    assert "请把文件存为 UTF-8 编码" in error.message


def test_a_stray_latin1_byte_in_the_body_is_rejected_too():
    error = read_error(b"---\ntitle: x\n---\ncaf\xe9\n")
    assert error.code == "not-utf8"
    assert "0xe9" in error.message


# -- presence and shape of front matter -------------------------------------


def test_no_front_matter_gives_empty_meta_and_the_whole_text_as_body():
    document = read("# 标题\n\n正文\n")
    assert document.meta == {}
    assert document.body == "# 标题\n\n正文\n"
    assert document.has_front_matter is False


def test_a_thematic_break_is_not_front_matter():
    document = read("----\n\n正文\n")
    assert document.meta == {}
    assert document.has_front_matter is False


def test_empty_front_matter_is_an_empty_mapping():
    document = read("---\n---\n正文\n")
    assert document.meta == {}
    assert document.has_front_matter is True
    assert document.body.strip() == "正文"


def test_windows_line_endings_are_read():
    document = read("---\r\ntitle: 标题\r\ndate: 2024-06-18\r\n---\r\n正文\r\n")
    assert document.meta == {"title": "标题", "date": "2024-06-18"}


def test_unclosed_front_matter_is_an_error_saying_so():
    error = read_error("---\ntitle: 标题\ndate: 2024-06-18\n\n正文没有结束线\n")
    assert (error.field, error.code, error.line) == ("front matter", "front-matter-not-closed", 3)
    assert "没有结束" in error.message
    assert "请在第 3 行之后加一行 ---" in error.message


def test_invalid_yaml_is_an_error_of_the_front_matter():
    error = read_error("---\ntitle: 标题\ndate: 2024-06-18\nformat: 微协商: 座谈\n---\n正文\n")
    assert (error.field, error.code) == ("front matter", "yaml-invalid")
    assert error.message.startswith("不是有效的 YAML（第 4 行第 12 列：")
    assert "请用英文引号把整个值括起来" in error.message


@pytest.mark.parametrize(
    ("text", "line"),
    [
        # line 4 of the file is the broken one
        ("---\ntitle: 标题\ndate: 2024-06-18\nformat: 微协商: 座谈\n---\n正文\n", 4),
        # blank lines after the opening fence still count as lines of the file
        ("---\n\n\ntitle: 标题\nformat: 微协商: 座谈\n---\n正文\n", 5),
    ],
    ids=["plain", "blank-lines-after-fence"],
)
def test_invalid_yaml_names_the_line_of_the_file(text, line):
    error = read_error(text)
    assert error.line == line
    assert f"第 {line} 行" in error.message, error.message


@pytest.mark.parametrize(
    ("front_matter", "shape"),
    [
        ("- 标题\n- 2024-06-18\n", "列表"),
        ("只是一行字\n", "一行文字"),
        ("42\n", "一个数字"),
    ],
    ids=["list", "text", "number"],
)
def test_front_matter_that_is_not_a_mapping_is_an_error_naming_what_it_is(front_matter, shape):
    error = read_error(f"---\n{front_matter}---\n正文\n")
    assert (error.field, error.code, error.line) == ("front matter", "front-matter-not-mapping", 2)
    assert "应写成一行一个“字段: 值”" in error.message
    assert f"被读成了{shape}" in error.message


@pytest.mark.parametrize(
    ("line", "shown"),
    [("1: 一", "1"), ("true: 真", "True"), ("~: 空", "None"), ("2024-06-18: 日期?", None)],
    ids=["int", "bool", "null", "date-like"],
)
def test_field_names_must_be_text(line, shown):
    if shown is None:
        # A date-like key stays text, like every date: it is a (bad) field name, not an error here.
        assert read(f"---\n{line}\n---\n").meta == {"2024-06-18": "日期?"}
        return
    error = read_error(f"---\ntitle: 标题\n{line}\n---\n")
    assert (error.field, error.code) == ("front matter", "field-name-not-text")
    assert error.message == f"字段名应是文字（写的是 {shown}）"


def test_python_specific_yaml_tags_are_refused():
    error = read_error("---\ntitle: !!python/object/apply:os.system ['echo hi']\n---\n")
    assert (error.field, error.code) == ("front matter", "yaml-invalid")
    assert "不支持的 YAML 标签" in error.message


def _alias_bomb(levels: int = 9, width: int = 9) -> str:
    """The "billion laughs": each level is a list of `width` aliases of the level below."""
    names = [f"l{level}" for level in range(levels)]
    lines = [f"{names[0]}: &{names[0]} [" + ", ".join(['"哈"'] * width) + "]"]
    for below, name in itertools.pairwise(names):
        lines.append(f"{name}: &{name} [" + ", ".join([f"*{below}"] * width) + "]")
    return "---\ntitle: 炸弹\n" + "\n".join(lines) + "\n---\n正文\n"


def test_a_yaml_alias_bomb_is_refused_quickly():
    text = _alias_bomb()  # 9 levels of 9: 9**9 ≈ 387 million values once expanded
    started = time.perf_counter()
    error = read_error(text)
    elapsed = time.perf_counter() - started
    assert (error.field, error.code) == ("front matter", "yaml-too-large")
    assert "太大" in error.message
    assert "别名" in error.message
    # A generous bound: a walk of the expanded tree would take minutes, not seconds.
    assert elapsed < 1.0, f"took {elapsed:.2f} s"


def test_modest_aliases_are_still_allowed():
    document = read("---\ntags: &t [民生, 交通]\nreports: *t\n---\n")
    assert document.meta["reports"] == ["民生", "交通"]


# -- dates stay text --------------------------------------------------------


@pytest.mark.parametrize("value", ["2024-06-18", "2024-13-45", "2024-02-30", "2024-06-18 10:00:00"])
def test_dates_stay_text_even_when_impossible(value):
    document = read(f"---\ndate: {value}\nsource:\n  date: {value}\n---\n")
    assert document.meta["date"] == value
    assert document.meta["source"]["date"] == value


def test_the_line_of_each_top_level_field_is_known():
    document = read("---\ntitle: 标题\n\nsource:\n  name: 人民政协报\ntags: [a, b]\n---\n正文\n")
    assert document.field_lines == {"title": 2, "source": 4, "tags": 6}
    assert document.written_line("tags") == "tags: [a, b]"


def test_other_yaml_types_are_still_typed():
    document = read("---\nmembers: 8\ndraft: true\ntags: [a, b]\nhighlight: false\n---\n")
    assert document.meta == {"members": 8, "draft": True, "tags": ["a", "b"], "highlight": False}
