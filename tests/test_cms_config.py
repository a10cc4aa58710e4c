"""The web form (Decap CMS): its config.yml follows the contract and offers the site's own values.

- every case field of the contract is in the form, labelled `中文名称 key` exactly as the contract's
  "Field labels" say, with a Chinese hint; the required ones are the contract's required ones;
- the selects hold the site's districts, brands, venues, formats, stages and venue types;
- files land where the contract puts them, named by the key the editor types;
- the admin page loads scripts from the site only and talks to nobody but the site, decap-server
  and the configured forge; it exists only with `cms: true` or under `make edit`;
- the page's file format (cms/admin/shangliang-cms.js, run in Node) writes front matter the build
  reads back as written, and never the form-only fields.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml
from contract_tree import CONTRACT_FORMATS, CONTRACT_STAGES, case, tree
from npm_packages import INSTALL, decap_installed, node

from shangliang.cms.admin import admin_page, admin_policy, origins_of, write_admin
from shangliang.cms.config import FORMAT, FormSettings, config_text, decap_config, site_choices
from shangliang.cms.fields import DATE_PATTERN, FORM_ONLY_FIELDS, KEY_PATTERN
from shangliang.cms.form import PROXY_VARIABLE, form_settings
from shangliang.cms.install import DecapInstall, DecapMissing
from shangliang.content.validation import CASE_FIELDS
from tests.sites import REPO, make_site, page, with_minhou
from tests.sites import case as sample_case

# The contract's "Field labels" (CONTENT-MODEL.md), written out here so the form cannot drift from them.
CONTRACT_LABELS = {
    "title": "标题", "date": "协商日期", "district": "区县", "brand": "品牌", "format": "协商形式", "venue": "协商地点",
    "tags": "议题", "members": "参加委员", "participants": "参加人数", "departments": "参与部门",
    "problems_solved": "解决问题数", "status": "进度", "stages": "进度日期", "reports": "协商专报",
    "highlight": "年度优秀案例", "summary": "摘要", "cover": "封面图", "source": "来源", "draft": "草稿",
    "partners": "协作方",
}  # fmt: skip
REQUIRED_CASE_FIELDS = {"title", "date", "district", "format"}
CHINESE = re.compile(r"[\u4e00-\u9fff]")
PROXY = "http://127.0.0.1:8081/api/v1"

SITE = tree(
    {
        "brands/rong.md": {"name": "榕你来商量", "organisation": "福州市政协", "order": 1},
        "districts/longchang.md": {"name": "隆昌市", "brand": "yu", "partner": True},
        "venues/ganzhe.md": {"name": "甘蔗街道委员联系点", "type": "委员联系点", "district": "minhou"},
        "cases/2024/x.md": case(),
        "cases/2024/y.md": case(venue="田间地头"),
    },
    formats=("微协商", "委员进小院"),
)


def the_config(**settings: object) -> dict:
    return decap_config(site_choices(SITE.catalogue), FormSettings(**settings))  # type: ignore[arg-type]


def collection(name: str, config: dict | None = None) -> dict:
    return next(item for item in (config or the_config())["collections"] if item["name"] == name)


def fields_of(name: str) -> dict[str, dict]:
    return {field["name"]: field for field in collection(name)["fields"]}


def option_values(field: dict) -> list[str]:
    return [option["value"] if isinstance(option, dict) else option for option in field["options"]]


def every_field(fields: list[dict]) -> list[dict]:
    found = []
    for field in fields:
        found.append(field)
        found.extend(every_field(field.get("fields", [])))
    return found


# -- the contract's fields -------------------------------------------------------------


def test_the_case_form_has_every_field_of_the_contract_and_no_other():
    written = set(fields_of("cases")) - set(FORM_ONLY_FIELDS) - {"body"}
    assert written == set(CONTRACT_LABELS) == set(CASE_FIELDS)


def test_case_fields_are_labelled_by_the_contracts_chinese_label_then_the_key():
    fields = fields_of("cases")
    for key, chinese in CONTRACT_LABELS.items():
        assert fields[key]["label"] == f"{chinese} {key}"


def test_the_required_case_fields_are_the_contracts():
    required = {name for name, field in fields_of("cases").items() if field["required"]}
    assert required == REQUIRED_CASE_FIELDS


def test_every_label_and_hint_of_every_collection_is_chinese():
    for item in the_config()["collections"]:
        assert CHINESE.search(item["label"]) and CHINESE.search(item["description"])
        for field in every_field(item["fields"]):
            assert CHINESE.search(field["label"]), field
            if "hint" in field:
                assert CHINESE.search(field["hint"]), field


def test_the_interface_is_chinese():
    assert the_config()["locale"] == "zh_Hans"


def test_lists_groups_numbers_and_switches_take_the_contracts_types():
    fields = fields_of("cases")
    assert {name for name, field in fields.items() if field["widget"] == "list"} == {
        "tags", "departments", "partners", "reports"}  # fmt: skip
    assert {name for name, field in fields.items() if field["widget"] == "number"} == {
        "members", "participants", "problems_solved", "highlight"}  # fmt: skip
    assert all(fields[name]["value_type"] == "int" and fields[name]["min"] == 0
               for name in ("members", "participants", "problems_solved"))  # fmt: skip
    assert [part["name"] for part in fields["stages"]["fields"]] == list(CONTRACT_STAGES)
    assert [part["name"] for part in fields["source"]["fields"]] == ["name", "url", "date"]
    assert fields["draft"]["widget"] == "boolean"
    assert fields["body"]["widget"] == "markdown"


@pytest.mark.parametrize("written", ["2024-06-18", "2024-06", "2024", "2023-12-31"])
def test_a_date_may_be_as_precise_as_the_source(written):
    assert re.match(DATE_PATTERN, written)


@pytest.mark.parametrize("written", ["2024-13", "2024-6-1", "24-06-18", "2024-06-32", "去年五月", "2024年6月"])
def test_a_date_the_build_refuses_is_refused_by_the_form(written):
    assert not re.match(DATE_PATTERN, written)


def test_every_date_of_a_case_has_the_date_rule():
    fields = fields_of("cases")
    dated = [fields["date"], *fields["stages"]["fields"], fields["source"]["fields"][2]]
    assert all(field["pattern"][0] == DATE_PATTERN and CHINESE.search(field["pattern"][1]) for field in dated)


# -- the site's own values -------------------------------------------------------------


def test_the_district_select_holds_every_district_of_the_site_and_takes_several():
    district = fields_of("cases")["district"]
    assert sorted(option_values(district)) == sorted(SITE.catalogue.districts)
    assert district["multiple"] is True and district["min"] == 1


def test_a_district_is_offered_with_its_sub_brand_and_brand():
    labels = {option["value"]: option["label"] for option in fields_of("cases")["district"]["options"]}
    assert labels["minhou"] == "闽侯县 · 邑起来商量（榕你来商量）"
    assert labels["longchang"] == "隆昌市（渝事好商量，协作方）"


def test_brands_venues_formats_and_stages_are_the_sites():
    fields = fields_of("cases")
    assert option_values(fields["brand"]) == ["rong", "yu"]  # by `order`, then key
    assert option_values(fields["venue"]) == ["ganzhe", "田间地头"]  # venues' keys, then places written in words
    assert option_values(fields["format"]) == ["微协商", "委员进小院"]  # mkdocs.yml's, not the defaults
    assert option_values(fields["status"]) == list(CONTRACT_STAGES)


def test_the_default_formats_are_the_contracts():
    choices = site_choices(tree({}).catalogue)
    assert choices.formats == CONTRACT_FORMATS


def test_venue_and_district_forms_offer_the_sites_districts_brands_and_venue_types():
    assert sorted(option_values(fields_of("venues")["district"])) == sorted(SITE.catalogue.districts)
    assert option_values(fields_of("venues")["type"]) == list(SITE.catalogue.venue_types)
    assert option_values(fields_of("districts")["brand"]) == ["rong", "yu"]


def test_markup_in_a_name_stays_data_in_config_yml():
    hostile = tree({"districts/x.md": {"name": "<script>alert(1)</script>\"'", "brand": "rong"}})
    config = decap_config(site_choices(hostile.catalogue), FormSettings())
    parsed = yaml.safe_load(config_text(config))
    labels = [option["label"] for option in collection("cases", parsed)["fields"][3]["options"]]
    assert "<script>alert(1)</script>\"'（榕你来商量）" in labels


# -- where files go ---------------------------------------------------------------------


def test_a_new_case_goes_into_the_folder_of_its_year_named_by_the_key_the_editor_types():
    cases = collection("cases")
    assert cases["folder"] == "content/cases"
    assert cases["path"] == "{{file_year}}/{{slug}}"
    assert cases["slug"] == "{{file_name}}"
    assert cases["extension"] == "md" and cases["format"] == FORMAT


@pytest.mark.parametrize("kind", ["brands", "districts", "venues"])
def test_brands_districts_and_venues_go_into_their_folders(kind):
    item = collection(kind, the_config(content_folder="docs"))
    assert item["folder"] == f"docs/{kind}" and item["slug"] == "{{file_name}}" and "path" not in item


@pytest.mark.parametrize("kind", ["cases", "brands", "districts", "venues"])
def test_the_file_name_takes_only_what_the_build_takes_as_a_key(kind):
    rule = fields_of(kind)["file_name"]["pattern"][0]
    assert rule == KEY_PATTERN
    for good in ("pu-tuo-cun-lu-deng", "minhou", "sanming-12345"):
        assert re.match(rule, good)
    for bad in ("普陀村", "Pu-Tuo", "pu--tuo", "-pu", "pu tuo", "pu_tuo"):
        assert not re.match(rule, bad)


def test_the_ascii_slug_rule_keeps_file_names_to_the_key_pattern():
    assert the_config()["slug"] == {"encoding": "ascii", "clean_accents": True, "sanitize_replacement": "-"}


# -- backends ---------------------------------------------------------------------------


def test_make_edit_saves_through_decap_server_on_this_machine():
    config = the_config(local_backend_url=PROXY)
    assert config["local_backend"]["url"] == PROXY
    assert set(config["local_backend"]["allowed_hosts"]) == {"127.0.0.1", "localhost"}


def test_a_published_form_has_no_local_backend_and_saves_to_the_configured_forge():
    gitea = {"name": "gitea", "repo": "zhengxie/shangliang", "base_url": "https://git.example.org",
             "api_root": "https://git.example.org/api/v1", "app_id": "abc"}  # fmt: skip
    config = the_config(backend=gitea)
    assert "local_backend" not in config
    assert config["backend"] == gitea


def test_the_form_is_in_a_build_only_with_cms_true_or_under_make_edit():
    common = {"backend": {}, "content_folder": "content"}
    assert form_settings(enabled=False, environ={}, **common) is None  # type: ignore[arg-type]
    published = form_settings(enabled=True, environ={}, **common)  # type: ignore[arg-type]
    assert published is not None and published.local_backend_url is None
    edit = form_settings(enabled=False, environ={PROXY_VARIABLE: PROXY}, **common)  # type: ignore[arg-type]
    assert edit is not None and edit.local_backend_url == PROXY


# -- the admin page ---------------------------------------------------------------------


def policy_of(page: str) -> dict[str, str]:
    content = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', page).group(1)  # type: ignore[union-attr]
    content = content.replace("&#x27;", "'")
    return {part.split(" ", 1)[0]: part.split(" ", 1)[1] for part in content.split("; ")}


def test_the_admin_page_runs_only_scripts_of_the_site_and_talks_only_to_decap_server_and_the_forge():
    connect = origins_of({"proxy": PROXY, "name": "gitea", "api_root": "https://git.example.org/api/v1"})
    page = admin_page(site_name="协商品牌案例库", policy=admin_policy(connect))
    policy = policy_of(page)
    assert policy["script-src"] == "'self' 'unsafe-eval' 'wasm-unsafe-eval'"
    assert policy["connect-src"] == "'self' blob: http://127.0.0.1:8081 https://git.example.org"
    assert policy["object-src"] == "'none'" and policy["default-src"] == "'self'"
    assert re.findall(r'<script src="([^"]+)"', page) == ["decap-cms.js", "js-yaml.min.js", "shangliang-cms.js"]
    assert "<script>" not in page and "http" not in page.split("</head>")[1]


def test_the_site_name_is_escaped_in_the_admin_page():
    page = admin_page(site_name="<b>案例</b>", policy=admin_policy())
    assert "&lt;b&gt;案例&lt;/b&gt;" in page and "<b>" not in page


def test_without_decap_installed_writing_the_form_says_how_to_install_it(tmp_path):
    shutil.copytree(INSTALL.cms_dir / "admin", tmp_path / "cms" / "admin")  # the page's own files, no node_modules
    with pytest.raises(DecapMissing, match="请运行 make edit"):
        write_admin(tmp_path / "site", install=DecapInstall(tmp_path / "cms"), config_text="", page="")


def test_the_admin_folder_holds_the_page_its_config_and_every_script(tmp_path):
    install = decap_installed()
    folder = write_admin(tmp_path, install=install, config_text="locale: zh_Hans\n", page="<!doctype html>")
    names = {path.name for path in folder.iterdir()}
    assert {"index.html", "config.yml", "decap-cms.js", "js-yaml.min.js", "shangliang-cms.js",
            "shangliang-cms.css"} <= names  # fmt: skip
    assert not any(name.endswith(".map") for name in names)


# -- the page's file format, in Node --------------------------------------------------------

_HARNESS = """
const fs = require("fs");
global.window = {jsyaml: require(process.argv[1]), CMS: {
  registerCustomFormat: (name, extension, format) => { global.format = format; },
  registerEventListener: () => {} }};
