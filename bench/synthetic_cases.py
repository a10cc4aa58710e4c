"""The synthetic publication the benchmark builds: brands, districts and case plans, from a seed.

`Generator(cases, seed)` decides everything a tree holds, deterministically: a province's
brands and very unequal districts, cases over 2020–2025 (more in recent years), ~3 % joint
cases, ~5 % highlights chosen per brand and year like the commended lists, all contract
fields with realistic gaps, and 800–2,500 characters of prose per case built from
`vocabulary.py`. `synthetic_tree.py` writes it to disk.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass, field
from typing import Any

from bench import vocabulary as words
from shangliang.model import DEFAULT_FORMATS, STAGES

FIRST_YEAR, LAST_YEAR = 2020, 2025
YEAR_WEIGHTS = (10, 13, 16, 18, 21, 22)
JOINT_SHARE = 0.03
HIGHLIGHT_SHARE = 0.05
FORMAT_WEIGHTS = {"微协商": 40, "民情座谈会": 8, "政策宣讲": 4, "为民办实事": 8, "委员进小院": 8,
                  "协商议事会": 12, "委员沙龙": 4, "界别协商": 5, "专题协商会": 6, "视察调研": 5}  # fmt: skip
STAGE_WEIGHTS = dict(zip(STAGES, (2, 5, 15, 10, 28, 40), strict=True))  # 选题 … 落实: most cases reach 办理/落实
PLACE_SUFFIX = {"社区": "社区", "村": "村", "街道": "街道", "路": "路",
                "学校": "小学", "市场": "农贸市场", "园区": "产业园"}  # fmt: skip


@dataclass
class District:
    key: str
    name: str
    level: str  # 区 / 县 / 市
    brand: str
    sub_brand: str
    streets: list[str] = field(default_factory=list)
    places: dict[str, list[tuple[str, str]]] = field(default_factory=dict)  # setting → (name, pinyin)


@dataclass
class Brand:
    key: str
    city: str
    name: str
    districts: list[District] = field(default_factory=list)


@dataclass
class CasePlan:
    number: int
    date: dt.date
    districts: list[District]
    brand: Brand
    problem: words.Problem
    place: str
    place_pinyin: str
    street: str
    meta: dict[str, Any] = field(default_factory=dict)
    src_uri: str = ""
    query: str = ""


class _Slots(dict):
    """Fixed words of one case; any other `{slot}` in a pattern gets a fresh random value."""

    def __init__(self, rng: random.Random, fixed: dict[str, str]) -> None:
        super().__init__(fixed)
        self.rng = rng

    def __missing__(self, slot: str) -> str:
        rng = self.rng
        name = slot.rstrip("2")
        if name == "person":
            return rng.choice(words.SURNAMES) + "".join(rng.choices(words.GIVEN, k=rng.choice((1, 2, 2))))
        choices = {"role": words.ROLES, "action": words.ACTIONS, "concern": words.CONCERNS, "measure": words.MEASURES}
        if name in choices:
            return rng.choice(choices[name])
        numbers = {"n": (2, 9), "nn": (10, 99), "nnn": (100, 999), "nnnn": (1000, 9999), "hh": (80, 1600),
                   "pct": (35, 98), "mon": (1, 12), "d": (1, 28), "oldyear": (1980, 2005)}  # fmt: skip
        low, high = numbers[name]
        return str(rng.randint(low, high))


class Generator:
    def __init__(self, cases: int, seed: int) -> None:
        self.count = cases
        self.seed = seed
        self.rng = random.Random(seed)
        self.used_names: set[str] = set()
        self.used_keys: set[str] = set()

    # -- names ---------------------------------------------------------------------------------

    def _name(self) -> tuple[str, str]:
        """A fresh two-syllable place name and its pinyin."""
        while True:
            (a, pa), (b, pb) = self.rng.sample(words.SYLLABLES, 2)
            if a + b not in self.used_names:
                self.used_names.add(a + b)
                return a + b, pa + pb

    def _key(self, pinyin: str, suffix: str) -> str:
        key = pinyin if pinyin not in self.used_keys else f"{pinyin}-{suffix}"
        while key in self.used_keys:
            key += "x"
        self.used_keys.add(key)
        return key

    def brands(self) -> list[Brand]:
        district_count = 96 if self.count >= 400 else max(3, self.count // 4)
        brand_count = max(1, min(6, district_count // 12)) if district_count < 72 else 6
        brands = []
        for number in range(brand_count):
            city, pinyin = self._name()
            pattern = words.BRAND_PATTERNS[number % len(words.BRAND_PATTERNS)]
            brands.append(Brand(self._key(pinyin, "shi"), city, pattern.format(c=city[0])))
        for number in range(district_count):
            brand = brands[number % brand_count]
            name, pinyin = self._name()
            level = self.rng.choices("区县市", weights=(5, 4, 1))[0]
            sub_brand = ""
            if self.rng.random() < 0.6:
                sub_brand = self.rng.choice(words.SUB_BRAND_PATTERNS).format(c=name)
            district = District(self._key(pinyin, "xian"), name + level, level, brand.key, sub_brand)
            district.streets = [self._name()[0] + self.rng.choice(("街道", "镇", "乡")) for _ in range(6)]
            for setting, suffix in PLACE_SUFFIX.items():
                size = 3 if setting in ("学校", "市场", "园区") else 14
                district.places[setting] = [
                    (name + suffix, pinyin) for name, pinyin in (self._name() for _ in range(size))
                ]
            brand.districts.append(district)
        return brands

    # -- cases ---------------------------------------------------------------------------------

    def plans(self, brands: list[Brand]) -> list[CasePlan]:
        rng = self.rng
        districts = [district for brand in brands for district in brand.districts]
        order = districts[:]
        rng.shuffle(order)
        weights = [1 / (rank + 1) ** 0.5 for rank in range(len(order))]  # a few big districts, a long tail
        by_key = {brand.key: brand for brand in brands}
        years = list(range(FIRST_YEAR, LAST_YEAR + 1))
        plans: list[CasePlan] = []
        slugs: set[str] = set()
        for number in range(self.count):
            year = rng.choices(years, weights=YEAR_WEIGHTS)[0]
            date = dt.date(year, 1, 1) + dt.timedelta(days=rng.randrange(365))
            first = rng.choices(order, weights=weights)[0]
            chosen = [first]
            if rng.random() < JOINT_SHARE and len(districts) > 1:
                neighbours = [d for d in by_key[first.brand].districts if d is not first] or districts
                chosen.append(rng.choice(neighbours if rng.random() < 0.8 else districts))
                if chosen[1] is first:
                    chosen.pop()
            problem = rng.choice(words.PROBLEMS)
            place, place_pinyin = rng.choice(first.places[problem.setting])
            plan = CasePlan(number, date, chosen, by_key[first.brand], problem, place, place_pinyin,
                            rng.choice(first.streets))  # fmt: skip
            slug = f"{place_pinyin}-{problem.slug}"
            while f"{year}/{slug}" in slugs:
                slug += f"-{rng.randint(2, 99)}"
            slugs.add(f"{year}/{slug}")
            plan.src_uri = f"cases/{year}/{slug}.md"
            plan.query = f"{place} {problem.keyword}"
            plan.meta = self._meta(plan)
            plans.append(plan)
        self._highlight(plans)
        return plans

    def _meta(self, plan: CasePlan) -> dict[str, Any]:
        rng = self.rng
        problem = plan.problem
        title = rng.choice(words.TITLE_PATTERNS).format(place=plan.place, phrase=problem.phrase, kw=problem.keyword)
        formats = list(DEFAULT_FORMATS)
        meta: dict[str, Any] = {
            "title": title,
            "date": plan.date.isoformat(),
            "district": [d.key for d in plan.districts] if len(plan.districts) > 1 else plan.districts[0].key,
            "format": rng.choices(formats, weights=[FORMAT_WEIGHTS.get(name, 3) for name in formats])[0],
        }
        if rng.random() < 0.6:
            meta["venue"] = rng.choice((
                f"{plan.street}委员联系点", f"{plan.place}议事厅", f"{plan.place}委员工作室",
                f"{plan.street}政协委员之家", "项目现场", "田间地头", f"{plan.place}党群服务中心",
            ))  # fmt: skip
        tags = list(problem.topics[: rng.randint(1, len(problem.topics))])
        if rng.random() < 0.4:
            extra = rng.choice(words.TOPICS)
            if extra not in tags:
                tags.append(extra)
        meta["tags"] = tags
        members = rng.randint(3, 30)
        if rng.random() < 0.75:
            meta["members"] = members
        if rng.random() < 0.7:
            meta["participants"] = members + rng.randint(5, 140)
        level = plan.districts[0].level
        departments = [level + name for name in problem.departments]
        if rng.random() < 0.3:
            departments.append(level + rng.choice(words.DEPARTMENTS))
        if rng.random() < 0.8:
            meta["departments"] = list(dict.fromkeys(departments))
        if rng.random() < 0.6:
            meta["problems_solved"] = rng.choices(range(13), weights=[4, 10, 12, 12, 10, 8, 6, 4, 3, 2, 2, 1, 1])[0]
        if rng.random() < 0.9:
            meta["status"] = rng.choices(list(STAGE_WEIGHTS), weights=list(STAGE_WEIGHTS.values()))[0]
        if rng.random() < 0.25:
            meta["reports"] = [self._report(plan.date)]
            if rng.random() < 0.2:
                meta["reports"].append(self._report(plan.date, "社情民意信息"))
        if rng.random() < 0.3:
            meta["source"] = {"name": rng.choice(("人民政协报", "政协之窗", "学习强国", "今日头条号", "市政协网站")),
                              "date": (plan.date + dt.timedelta(days=rng.randint(0, 20))).isoformat()}  # fmt: skip
        return meta

    def _report(self, date: dt.date, series: str = "协商专报") -> str:
        year = date.year + (1 if date.month == 12 and self.rng.random() < 0.5 else 0)
        return f"{series}{min(year, LAST_YEAR)}年第{self.rng.randint(1, 30)}期"

    def _highlight(self, plans: list[CasePlan]) -> None:
        """About 5 % of each brand's cases of a year, commended that year or the next."""
        groups: dict[tuple[str, int], list[CasePlan]] = {}
        for plan in plans:
            groups.setdefault((plan.brand.key, plan.date.year), []).append(plan)
        for (_, year), group in sorted(groups.items()):
            wanted = int(len(group) * HIGHLIGHT_SHARE + self.rng.random())
            for plan in self.rng.sample(group, min(wanted, len(group))):
                roll = self.rng.random()
                if roll < 0.1:
                    plan.meta["highlight"] = True
                else:
                    plan.meta["highlight"] = year + 1 if roll > 0.7 and year < LAST_YEAR else year
                if "status" in plan.meta:
                    plan.meta["status"] = "落实"

    # -- prose ---------------------------------------------------------------------------------

    def body(self, plan: CasePlan, brands: dict[str, Brand]) -> str:
        rng = self.rng
        first = plan.districts[0]
        departments = plan.meta.get("departments") or [first.level + name for name in plan.problem.departments]
        slots = _Slots(rng, {
            "place": plan.place, "phrase": plan.problem.phrase, "kw": plan.problem.keyword, "street": plan.street,
            "district": "、".join(d.name for d in plan.districts), "lvl": first.level,
            "sub": first.sub_brand or brands[first.brand].name, "fmt": plan.meta["format"],
            "venue": plan.meta.get("venue") or plan.street + "委员联系点",
            "dept1": departments[0], "dept2": departments[-1],
            "members": str(plan.meta.get("members", rng.randint(3, 20))),
            "participants": str(plan.meta.get("participants", rng.randint(10, 80))),
            "year": str(plan.date.year), "year2": str(min(plan.date.year + 1, LAST_YEAR)),
        })  # fmt: skip
        target = min(2500, max(800, int(rng.triangular(800, 2500, 1200))))
        intro = (f"{plan.date.month}月{plan.date.day}日，{slots['district']}政协围绕{plan.place}{plan.problem.phrase}，"
                 f"在{slots['venue']}开展“{slots['sub']}”{slots['fmt']}，与群众和部门一起商量办法。")  # fmt: skip
        sections = [("", [intro]), ("背景", []), ("协商过程", []), ("成效", [])]
        if rng.random() < 0.5:
            sections.append(("下一步", []))
        pools = {"背景": words.BACKGROUND, "协商过程": words.PROCESS, "成效": words.RESULTS, "下一步": words.NEXT}
        shares = {"背景": 0.3, "协商过程": 0.75, "成效": 0.95, "下一步": 1.0}
        length = len(intro)
        for heading, sentences in sections[1:]:
            order = list(range(len(pools[heading])))
            rng.shuffle(order)
            goal = target * shares[heading]
            chosen: list[tuple[int, str]] = []
            while order and (not chosen or length < goal):
                number = order.pop()
                sentence = pools[heading][number].format_map(slots)
                if length + len(sentence) > 2400 and chosen:
                    break
                chosen.append((number, sentence))
                length += len(sentence)
            sentences.extend(sentence for _, sentence in sorted(chosen))  # in the patterns' narrative order
        parts = []
        for heading, sentences in sections:
            if heading:
                parts.append(f"## {heading}")
            paragraph: list[str] = []
            for sentence in sentences:
                paragraph.append(sentence)
                if len(paragraph) >= rng.randint(2, 4):
                    parts.append("".join(paragraph))
                    paragraph = []
            if paragraph:
                parts.append("".join(paragraph))
        return "\n\n".join(parts) + "\n"
