"""Importing ledgers: `importers.sheet`, `importers.ledger`, `importers.ledger_values` and `scripts/import_ledger.py`.

The `.xlsx` ledger is written here with openpyxl, as a committee's office keeps one: a title row
merged across the top, Chinese headers with a unit (`参加人数（人）`), a 序号 column and a 备注
column the site has no field for, a district cell merged over three rows, blank rows, and cells
typed every way (an Excel date, an Excel serial number, `2024年7月`, `六月上旬`, `约30人`, `已落实`).
Its cases are invented for the tests and marked 示例. The `.csv` ledger in tests/fixtures/import/
holds cases of the sample content's source (荣昌), in our words, as Excel saves a CSV (BOM, CRLF).
"""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from pathlib import Path

import openpyxl
import pytest
import yaml
from script_runs import ScriptRun, script_run
from sites import BRAND_RONG, DISTRICT_GULOU, DISTRICT_MINHOU, REPO, Site, make_site, page

from shangliang.content.catalogue import load_catalogue
from shangliang.dates import PartialDate
from shangliang.importers.ledger import field_of_header, read_ledger
from shangliang.importers.ledger_values import NotMapped, district_keys, stage, text_list, whole_number
from shangliang.importers.sheet import SheetError, read_sheet
from shangliang.model import Catalogue

IMPORT = REPO / "scripts" / "import_ledger.py"
CHECK = REPO / "scripts" / "check.py"
CSV_LEDGER = REPO / "tests" / "fixtures" / "import" / "rongchang-ledger.csv"

SITE_FILES = {
    "brands/rong.md": page(BRAND_RONG, "榕你来商量。"),
    "brands/yu.md": page({"name": "渝事好商量", "organisation": "重庆市政协"}, "渝事好商量。"),
    "districts/minhou.md": page({**DISTRICT_MINHOU, "organisation": "闽侯县政协"}, "闽侯县。"),
    "districts/gulou.md": page(DISTRICT_GULOU, "鼓楼区。"),
    "districts/rongchang.md": page({"name": "荣昌区", "brand": "yu"}, "荣昌区。"),
    "venues/minhou-ganzhe.md": page(
        {"name": "甘蔗街道委员联系点", "type": "委员联系点", "district": "minhou"}, "联系点。"
    ),
}

HEADERS = ["序号", "案例名称", "协商日期", "区县", "协商形式", "协商地点", "议题", "参加委员", "参加人数（人）",
           "参与部门", "解决问题数", "进度", "主要内容", "备注"]  # fmt: skip
ROWS: dict[int, list[object]] = {
    3: [1, "老旧小区加装电梯（示例）", dt.datetime(2024, 6, 3), "闽侯县", "微协商", "甘蔗街道委员联系点",
        "加装电梯、老旧小区", 8, 35, "县住建局、甘蔗街道", 3, "已落实",
        "委员、居民和部门一起商量加装电梯的费用分摊和审批。", "两个小区先行试点"],
    4: [2, "农村电商直播培训（示例）", "2024年7月", None, "政策宣讲", "县电商产业园", "电商", 5, "约30人",
        "县商务局", None, "办理中", "委员为电商从业者讲解扶持政策。", None],
    5: [3, "河道保洁（示例）", "六月上旬", None, "微协商", None, None, None, None, None, None, None, None, None],
    7: [4, "社区停车难（示例）", 45500, "鼓楼区", "民情座谈会（线上）", None, "停车", 6, 20, None, None, "待定",
        "居民和委员商量小区停车的办法。", "需回访"],
    8: ["  ", None, None, None, None, None, None, None, None, None, None, None, None, None],
    9: [5, "跨区县协商（示例）", "2024/9/10", "仓山区", "微协商", None, None, None, None, None, None, None, None,
        None],
    10: [6, None, dt.datetime(2024, 10, 1), "鼓楼区", "微协商", None, None, None, None, None, None, None, None,
         None],
}  # fmt: skip
"""Row 6 is blank, row 8 holds only spaces; the district in D3 is merged over D3:D5."""

