"""Messages about one field's value: what was found (`{got}`, as written) and what is allowed."""

from __future__ import annotations

from shangliang.messages.wording import Template as T

FIELD_PROBLEMS: dict[str, T] = {
    # -- any field -------------------------------------------------------------------------------
    "unknown-field": T("未知字段，已忽略（{hint}）", "unknown field, ignored ({hint})"),
    "missing-required": T("缺少（必填：{expected}）", "missing (required: {expected})"),
    "field-not-allowed": T("不允许：{why}", "not allowed: {why}"),
    "unknown-hide-value": T(
        "未知的值，已忽略（写的是 {got}；可用的有 {allowed}）",
        "unknown value, ignored (got {got}; expected any of {allowed})",
    ),
    # -- kinds of value --------------------------------------------------------------------------
    "not-text": T("应是一行文字（写的是 {got}）", "expected a line of text (got {got})"),
    "not-whole-number": T("应是整数（写的是 {got}）", "expected a whole number (got {got})"),
    "number-too-small": T("不能小于 {minimum}（写的是 {got}）", "must be {minimum} or more (got {got})"),
    "implausible-number": T(
        "不太可能：超过了 {maximum:,}（写的是 {got}）；如果数字没错，请在 mkdocs.yml 里调高 {option}",
        "implausible: more than {maximum:,} (got {got}); if the figure is right, raise {option} in mkdocs.yml",
    ),
    "not-a-list": T(
        "应是列表（写的是 {got}；请写成 [{example}]）",
        "expected a list (got {got}; write it as [{example}])",
    ),
    "list-item-not-text": T("第 {position} 项应是文字（写的是 {got}）", "item {position} must be text (got {got})"),
    "not-true-or-false": T("应是 true 或 false（写的是 {got}）", "expected true or false (got {got})"),
    "not-allowed-value": T(
        "不是可用的值（写的是 {got}；应是 {allowed} 之一）", "not allowed (got {got}; expected one of {allowed})"
    ),
    "not-a-key": T(
        "不是键（写的是 {got}；应是某个页面的文件名：小写字母、数字和连字符，例如 minhou）",
        "not a key (got {got}; expected the file name of a page, lowercase letters, digits and hyphens, e.g. minhou)",
    ),
    "not-a-date": T("不是日期（写的是 {got}；应写成 {expected}）", "not a date (got {got}; expected {expected})"),
    "date-loose-form": T(
        "日期写法不对（写的是 {got}）：请写成 {suggestion}（月和日都写两位，用英文连字符“-”隔开）",
        "not a date in the expected form (got {got}): write {suggestion} (two-digit month and day, joined by '-')",
    ),
    "not-a-day": T("不是具体的日子（写的是 {got}；应写成 YYYY-MM-DD）", "not a day (got {got}; expected YYYY-MM-DD)"),
    "year-out-of-range": T(
        "年份超出范围（写的是 {year}；应在 {earliest}–{latest} 之间）",
        "year out of range (got {year}; expected {earliest}–{latest})",
    ),
    "not-year-or-month": T(
        "应是年份或年月（写的是 {got}；应写成 YYYY 或 YYYY-MM）",
        "expected a year or a month (got {got}; expected YYYY or YYYY-MM)",
    ),
    "source-not-fields": T(
        "下面应写 name、url、date 几行（写的是 {got}）", "expected name, url and date lines under it (got {got})"
    ),
    "not-a-web-address": T(
        "应是以 http:// 或 https:// 开头的网址（写的是 {got}）",
        "expected a web address starting with http:// or https:// (got {got})",
    ),
    # -- a case ----------------------------------------------------------------------------------
    "stages-not-mapping": T(
        "应每个已到的进度写一行“进度: 日期”，例如 协商: 2024-06-18（写的是 {got}）",
        "expected one 'stage: date' line per stage reached, e.g. 协商: 2024-06-18 (got {got})",
    ),
    "unknown-stage": T(
        "不是进度（写的是 {got}；应是 {stages} 之一）",
        "not a stage (got {got}; expected one of {stages})",
    ),
    "stage-date-missing": T("缺少日期（应写成 {expected}）", "missing its date (expected {expected})"),
    "stages-out-of-order": T(
        "{earlier}（{earlier_date}）的日期晚于 {later}（{later_date}）：进度依次是 {order}",
        "{earlier} ({earlier_date}) is dated after {later} ({later_date}): stages are reached in the order {order}",
    ),
    "status-before-stage": T(
        "{status} 早于 stages（进度日期）里已写了日期的 {last}：status 是已到达的最远进度"
        "（请写 status: {last}，或不写）",
        "{status} is earlier than {last}, which stages dates: status is the furthest stage reached (write "
        "status: {last}, or leave it out)",
    ),
    "highlight-before-date": T(
        "评为优秀案例的年份（{year}）早于案例本身（{case_year}）：案例只能在当年或以后被评为优秀",
        "the year of commendation ({year}) is before the case itself ({case_year}): a case is commended in "
        "its own year or later",
    ),
    "not-highlight-year": T(
        "应是评为优秀案例的年份，或 true、false（写的是 {got}）",
        "expected the year the case was commended, true or false (got {got})",
    ),
    "future-date": T(
        "{date} 比今天（{today}）晚一个多月：案例在协商之后才发布，请检查年份",
        "{date} is more than a month after today ({today}): a case is published after its consultation; "
        "check the year",
    ),
    "unknown-venue": T(
        "未知的协商阵地（写的是 {got}；应是 venues/ 下某个页面的键（{known}），或直接写出地点名称）",
        "unknown venue (got {got}; expected the key of a page under venues/, one of {known}, or the venue's "
        "name written out)",
    ),
    "unknown-district": T(
        "未知的区县（写的是 {got}；应是 {known} 之一）",
        "unknown district (got {got}; expected one of {known})",
    ),
    "unknown-brand": T(
        "未知的品牌（写的是 {got}；应是 {known} 之一）",
        "unknown brand (got {got}; expected one of {known})",
    ),
    "cover-missing": T(
        "没有这个文件（写的是 {got}；找的是 {looked_for}；路径相对于案例文件本身）",
        "no such file (got {got}; looked for {looked_for}; the path is relative to the case file)",
    ),
    # -- a brand or district ---------------------------------------------------------------------
    "sub-brands-not-list": T(
        "应是子品牌的列表，每项写成 '- name: …'（写的是 {got}）",
        "expected a list of sub-brands, each '- name: …' (got {got})",
    ),
    "sub-brand-not-name": T(
        "应写成 '- name: …'，可另加一行 organisation（写的是 {got}）",
        "expected '- name: …' with an optional organisation (got {got})",
    ),
    "years-not-mapping": T(
        "应按年份写，每年一行（如 '2024:'），其下再写各项（写的是 {got}）",
        "expected years, each with its lines under it, e.g. '2024:' (got {got})",
    ),
    "not-a-year": T("应是年份，例如 2024（写的是 {got}）", "expected a year such as 2024 (got {got})"),
    "figures-year-not-mapping": T(
        "这一年的数字应写成一行一个“名称: 数值”（写的是 {got}）",
        "expected the year's figures as 'name: value' lines (got {got})",
    ),
    "unknown-figure": T("未知的数字名称，已忽略（{hint}）", "unknown figure, ignored ({hint})"),
    "no-figures-for-year": T(
        "这一年没有写任何数字；请写例如 'activities: 百余场'",
        "no figures stated for this year; write e.g. 'activities: 百余场'",
    ),
    "not-a-figure": T(
        "应是数字，或照公布的原样写，例如 百余场（写的是 {got}）",
        "expected a number or the figure as published, e.g. 百余场 (got {got})",
    ),
    "commendation-not-mapping": T(
        "应写 'cases:'、'others:' 和 'source:' 几行（写的是 {got}）",
        "expected 'cases:', 'others:' and 'source:' lines (got {got})",
    ),
    "not-commended-count": T(
        "应是受表扬案例的数量（写的是 {got}）",
        "expected the number of commended cases (got {got})",
    ),
    "commendation-others-not-mapping": T(
        "应写成一行一个“名称: 数量”，例如 优秀委员: 80（写的是 {got}）",
        "expected 'name: number' lines, e.g. 优秀委员: 80 (got {got})",
    ),
}
