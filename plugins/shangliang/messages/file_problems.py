"""Messages about a file as a whole: its bytes, its front matter's YAML, its body, its place in the tree.

Each code has its Chinese and English template with the same named parameters. A `{line}` is the
file's line as an editor counts it (1-based).
"""

from __future__ import annotations

from shangliang.messages.wording import Template as T

KEPT_MARKUP_ZH = (
    "页面保留文字、标题、列表、表格、代码、引用、折叠块、提示框，指向 http、https、mailto 或站内的链接，"
    "以及站内图片"
)
KEPT_MARKUP_EN = (
    "a page keeps text, headings, lists, tables, code, quotes, details, admonitions, "
    "links to http, https, mailto or within the site, and images inside the site"
)

FILE_PROBLEMS: dict[str, T] = {
    # -- reading the file ------------------------------------------------------------------------
    "not-utf8": T(
        "不是 UTF-8 文本（第 {offset} 个字节是 {byte}）：请把文件存为 UTF-8 编码"
        "（多数编辑器里是“另存为”→ 编码选 UTF-8）",
        "not UTF-8 text (byte {offset} is {byte}); save the file as UTF-8 (in most editors: 'Save with "
        "encoding' → UTF-8)",
    ),
    "file-too-large": T(
        "文件太大（{size:,} 字节；一个内容文件最多 {maximum:,} 字节）：请拆成几个文件，或把大的材料移出网站",
        "too large ({size:,} bytes; a content file may have at most {maximum:,}): split it, or move large "
        "material out of the site",
    ),
    "front-matter-not-closed": T(
        "没有结束：文件第 1 行是 '---'，后面却没有结束页头的 '---' 行；请在第 {after} 行之后加一行 ---",
        "not closed: the file starts with '---' but has no closing '---' line; add one after line {after}",
    ),
    "yaml-duplicate-key": T(
        "字段 '{key}' 写了两次（第 {line} 行又写了一次）：只保留其中一个，否则 YAML 会悄悄地只用后一个",
        "the field '{key}' is written twice (again on line {line}); keep one of the two: YAML would "
        "silently use the last",
    ),
    "yaml-too-deep": T(
        "嵌套太深：值里的列表和字段最多只能嵌套 {maximum} 层",
        "nested too deeply: values may hold lists and fields at most {maximum} levels deep",
    ),
    "yaml-too-large": T(
        "太大：展开 YAML 别名（&锚点 / *别名）后超过 {maximum:,} 个值；请把值直接写出来",
        "too large: more than {maximum:,} values once YAML aliases (&anchor / *alias) are expanded; "
        "write the values out plainly",
    ),
    "yaml-invalid": T(
        "不是有效的 YAML（第 {line} 行第 {column} 列：{problem}）",
        "not valid YAML ({problem} at line {line}, column {column})",
    ),
    "yaml-unreadable": T("不是有效的 YAML（{problem}）", "not valid YAML ({problem})"),
    "front-matter-not-mapping": T(
        "应写成一行一个“字段: 值”（现在整个页头被读成了{got}）",
        "must be a set of 'field: value' lines (got {got})",
    ),
    "field-name-not-text": T("字段名应是文字（写的是 {got}）", "field names must be text (got {got})"),
    # -- the body --------------------------------------------------------------------------------
    "nesting-too-deep": T(
        "第 {line} 行的列表或引用嵌套了 {depth} 层（最多 {maximum} 层）：Markdown 无法在合理的时间内排版；请减少嵌套",
        "lists or quotes nested {depth} levels deep on line {line} (at most {maximum}): Markdown cannot "
        "render this in reasonable time; flatten the list",
    ),
    "too-much-inline-markup": T(
        "从第 {line} 行开始的段落里有超过 {maximum:,} 个链接或其他行内标记（[、*、_、`、<）："
        "Markdown 无法在合理的时间内排版；请拆成几段或改成列表",
        "the paragraph starting on line {line} holds more than {maximum:,} links or other inline marks "
        "([, *, _, `, <): Markdown cannot render this in reasonable time; split it into paragraphs or lists",
    ),
    "control-character": T(
        "有一个控制字符（{what}），{where}：读者看不到它，请删除",
        "a control character ({what}) {where}: it is not text a reader can see; delete it",
    ),
    "bidi-control": T(
        "有一个文字方向控制字符（{what}），{where}：它会让文字读起来和实际不同，请删除",
        "a text-direction control character ({what}) {where}: it can make the text read differently than "
        "it is; delete it",
    ),
    "invisible-text": T(
        "显示为空：只有看不见的（零宽）字符；请写上文字",
        "shows nothing: it holds only invisible (zero-width) characters; write the text",
    ),
    "unsafe-html": T(
        f"第 {{line}} 行：{{what}} 会从发布的页面里删掉（{KEPT_MARKUP_ZH}）",
        f"line {{line}}: {{what}} is removed from the published page ({KEPT_MARKUP_EN})",
    ),
    "unsafe-html-rendered": T(
        f"{{what}} 已从发布的页面里删掉（{KEPT_MARKUP_ZH}）",
        f"{{what}} removed from the published page ({KEPT_MARKUP_EN})",
    ),
    "empty-section": T(
        "第 {line} 行：「{heading}」一节是空的（只有提纲的提示，或什么也没有）：请写上内容，或删掉这个标题",
        "line {line}: the section 「{heading}」 is empty (only the outline's hints, or nothing): write it, "
        "or delete the heading",
    ),
    # -- the file in the tree --------------------------------------------------------------------
    "same-url": T(
        "与 {other} 的网址相同（/{url}）：请给其中一个文件改名",
        "has the same URL /{url} as {other}; rename one of the two files",
    ),
    "unknown-kind": T(
        "未知的页面类型（写的是 {got}；应是 {allowed} 之一）",
        "unknown kind (got {got}; expected one of {allowed})",
    ),
    "case-without-front-matter": T(
        "缺少页头：案例文件以 '---' 包围的页头开始，至少写明 title（标题）、date（协商日期）、district（区县）和 "
        "format（协商形式）",
        "missing: a case starts with a '---' block holding at least title, date, district and format",
    ),
    "file-name-not-key": T(
        "'{key}' 不能作为键：请用小写字母、数字和连字符给文件改名（通常用拼音，例如 minhou.md）",
        "'{key}' cannot be a key: rename the file using lowercase letters, digits and hyphens (usually "
        "pinyin, e.g. minhou.md)",
    ),
    "key-taken": T(
        "{what} '{key}' 已经由 {other} 定义：一个键只对应一个页面，请给其中一个文件改名",
        "{what} '{key}' is already defined by {other}; each key names one page: rename one of the two files",
    ),
    "file-not-named-by-year": T(
        "{what}页面以年份命名，例如 {example}",
        "a {what} page is named after its year, e.g. {example}",
    ),
    "case-outside-year-folder": T(
        "案例文件放在以年份命名的文件夹里：请移到 cases/{year}/",
        "case files go in a folder named after their year: move it to cases/{year}/",
    ),
    "folder-year-differs": T(
        "年份 {year} 与所在文件夹 cases/{folder}/ 不一致（请把文件移到 cases/{year}/，或改正日期）",
        "the year {year} differs from the folder cases/{folder}/ (move the file to cases/{year}/ or fix the date)",
    ),
    "symlink-outside": T(
        "{why}：经由它的任何内容都不会发布；请用内容文件夹里的文件副本替换这个链接，或删除它",
        "{why}: nothing reached through it is published; replace the link with a copy of the file inside "
        "the content folder, or delete it",
    ),
    "roundup-unreadable": T("无法更新这份年度综述：{reason}", "{reason}"),
    "roundup-stale": T(
        "与已发布的案例不一致（其中的数字或列表已有变化）；要更新全部年度综述，请运行：{command}",
        "out of date with the published cases (its figures or lists have changed); to bring every roundup "
        "up to date run: {command}",
    ),
}