DRAFT_ROW_3 = "cases/2024/lao-jiu-xiao-qu-jia-zhuang-dian-ti.md"  # eight syllables at most
DRAFT_ROW_4 = "cases/2024/nong-cun-dian-shang-zhi-bo-pei-xun.md"
DRAFT_ROW_7 = "cases/2024/she-qu-ting-che-nan-shi-li.md"


def write_ledger(path: Path) -> Path:
    """The 示例 ledger, as a committee's office would keep it in Excel."""
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "2024年"
    sheet["A1"] = "2024年闽侯县、鼓楼区微协商活动台账（示例，测试用，内容虚构）"
    sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(HEADERS))
    sheet.append(HEADERS)
    for number in range(3, 11):
        values = ROWS.get(number, [None] * len(HEADERS))
        for column, value in enumerate(values, start=1):
            if value is not None:
                sheet.cell(row=number, column=column, value=value)
    sheet["C3"].number_format = "yyyy-mm-dd"
    sheet.merge_cells("D3:D5")
    book.save(path)
    return path


@pytest.fixture
def ledger_file(tmp_path: Path) -> Path:
    return write_ledger(tmp_path / "2024年微协商台账.xlsx")


@pytest.fixture
def site(tmp_path: Path) -> Site:
    return make_site(tmp_path / "site", SITE_FILES)


@pytest.fixture(scope="module")
def catalogue() -> Catalogue:
    return load_catalogue([(uri, text.encode()) for uri, text in SITE_FILES.items()]).catalogue


Importer = ScriptRun


@pytest.fixture
def run_import(site: Site, capfd: pytest.CaptureFixture[str]) -> Importer:
    """`import_ledger.py -f <site> …`, run in this process: exit code, stdout and stderr."""
    return script_run(IMPORT, site.root / "mkdocs.yml", capfd)


def check_strict(site: Site) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, str(CHECK), "-f", str(site.root / "mkdocs.yml"), "--strict"],
                          capture_output=True, text=True, timeout=120)  # fmt: skip