require(process.argv[2]);
const input = JSON.parse(fs.readFileSync(0, "utf8"));
const output = input.map(([text, keys]) => {
  const data = format.fromFile(text);
  return {data, text: format.toFile({...data, file_name: "x", file_year: "2024"}, keys)};
});
process.stdout.write(JSON.stringify(output));
"""


def through_the_format(files: list[tuple[str, list[str]]]) -> list[dict]:
    """Each file read by the admin page's format, then written back (with the form-only fields set)."""
    decap_installed()
    done = subprocess.run(
        [node(), "-e", _HARNESS, str(INSTALL.node_modules / "js-yaml"), str(INSTALL.page_script)],
        input=json.dumps(files), capture_output=True, text=True, timeout=60, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def front_matter(text: str) -> dict:
    return yaml.safe_load(text.split("---\n")[1]) or {}


def body_of(text: str) -> str:
    return text.split("---\n", 2)[2].strip()


def test_every_sample_file_reads_back_as_written_after_the_form_saves_it():
    paths = sorted((REPO / "content").glob("*/**/*.md"))
    paths = [path for path in paths if path.parts[-2] in ("brands", "districts", "venues") or "cases" in path.parts]
    texts = [path.read_text(encoding="utf-8") for path in paths]
    results = through_the_format([(text, ["title", "date", "district"]) for text in texts])
    for path, text, result in zip(paths, texts, results, strict=True):
        assert front_matter(result["text"]) == front_matter(text), path
        assert body_of(result["text"]) == body_of(text), path


def test_the_form_gets_dates_as_text_and_districts_as_a_list():
    [result] = through_the_format([("---\ndate: 2024\ndistrict: minhou\nstages: {选题: 2024}\n---\n", [])])
    assert result["data"] == {"date": "2024", "district": ["minhou"], "stages": {"选题": "2024"}}


def test_what_the_form_saves_has_no_form_only_or_empty_fields_and_keeps_the_house_style():
    text = ("---\ntitle: 养老\ndate: '2025-03'\ndistrict: [minhou]\nformat: 微协商\ntags: [养老, 民生]\n"
            "venue: ''\nmembers: null\ndepartments: []\nstages: {选题: '', 协商: 2025-03}\nsource: {name: ''}\n"
            "draft: false\n---\n\n正文。\n")  # fmt: skip
    [result] = through_the_format([(text, ["title", "date", "district", "format", "tags"])])
    assert result["text"] == (
        "---\ntitle: 养老\ndate: 2025-03\ndistrict: minhou\nformat: 微协商\ntags: [养老, 民生]\n"
        "stages:\n  协商: 2025-03\n---\n\n正文。\n"
    )


def test_a_year_alone_is_written_unquoted_and_text_that_looks_like_a_year_stays_text():
    [result] = through_the_format([("---\ntitle: '2024'\ndate: '2024'\nlaunched: 2024\n---\n", [])])
    assert front_matter(result["text"]) == {"title": "2024", "date": 2024, "launched": 2024}


def test_the_page_script_knows_every_stage_as_a_date():
    script = INSTALL.page_script.read_text(encoding="utf-8")
    assert all(f'"{stage}"' in script for stage in CONTRACT_STAGES)
    assert f'"{FORMAT}"' in script


def test_the_lock_pins_exact_versions():
    package = json.loads(Path(INSTALL.cms_dir / "package.json").read_text(encoding="utf-8"))
    assert all(re.match(r"^\d+\.\d+\.\d+$", version) for version in package["dependencies"].values())
    assert (INSTALL.cms_dir / "package-lock.json").is_file()


# -- a published form (`cms: true`) ----------------------------------------------------------

FORGE = {"name": "gitea", "repo": "zhengxie/anli", "base_url": "https://git.example.org",
         "api_root": "https://git.example.org/api/v1", "app_id": "shangliang-form"}  # fmt: skip


def test_with_cms_true_the_build_publishes_the_form_for_the_teams_forge(tmp_path):
    decap_installed()
    street_lights = page(sample_case("普陀村加装路灯", "2024-05-01", "minhou"), "委员进小院，商量路灯。")
    site = make_site(tmp_path / "site-src", with_minhou({"cases/2024/x.md": street_lights}))
    config = site.root / "mkdocs.yml"
    options = f"search: false\n      cms: true\n      cms_backend: {json.dumps(FORGE)}"
    config.write_text(config.read_text(encoding="utf-8").replace("search: false", options), encoding="utf-8")
    built = site.build("--strict")
    assert built.returncode == 0, built.stderr
    admin = site.site_dir / "admin"
    published = yaml.safe_load((admin / "config.yml").read_text(encoding="utf-8"))
    assert published["backend"] == FORGE and "local_backend" not in published
    assert option_values(collection("cases", published)["fields"][3]) == ["minhou"]
    policy = policy_of((admin / "index.html").read_text(encoding="utf-8"))
    assert policy["connect-src"] == "'self' blob: https://git.example.org"
    assert (admin / "decap-cms.js").is_file()
