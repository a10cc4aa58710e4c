"""An article and what it names → a draft case, with a note for every field the editor should check.

`article_outcome(article, guesses, catalogue, defaults)` fills title, date, district, brand,
format, venue and source from the article; the district and format fall back to `defaults`
(the command's `--district` / `--format`) only when the text names none of the site's. With no
date, district or format there is no draft, and `Outcome.refusal` says what to give instead.
"""

from __future__ import annotations

from shangliang.dates import PartialDate
from shangliang.importers.article import Article, consultation_date
from shangliang.importers.draft import Draft
from shangliang.importers.guess import Guess, Guesses
from shangliang.importers.outcome import Defaults, Finding, Note, Outcome
from shangliang.model import Catalogue
from shangliang.pages.chinese import date_zh

IMPORT_COMMAND = "scripts/import_article.py"


def article_outcome(
    article: Article, guesses: Guesses, catalogue: Catalogue, defaults: Defaults, *, origin: str
) -> Outcome:
    notes: list[Note] = []
    refusals: list[str] = []
    values: dict[str, object] = {"title": article.title}
    remarks: dict[str, str] = {}

    date = consultation_date(article)
    if date is None:
        refusals.append("网页上找不到日期（正文没有写，网页也没有标明发布日期）")
    else:
        values["date"] = date.date
        if date.words:
            notes.append(Note(Finding.GUESS, "date", f"{date.date}，据正文“{date.words}”"))
            remarks["date"] = f"待确认：据正文“{date.words}”"
        else:
            notes.append(Note(Finding.GUESS, "date", f"{date.date}，正文没有写协商日期，暂用网页的发布日期"))
            remarks["date"] = "待确认：正文没有写协商日期，暂用网页的发布日期"

    district = _district(guesses.district, defaults, catalogue, notes, refusals, guesses.brand)
    if district:
        values["district"] = district
        remarks["district"] = _remark(guesses.district) if guesses.district else "默认值：命令的 --district"
        brand_key = catalogue.districts[district[0]].brand_key
        _brand(guesses.brand, brand_key, catalogue, notes, values, remarks)

    format_ = _format(guesses.format, defaults, notes, refusals)
    if format_:
        values["format"] = format_
        remarks["format"] = _remark(guesses.format) if guesses.format else "默认值：命令的 --format"

    if guesses.venue is not None:
        values["venue"] = guesses.venue.value
        remarks["venue"] = _remark(guesses.venue)
        notes.append(Note(Finding.GUESS, "venue", _said(guesses.venue)))
    else:
        notes.append(Note(Finding.MISSING, "venue", "原文没有提到站内的协商阵地；知道地点的话请补上"))

    values["source"] = _source(article, notes)
    remarks["source"] = f"来源的名称取自{article.source_name_from}" if article.source_name else ""

    if refusals:
        return Outcome(origin, None, tuple(notes), "；".join(refusals))
    return Outcome(origin, Draft(values, _body(article), remarks), tuple(notes))


def _district(
    guess: Guess | None, defaults: Defaults, catalogue: Catalogue, notes: list[Note], refusals: list[str],
    brand: Guess | None,
) -> tuple[str, ...]:
    if guess is not None:
        notes.append(Note(Finding.GUESS, "district", _said(guess)))
        return (guess.value,)
    if defaults.district_keys:
        shown = "、".join(defaults.district_keys)
        notes.append(Note(Finding.DEFAULT, "district", f"原文没有提到站内的区县，用了 --district 给的 {shown}"))
        return defaults.district_keys
    hint = ""
    if brand is not None:
        keys = sorted(key for key, item in catalogue.districts.items() if item.brand_key == brand.value)
        hint = f"；原文提到品牌 {brand.chosen.shown}，它的区县有 " + "、".join(keys) if keys else ""
    refusals.append(f"原文没有提到站内的任何区县{hint}；请用 --district 指定区县的键")
    return ()


def _brand(
    guess: Guess | None, district_brand: str, catalogue: Catalogue, notes: list[Note],
    values: dict[str, object], remarks: dict[str, str],
) -> None:
    if guess is None:
        name = catalogue.brands[district_brand].name if district_brand in catalogue.brands else district_brand
        notes.append(Note(Finding.GUESS, "brand", f"原文没有提到品牌，按区县所属的 {district_brand}（{name}），不另写"))
    elif guess.value == district_brand:
        notes.append(Note(Finding.GUESS, "brand", f"{_said(guess)}；与区县所属品牌相同，不另写"))
    else:
        values["brand"] = guess.value
        remarks["brand"] = _remark(guess)
        notes.append(Note(Finding.GUESS, "brand", f"{_said(guess)}；与区县所属品牌 {district_brand} 不同，已写入"))


def _format(guess: Guess | None, defaults: Defaults, notes: list[Note], refusals: list[str]) -> str | None:
    if guess is not None:
        notes.append(Note(Finding.GUESS, "format", _said(guess)))
        return guess.value
    if defaults.format:
        message = f"原文没有提到站内的协商形式，用了 --format 给的 {defaults.format}"
        notes.append(Note(Finding.DEFAULT, "format", message))
        return defaults.format
    refusals.append("原文没有提到站内的任何协商形式；请用 --format 指定")
    return None


def _source(article: Article, notes: list[Note]) -> dict[str, object]:
    source: dict[str, object] = {"name": article.source_name, "url": article.url, "date": article.published}
    if article.source_name:
        notes.append(Note(Finding.GUESS, "source.name", f"{article.source_name}，取自{article.source_name_from}"))
    else:
        notes.append(Note(Finding.MISSING, "source.name", "网页上没有写明来源"))
    if not article.url:
        notes.append(Note(Finding.MISSING, "source.url", "网页没有标明自己的网址；知道的话请补上"))
    if article.published is None:
        notes.append(Note(Finding.MISSING, "source.date", "网页没有标明发布日期"))
    return source


def _said(guess: Guess) -> str:
    """`minhou（闽侯县），据原文“闽侯县”×2；原文还提到 gulou（鼓楼区）`."""
    text = f"{guess.chosen.shown}，据原文{guess.words}"
    if guess.others:
        text += "；原文还提到 " + "、".join(f"{other.shown}{other.evidence[0]}" for other in guess.others)
    return text


def _remark(guess: Guess) -> str:
    return f"待确认：据原文{guess.words}"


def _body(article: Article) -> str:
    """The article's text, then a note on where it came from."""
    where = article.source_name or "网页"
    when = f"{date_zh(article.published)}" if isinstance(article.published, PartialDate) else ""
    address = f"（{article.url}）" if article.url else ""
    note = (
        f"本稿由 `{IMPORT_COMMAND}` 据{where}{when}的报道导入{address}。页头标着“待确认”的各项是导入时"
        "从原文猜出来的，发布前请逐项核对；正文照录原文，请按本站的写法改写、删去与本案例无关的内容。"
    )
    return f"{article.body}\n\n## 说明\n\n{note}\n"