def front_matter(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8").split("---\n")[1])


# -- the sheet ----------------------------------------------------------------------------


def test_a_merged_cell_reads_as_its_value_in_every_row_it_covers(ledger_file: Path) -> None:
    rows = {row.number: row.cells for row in read_sheet(ledger_file).rows}
    assert [rows[number][3] for number in (3, 4, 5)] == ["闽侯县", "闽侯县", "闽侯县"]
    assert rows[1][0] == rows[1][13] == "2024年闽侯县、鼓楼区微协商活动台账（示例，测试用，内容虚构）"


def test_blank_rows_are_skipped_and_rows_keep_their_numbers_in_the_sheet(ledger_file: Path) -> None:
    assert [row.number for row in read_sheet(ledger_file).rows] == [1, 2, 3, 4, 5, 7, 9, 10]


def test_cells_keep_their_types(ledger_file: Path) -> None:
    rows = {row.number: row.cells for row in read_sheet(ledger_file).rows}
    assert rows[3][2] == dt.datetime(2024, 6, 3)
    assert (rows[7][2], rows[3][7]) == (45500, 8)


def test_a_csv_saved_by_chinese_excel_in_gb18030_is_read(tmp_path: Path) -> None:
    path = tmp_path / "台账.csv"
    path.write_bytes("标题,日期\r\n路灯,2024年6月3日\r\n".encode("gb18030"))
    assert [row.cells for row in read_sheet(path).rows] == [("标题", "日期"), ("路灯", "2024年6月3日")]


def test_a_file_that_is_not_a_spreadsheet_says_so(tmp_path: Path) -> None:
    path = tmp_path / "台账.xlsx"
    path.write_text("不是表格", encoding="utf-8")
    with pytest.raises(SheetError, match="读不了这个 Excel 文件"):
        read_sheet(path)


# -- the ledger: headers and cells -------------------------------------------------------


def test_the_header_row_is_found_below_a_title_row_and_its_columns_are_mapped(ledger_file: Path) -> None:
    ledger = read_ledger(read_sheet(ledger_file))
    assert ledger.header_row == 2
    assert {column.header: column.field for column in ledger.columns} == {
        "案例名称": "title", "协商日期": "date", "区县": "district", "协商形式": "format", "协商地点": "venue",
        "议题": "tags", "参加委员": "members", "参加人数（人）": "participants", "参与部门": "departments",
        "解决问题数": "problems_solved", "进度": "status", "主要内容": "summary", "备注": None,
    }  # fmt: skip
    assert [column.header for column in ledger.unknown_columns] == ["备注"]  # 序号 only numbers the rows
    assert [row.number for row in ledger.rows] == [3, 4, 5, 7, 9, 10]


@pytest.mark.parametrize(
    ("header", "field"),
    [("标题", "title"), ("案例名称", "title"), ("日期", "date"), ("时间", "date"), ("地区", "district"),
     ("县（市、区）", "district"), ("形式", "format"), ("地点", "venue"), ("主题", "tags"), ("状态", "status"),
     ("摘要", "summary"), ("内容", "summary"), ("来源", "source"), ("参加人数(人)", "participants"),
     (" 协商日期 ", "date"), ("标题*", "title"), ("备注", None), ("", None)],
)  # fmt: skip
def test_chinese_headers_name_the_fields_in_one_map(header: str, field: str | None) -> None:
    assert field_of_header(header) == field


def test_a_sheet_without_headers_is_refused_naming_the_headers_it_knows(tmp_path: Path) -> None:
    path = tmp_path / "x.csv"
    path.write_text("甲,乙\n1,2\n", encoding="utf-8")
    with pytest.raises(SheetError, match=r"找不到表头.*认识的列名有：标题、协商日期、区县"):
        read_ledger(read_sheet(path))


def test_districts_are_read_by_key_name_short_name_or_sub_brand_and_several_make_a_joint_case(
    catalogue: Catalogue,
) -> None:
    assert district_keys("闽侯县", catalogue) == ("minhou",)
    assert district_keys("闽侯", catalogue) == ("minhou",)
    assert district_keys("邑起来商量", catalogue) == ("minhou",)
    assert district_keys("gulou", catalogue) == ("gulou",)
    assert district_keys("闽侯县、鼓楼区", catalogue) == ("minhou", "gulou")
    with pytest.raises(NotMapped, match="“仓山区”不是站内的区县（可写区县的键或名称：gulou 鼓楼区、minhou 闽侯县"):
        district_keys("仓山区", catalogue)


def test_stages_numbers_and_lists_are_read_as_staff_write_them() -> None:
    assert [stage(text) for text in ("落实", "已落实", "办理中", "报送完成")] == ["落实", "落实", "办理", "报送"]
    assert [whole_number(value) for value in (35, 35.0, "35", "35人", "８名")] == [35, 35, 35, 35, 8]
    assert text_list("县住建局、甘蔗街道，县商务局") == ("县住建局", "甘蔗街道", "县商务局")
    with pytest.raises(NotMapped, match="“待定”不是协商阶段"):
        stage("待定")
    with pytest.raises(NotMapped, match="“约30人”不是整数"):
        whole_number("约30人")


# -- the command --------------------------------------------------------------------------


def test_each_row_becomes_a_draft_or_is_refused_with_its_reason(
    site: Site, run_import: Importer, ledger_file: Path
) -> None:
    result = run_import(ledger_file)
    assert result.code == 1, result.err
    out = result.out
    assert "2024年微协商台账.xlsx（工作表“2024年”）：第2行是表头，下面有 6 行数据（空行已跳过）" in out
    assert "不认识的列：“备注”，没有对应的字段；各行这一列的内容写在草稿正文的说明里" in out
    assert f"2024年微协商台账.xlsx 第3行\n  已写入草稿：{site.content / DRAFT_ROW_3}" in out
    assert f"2024年微协商台账.xlsx 第4行\n  已写入草稿：{site.content / DRAFT_ROW_4}" in out
    assert "未能写入  participants（参加人数）：“约30人”不是整数（应写一个确切的数，如 35 或 35人）" in out
    assert ("2024年微协商台账.xlsx 第5行\n  没有导入：协商日期“六月上旬”不是日期（可写 2024-06-03、2024/6/3、"
            "2024年6月3日；只知道月份或年份时写 2024年6月 或 2024）") in out  # fmt: skip
    assert "待确认  format（协商形式）：台账写的是“民情座谈会（线上）”，按 民情座谈会 写入" in out
    assert "未能写入  status（进度）：“待定”不是协商阶段（可写：选题、调研、协商、报送、办理、落实）" in out
    assert "2024年微协商台账.xlsx 第9行\n  没有导入：区县：“仓山区”不是站内的区县" in out
    assert "2024年微协商台账.xlsx 第10行\n  没有导入：没有标题" in out
    assert out.splitlines()[-1].startswith("共 6 行：写入 3 个草稿，3 行没有导入。")
    written = sorted(path.relative_to(site.content).as_posix() for path in site.content.rglob("cases/**/*.md"))
    assert written == sorted([DRAFT_ROW_3, DRAFT_ROW_4, DRAFT_ROW_7])


def test_a_row_becomes_a_valid_case_in_the_contracts_fields(
    site: Site, run_import: Importer, ledger_file: Path
) -> None:
    run_import(ledger_file)
    assert front_matter(site.content / DRAFT_ROW_3) == {
        "title": "老旧小区加装电梯（示例）", "date": dt.date(2024, 6, 3), "district": "minhou", "format": "微协商",
        "venue": "minhou-ganzhe", "tags": ["加装电梯", "老旧小区"], "members": 8, "participants": 35,
        "departments": ["县住建局", "甘蔗街道"], "problems_solved": 3, "status": "落实", "draft": True,
    }  # fmt: skip
    text = (site.content / DRAFT_ROW_3).read_text(encoding="utf-8")
    assert "\n---\n\n委员、居民和部门一起商量加装电梯的费用分摊和审批。\n\n## 说明\n\n" in text
    assert "据台账《2024年微协商台账.xlsx》（工作表“2024年”）第3行导入" in text
    assert "- 备注：两个小区先行试点" in text


def test_a_month_an_excel_serial_day_and_unmapped_cells_are_kept_as_written(
    site: Site, run_import: Importer, ledger_file: Path
) -> None:
    run_import(ledger_file)
    row_4 = front_matter(site.content / DRAFT_ROW_4)
    assert (row_4["date"], row_4["district"], row_4["status"]) == ("2024-07", "minhou", "办理")
    assert "participants" not in row_4
    assert "- 参加人数：约30人" in (site.content / DRAFT_ROW_4).read_text(encoding="utf-8")
    row_7 = front_matter(site.content / DRAFT_ROW_7)
    assert (row_7["date"], row_7["format"]) == (dt.date(2024, 7, 27), "民情座谈会")
    assert "status" not in row_7
    text_7 = (site.content / DRAFT_ROW_7).read_text(encoding="utf-8")
    assert "\nformat: 民情座谈会  # 待确认：台账写的是“民情座谈会（线上）”\n" in text_7
    assert "- 进度：待定\n- 备注：需回访" in text_7


def test_imported_drafts_pass_the_packages_own_check_strictly(
    site: Site, run_import: Importer, ledger_file: Path
) -> None:
    run_import(ledger_file)
    run_import(CSV_LEDGER, "--format", "委员沙龙")
    checked = check_strict(site)
    assert checked.returncode == 0, checked.stdout
    assert "没有发现问题" in checked.stdout


def test_a_csv_ledger_with_a_blank_format_takes_the_default_given(site: Site, run_import: Importer) -> None:
    refused = run_import(CSV_LEDGER, "--dry-run")
    assert refused.code == 1
    assert "rongchang-ledger.csv 第6行\n  没有导入：没有写协商形式（可用 --format 给没写的行一个默认值）" in refused.out
    result = run_import(CSV_LEDGER, "--format", "委员沙龙")
    assert result.code == 0, result.out
    assert "默认值  format（协商形式）：台账没有写，用了 --format 给的 委员沙龙" in result.out
    lights = front_matter(site.content / "cases/2023/pu-tuo-cun-yuan-ba-shang-liang-an.md")
    assert lights == {
        "title": "普陀村院坝商量安装路灯", "date": "2023-06", "district": "rongchang", "format": "委员进小院",
        "venue": "安富街道普陀村农家小院", "status": "落实",
        "source": {"name": "重庆日报", "url": "https://www.example.org/cqrb/2024-01/20/content_0001.htm"},
        "draft": True,
    }  # fmt: skip
    salon = (site.content / "cases/2023/yan-jing-chan-ye-fa-zhan-jing-ji.md").read_text(encoding="utf-8")
    assert "date: '2023'" in salon
    assert "形成调研报告；\n区委、区政府召开眼镜产业园发展专题会研究。" in salon


def test_no_file_is_ever_overwritten(site: Site, run_import: Importer, ledger_file: Path) -> None:
    run_import(ledger_file)
    before = (site.content / DRAFT_ROW_3).read_bytes()
    again = run_import(ledger_file)
    assert f"已写入草稿：{site.content / DRAFT_ROW_3.replace('.md', '-2.md')}" in again.out
    assert (site.content / DRAFT_ROW_3).read_bytes() == before


def test_dry_run_shows_the_drafts_and_writes_nothing(site: Site, run_import: Importer, ledger_file: Path) -> None:
    result = run_import(ledger_file, "--dry-run")
    assert result.code == 1  # rows 5, 9 and 10 could not be imported
    assert f"将写入草稿（试运行，没有写）：{site.content / DRAFT_ROW_3}" in result.out
    assert "---\ntitle: 老旧小区加装电梯（示例）\ndate: 2024-06-03\n" in result.out
    assert "这是试运行（--dry-run），没有写任何文件。" in result.out
    assert not (site.content / "cases").exists()


def test_a_ledger_that_is_not_xlsx_or_csv_or_is_missing_is_bad_usage(run_import: Importer, tmp_path: Path) -> None:
    other = tmp_path / "台账.xls"
    other.write_bytes(b"old excel")
    wrong_type = run_import(other)
    assert wrong_type.code == 2
    assert "台账要是 .xlsx 或 .csv 文件" in wrong_type.err
    missing = run_import(tmp_path / "没有这个.xlsx")
    assert missing.code == 2
    assert "找不到台账文件" in missing.err


def test_a_ledger_without_headers_is_a_problem_and_nothing_is_written(
    site: Site, run_import: Importer, tmp_path: Path
) -> None:
    path = tmp_path / "x.csv"
    path.write_text("甲,乙\n1,2\n", encoding="utf-8")
    result = run_import(path)
    assert result.code == 1
    assert "找不到表头" in result.err and "什么也没写" in result.err
    assert not (site.content / "cases").exists()


def test_help_is_chinese_and_lists_the_headers_it_knows() -> None:
    result = subprocess.run([sys.executable, str(IMPORT), "--help"], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0
    assert "把台账（Excel 的 .xlsx，或 .csv）里的每一行变成一个案例草稿" in result.stdout
    assert "title（标题）：标题、案例名称" in result.stdout
    assert "python scripts/import_ledger.py 2024年微协商台账.xlsx" in result.stdout


def test_the_exit_code_of_the_command_run_as_a_process(site: Site, ledger_file: Path) -> None:
    result = subprocess.run([sys.executable, str(IMPORT), "-f", str(site.root / "mkdocs.yml"), str(ledger_file)],
                            capture_output=True, text=True, timeout=120)  # fmt: skip
    assert result.returncode == 1
    assert "共 6 行：写入 3 个草稿，3 行没有导入。" in result.stdout


def test_dates_in_a_ledger_cell_are_read_every_way_they_are_typed() -> None:
    from shangliang.importers.chinese_dates import read_date_cell

    assert read_date_cell(dt.datetime(2024, 6, 3, 0, 0)) == PartialDate(2024, 6, 3)
    assert read_date_cell(45446) == PartialDate(2024, 6, 3)
    assert read_date_cell("2024/6/3") == PartialDate(2024, 6, 3)
    assert read_date_cell("2024年6月") == PartialDate(2024, 6)
    assert read_date_cell(2024) == PartialDate(2024)
    assert read_date_cell("六月上旬") is None
