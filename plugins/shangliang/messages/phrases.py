"""Fragments that messages are worded from: what is allowed, hints, where in a value, what a link is."""

from __future__ import annotations

from shangliang.messages.wording import Template as T

PHRASES: dict[str, T] = {
    # -- what is allowed -------------------------------------------------------------------------
    "expect-text": T("一行文字", "a line of text"),
    "expect-date": T("日期，写成 {forms}", "a date written {forms}"),
    "date-forms": T("YYYY-MM-DD、YYYY-MM 或 YYYY", "YYYY-MM-DD, or YYYY-MM or YYYY when the source gives no day"),
    "day-form": T("YYYY-MM-DD", "YYYY-MM-DD"),
    "expect-one-of": T("{allowed} 之一", "one of {allowed}"),
    "expect-brand-key": T("所属品牌的键，例如 rong", "the key of the parent brand, e.g. rong"),
    "expect-venue-district-key": T("所在区县的键，例如 minhou", "the key of the venue's district, e.g. minhou"),
    "expect-district-keys": T(
        "区县的键；联合协商写成几个键的列表",
        "a district key, or a list of keys for a joint case",
    ),
    "no-keys-yet": T(
        "目前一个也没有：请先在对应的文件夹里添加页面",
        "none: add a page under the matching folder first",
    ),
    # -- hints -----------------------------------------------------------------------------------
    "did-you-mean": T("是不是想写 {name}？", "did you mean '{name}'?"),
    "known-fields": T("可用的字段：{names}", "known fields: {names}"),
    "known-figures": T("可用的数字名称：{names}", "known figures: {names}"),
    "refused-template": T(
        "网站自己决定每个页面的版式；请删除这一行",
        "shangliang chooses each page's layout itself; delete this line",
    ),
    "refused-icon": T("本站的页面不用图标；请删除这一行", "pages of this site have no icons; delete this line"),
    # -- where in a text -------------------------------------------------------------------------
    "on-line-column": T("在第 {line} 行第 {column} 列", "on line {line}, column {column}"),
    "at-position": T("在第 {position} 个字符处", "at position {position}"),
    "at-position-of-line": T("在值的第 {line} 行第 {position} 个字符处", "at position {position} of its line {line}"),
    # -- what a thing is -------------------------------------------------------------------------
    "shape-list": T("列表", "a list"),
    "shape-text": T("一行文字", "a line of text"),
    "shape-fields": T("一组字段", "a set of fields"),
    "shape-number": T("一个数字", "a number"),
    "shape-truth": T("true 或 false", "true or false"),
    "kind-brand": T("品牌", "brand"),
    "kind-district": T("区县", "district"),
    "kind-venue": T("协商阵地", "venue"),
    "kind-roundup": T("年度综述", "roundup"),
    "kind-highlights": T("年度优秀案例", "highlights"),
    "link-to-nothing": T(
        "指向不存在的地方的符号链接（或链接绕成了圈）",
        "a symbolic link to nothing (or a loop of links)",
    ),
    "link-outside": T("指向内容文件夹之外的符号链接", "a symbolic link to a place outside the content folder"),
    "link-loop": T(
        "指向包含它自己的文件夹的符号链接（绕成了圈）",
        "a symbolic link to a folder that contains it (a loop)",
    ),
    "markup-element": T("<{name}>", "<{name}>"),
    "markup-handler": T("{name}=", "{name}="),
    "markup-scheme-link": T("{scheme}: 链接", "{scheme}: link"),
    "markup-remote-image": T("外站图片（{address}）", "image from another host ({address})"),
    # -- what the YAML parser said ----------------------------------------------------------------
    "yaml-colon-in-value": T(
        "这里不能出现冒号加空格“: ”；值里有“: ”时，请用英文引号把整个值括起来",
        "mapping values are not allowed here",
    ),
    "yaml-expected-colon": T("找不到应有的冒号“:”", "could not find expected ':'"),
    "yaml-tab": T("这里不能用 Tab 字符", "found character '\\t' that cannot start any token"),
    "yaml-unexpected-end": T("页头意外地结束了（可能少了一个引号或括号）", "found unexpected end of stream"),
    "yaml-indentation": T("缩进不一致（同一层的字段要对齐）", "inconsistent indentation (fields of one level line up)"),
    "yaml-unclosed-list": T("列表或括号没有正确结束", "a list or a bracket is not closed"),
    "yaml-undefined-alias": T("用了没有定义的别名 {alias}", "found undefined alias {alias}"),
    "yaml-tag": T("不支持的 YAML 标签 {tag}", "could not determine a constructor for the tag {tag}"),
    "yaml-escape": T(
        "双引号里有不认识的转义字符（\\ 后面的字符）",
        "an unknown escape character in double quotes (after \\)",
    ),
    "yaml-problem": T("{problem}", "{problem}"),
}
