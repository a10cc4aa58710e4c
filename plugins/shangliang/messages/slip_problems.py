"""Messages naming a slip of the Chinese keyboard in front matter, each with its line and the fix."""

from __future__ import annotations

from shangliang.messages.wording import Template as T

SLIP_PROBLEMS: dict[str, T] = {
    "full-width-colon": T(
        "第 {line} 行：字段 {key}后面是中文冒号“：”；请改成英文冒号“:”加一个空格，写成 {written}",
        "line {line}: the field {key} is followed by a full-width colon '：'; write an ASCII colon ':' "
        "followed by a space: {written}",
    ),
    "full-width-comma": T(
        "第 {line} 行：列表各项之间用了中文逗号“，”，几项会被读成一项；请改用英文逗号“,”，写成 {written}",
        "line {line}: the items of a list are separated by full-width commas '，', so they read as one item; "
        "write ASCII commas ',': {written}",
    ),
    "full-width-brackets": T(
        "第 {line} 行：列表写在了中文方括号“【】”里；请改用英文方括号“[]”，写成 {written}",
        "line {line}: a list is written in full-width brackets '【】'; write ASCII brackets '[]': {written}",
    ),
    "full-width-space": T(
        "第 {line} 行：用全角空格（U+3000）缩进了；请改用半角空格缩进",
        "line {line}: indented with a full-width space (U+3000); indent with ordinary spaces",
    ),
    "full-width-quotes": T(
        "第 {line} 行：值两边是中文引号“”或‘’，YAML 不把它们当作引号；请改用英文引号 \"…\"，或不加引号",
        "line {line}: the value is in full-width quotes “…” or ‘…’, which YAML does not read as quotes; "
        "use ASCII quotes \"…\" or none",
    ),
    "tab-indent": T(
        "第 {line} 行：用 Tab 键缩进了；YAML 只能用空格缩进，请把 Tab 换成空格",
        "line {line}: indented with a tab; YAML indents with spaces only: replace the tab with spaces",
    ),
    "full-width-fence": T(
        "第 {line} 行：{written} 不是页头的分隔线（用中文输入法打成了破折号）；请写三个英文连字符 ---",
        "line {line}: {written} is not a front matter fence (typed as dashes of a Chinese keyboard); write "
        "three ASCII hyphens ---",
    ),
}
