# ruff: noqa: E501  (a table of test content: one case a row)
"""A second content tree for the search query set, of another shape than the sample.

Synthetic (marked so in every file, never published): two invented city committees
with seven districts and a partner, venues given by key, departments, bulletins
(协商专报 issues), partners, days as well as months and years, a district whose
cases are written in traditional characters, and drafts that share their words
with the queries (so that a draft in the results would show). The queries in
`second_tree.yaml` are written from these files.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sites import Site, make_site, page

MARK = "（合成测试数据，不是真实记录）"

BRANDS: dict[str, dict[str, Any]] = {
    "qingxi": {"name": "清溪共商", "organisation": "清溪市政协", "order": 1,
               "sub_brands": [{"name": "同心圆桌"}, {"name": "民声直通车"}]},
    "wangshan": {"name": "望山好商量", "organisation": "望山市政协", "order": 2},
}
DISTRICTS: dict[str, dict[str, Any]] = {
    "donghu": {"name": "东湖区", "brand": "qingxi", "sub_brand": "湖畔议事", "order": 1},
    "nanshan": {"name": "南山县", "brand": "qingxi", "sub_brand": "山里商量", "order": 2},
    "xiling": {"name": "西岭县", "brand": "qingxi", "order": 3},
    "beigang": {"name": "北港区", "brand": "qingxi", "sub_brand": "港湾连心议", "order": 4},
    "wangjiang": {"name": "望江区", "brand": "wangshan", "sub_brand": "江畔协商", "order": 1},
    "shimen": {"name": "石门县", "brand": "wangshan", "order": 2},
    "jiahe": {"name": "嘉禾縣", "brand": "wangshan", "sub_brand": "禾風議事", "order": 3},
    "yuntai": {"name": "云台市", "brand": "wangshan", "partner": True, "order": 4},
}
VENUES: dict[str, dict[str, Any]] = {
    "donghu-yuyuan-lianxidian": {"name": "渔园社区委员联系点", "type": "委员联系点", "district": "donghu"},
    "nanshan-chashan-gongzuoshi": {"name": "茶山村委员工作室", "type": "委员工作室", "district": "nanshan"},
    "beigang-matou-yishishi": {"name": "老码头协商议事室", "type": "协商议事室", "district": "beigang"},
    "wangjiang-yiyao-yizhengting": {"name": "医药卫生界别议政厅", "type": "界别议政厅", "district": "wangjiang"},
    "shimen-baiyun-lianluozu": {"name": "白云镇乡镇联络组", "type": "乡镇联络组", "district": "shimen"},
}

# slug: (year folder, title, date, district(s), format, venue, tags, departments, reports, partners, lede)
CASES: dict[str, tuple[Any, ...]] = {
    "yuyuan-laojiu-dianti": ("2023", "渔园社区老旧小区加装电梯", "2023-04-12", "donghu", "微协商",
        "donghu-yuyuan-lianxidian", ["城市更新", "民生"], ["东湖区住建局", "渔园社区居委会"],
        ["协商专报2023年第3期"], [], "渔园社区不少老楼没有电梯，老人上下楼难。委员在联系点请居民和住建部门一起商量加装电梯的办法。"),
    "yuyuan-chongdian": ("2023", "渔园社区电动车充电桩建设", "2023-08-20", "donghu", "微协商",
        "donghu-yuyuan-lianxidian", ["安全", "民生"], ["东湖区消防救援大队"], [], [],
        "居民把电动车推进楼道充电，火灾隐患大。协商后在小区空地建起集中充电棚。"),
    "donghu-xuexiao-menkou": ("2024", "东湖小学学校门口交通秩序整治", "2024-03-05", "donghu", "民情座谈会",
        None, ["交通", "教育"], ["东湖区交警大队", "东湖区教育局"], ["协商专报2024年第2期"], [],
        "每天上学放学时段，东湖小学学校门口车辆拥堵。座谈会上家长、老师和交警商定了错峰接送和护学岗。"),
    "donghu-gongjiao-xianlu": ("2024", "优化东湖区公交线路", "2024-06", "donghu", "协商议事会",
        None, ["交通"], ["清溪市交通运输局", "清溪公交集团"], [], [],
        "新建小区离公交站远，居民出行不便。委员调研后提出调整线路、增设站点的建议。"),
    "donghu-lajifenlei": ("2022", "垃圾分类投放点怎么设", "2022-09-15", "donghu", "为民办实事",
        None, ["环境"], ["东湖区城市管理局"], [], [], "小区垃圾分类投放点离楼太近有异味，太远又不方便，居民议事会商定了位置和开放时间。"),
    "nanshan-chaye-pinpai": ("2023", "茶叶品牌打造座谈", "2023-05-18", "nanshan", "委员沙龙",
        "nanshan-chashan-gongzuoshi", ["产业发展", "乡村振兴"], ["南山县农业农村局"], ["协商专报2023年第6期"], [],
        "茶山村的茶叶品质好却卖不上价。委员沙龙邀请茶农和电商企业商量统一品牌、统一包装。"),
    "nanshan-shanlu-yinghua": ("2022", "进村山路硬化", "2022", "nanshan", "视察调研",
        None, ["交通", "乡村振兴"], ["南山县交通运输局"], [], [], "几个自然村的进村山路还是土路，雨天泥泞。委员视察后推动列入年度硬化计划。"),
    "nanshan-yiliao-xiaxiang": ("2024", "县乡村三级医疗服务下沉", "2024-10", "nanshan", "专题协商会",
        None, ["医疗卫生"], ["南山县卫生健康局", "南山县人民医院"], ["协商专报2024年第9期"], [],
        "山区群众看病要跑县城。专题协商会讨论了专家下乡坐诊和村卫生室建设。"),
    "nanshan-liushou-ertong": ("2023", "关爱农村留守儿童", "2023", "nanshan", "为民办实事",
        None, ["教育", "民生"], ["南山县妇联", "南山县民政局"], [], [], "委员结对帮扶留守儿童，协商设立课后托管点。"),
    "xiling-shuiku-yimin": ("2022", "水库移民后续发展", "2022-11-02", "xiling", "专题协商会",
        None, ["乡村振兴"], ["西岭县水利局"], ["协商专报2022年第8期"], [], "围绕水库移民村的产业和就业问题开展专题协商，形成建议报送县委县政府。"),
    "xiling-senlin-fanghuo": ("2023", "森林防火宣传进村", "2023-02", "xiling", "政策宣讲",
        None, ["安全", "生态"], ["西岭县林业局", "西岭县应急管理局"], [], [], "春节前后是林区火灾高发期，委员随林业部门进村宣讲防火知识。"),
    "xiling-nongchanpin-lenglian": ("2024", "农产品冷链物流建设", "2024-07-09", "xiling", "协商议事会",
        None, ["产业发展", "农业"], ["西岭县商务局", "西岭县供销社"], ["协商专报2024年第5期"], [],
        "杨梅上市季节集中，缺少冷库导致损耗大。协商提出在产地建设冷链集配中心。"),
    "beigang-laomatou-gaizao": ("2023", "老码头片区改造", "2023-09-28", "beigang", "协商议事会",
        "beigang-matou-yishishi", ["城市更新"], ["北港区住建局", "北港区文旅局"], ["协商专报2023年第9期"], [],
        "老码头片区房屋老旧，又有历史风貌。议事室里居民、专家和部门商量保护与改造的平衡。"),
    "beigang-yumin-zhuanchan": ("2022", "渔民转产就业", "2022-06", "beigang", "微协商",
        "beigang-matou-yishishi", ["就业", "民生"], ["北港区人力资源和社会保障局"], [], [], "禁渔期后部分渔民需要转产，协商组织技能培训和就业对接。"),
    "beigang-haian-huanjing": ("2024", "海岸线环境整治", "2024-05-21", "beigang", "视察调研",
        None, ["生态", "环境"], ["北港区生态环境局"], [], [], "委员沿海岸线视察垃圾和养殖污染，督促落实整治清单。"),
    "beigang-gangkou-yongdu": ("2024", "港口集疏运道路拥堵", "2024-01", "beigang", "专题协商会",
        None, ["交通", "产业发展"], ["北港区交通运输局", "北港港务集团"], ["协商专报2024年第1期"], [], "集装箱货车高峰期排长队。专题协商会提出错时通行和道路扩容方案。"),
    "wangjiang-tingche-nan": ("2023", "医院周边停车难", "2023-03-14", "wangjiang", "微协商",
        "wangjiang-yiyao-yizhengting", ["交通", "医疗卫生"], ["望江区公安分局交警大队", "望江区人民医院"], [], [],
        "区医院门前车辆排队，就诊群众停车难。界别议政厅的委员和医院、交警商定了错峰停车和临时车位。"),
    "wangjiang-jiating-yisheng": ("2024", "家庭医生签约服务提质", "2024-04", "wangjiang", "界别协商",
        "wangjiang-yiyao-yizhengting", ["医疗卫生"], ["望江区卫生健康局"], ["协商专报2024年第4期"], [], "医药卫生界委员围绕家庭医生签约后服务跟不上的问题开展界别协商。"),
    "wangjiang-jiangdi-ludeng": ("2022", "江堤步道加装路灯", "2022-10-10", "wangjiang", "微协商",
        None, ["基础设施", "安全"], ["望江区市政园林局"], [], [], "江堤步道晚上没有照明，散步的居民担心安全。协商后沿步道加装了太阳能路灯。"),
    "wangjiang-laonian-shitang": ("2023", "社区老年食堂建设", "2023-12-01", "wangjiang", "为民办实事",
        None, ["养老", "民生"], ["望江区民政局"], ["协商专报2023年第12期"], [], "独居老人吃饭难，委员推动在社区开办老年食堂，实行助餐补贴。"),
    "shimen-baiyun-yinshui": ("2023", "白云镇农村饮水安全", "2023-07", "shimen", "微协商",
        "shimen-baiyun-lianluozu", ["民生", "乡村振兴"], ["石门县水利局"], [], [], "白云镇几个村夏季自来水浑浊。联络组组织委员和水利部门现场协商管网改造。"),
    "shimen-youcai-chanye": ("2024", "油菜花海带动乡村旅游", "2024-03", "shimen", "委员进小院",
        None, ["乡村振兴", "文旅"], ["石门县文化和旅游局"], [], [], "委员走进农家小院，和村民商量如何借油菜花海发展民宿和农家乐。"),
    "shimen-kuangqu-xiufu": ("2022", "废弃矿区生态修复", "2022", "shimen", "视察调研",
        None, ["生态"], ["石门县自然资源局"], ["协商专报2022年第4期"], [], "委员视察废弃矿区，建议引入社会资本开展生态修复和复垦。"),
    "shimen-kuaqu-gonglu": ("2023", "跨区公路断头路打通", "2023-10-16", ["shimen", "yuntai"], "协商议事会",
        None, ["交通"], ["石门县交通运输局"], [], ["云台市政协"], "石门县和云台市之间有一段断头路。两地政协联合协商，推动列入两市交通规划。"),
    "shimen-yuntai-shuiyuan": ("2024", "跨界河流水源保护", "2024-08-30", ["shimen", "yuntai"], "界别协商",
        None, ["生态"], ["石门县生态环境局"], ["协商专报2024年第7期"], ["云台市政协"], "两地共饮一江水。石门县与云台市政协委员联合协商上游水源保护的补偿机制。"),
    "jiahe-luying-zhengzhi": ("2023", "老街路燈整治", "2023-06-06", "jiahe", "微協商",
        None, ["基礎設施"], ["嘉禾縣住建局"], [], [], "老街的路燈年久失修，夜裡一片漆黑。委員和居民一起商量，由住建部門更換節能路燈。"),
    "jiahe-nongmao-shichang": ("2024", "農貿市場提檔升級", "2024-02", "jiahe", "協商議事會",
        None, ["民生"], ["嘉禾縣市場監管局"], ["協商專報2024年第3期"], [], "農貿市場地面濕滑、攤位擁擠。協商議事會確定了分區改造和錯時施工的方案。"),
    "jiahe-xiaoyuan-anquan": ("2022", "校園周邊食品安全", "2022-05", "jiahe", "民情座談會",
        None, ["教育", "安全"], ["嘉禾縣教育局"], [], [], "學校周邊小攤販售賣三無食品，家長擔心。座談會商定聯合執法和長效巡查。"),
}
# Same words as published cases: a draft in the results would be noticed.
DRAFTS: dict[str, tuple[str, str, str]] = {
    "caogao-ludeng": ("2024", "江堤路灯二期（草稿）", "wangjiang"),
    "caogao-chongdian": ("2024", "充电桩收费标准（草稿）", "donghu"),
    "caogao-tingche": ("2024", "医院停车场扩建（草稿）", "wangjiang"),
}
FORMATS = ["微协商", "民情座谈会", "政策宣讲", "为民办实事", "委员进小院", "协商议事会", "委员沙龙",
           "界别协商", "专题协商会", "视察调研"]


def _simplified_format(value: str) -> str:
    return {"微協商": "微协商", "協商議事會": "协商议事会", "民情座談會": "民情座谈会"}.get(value, value)


def files() -> dict[str, str]:
    """The content tree: src_uri → file text."""
    tree: dict[str, str] = {
        "index.md": page({"title": "第二测试站"}, f"这是搜索测试用的第二个内容树{MARK}。"),
    }
    for key, meta in BRANDS.items():
        tree[f"brands/{key}.md"] = page(meta, f"“{meta['name']}”是{meta['organisation']}的协商品牌{MARK}。")
    for key, meta in DISTRICTS.items():
        tree[f"districts/{key}.md"] = page(meta, f"{meta['name']}政协开展基层协商{MARK}。")
    for key, meta in VENUES.items():
        tree[f"venues/{key}.md"] = page(meta, f"{meta['name']}是委员联系群众的协商场所{MARK}。")
    for slug, row in CASES.items():
        year, title, date, district, fmt, venue, tags, departments, reports, partners, lede = row
        meta: dict[str, Any] = {"title": title, "date": date, "district": district,
                                "format": _simplified_format(fmt), "tags": tags, "departments": departments}
        if venue:
            meta["venue"] = venue
        if reports:
            meta["reports"] = reports
        if partners:
            meta["partners"] = partners
        tree[f"cases/{year}/{slug}.md"] = page(meta, f"{lede}\n\n## 说明\n\n{MARK}")
    for slug, (year, title, district) in DRAFTS.items():
        meta = {"title": title, "date": f"{year}-09-01", "district": district, "format": "微协商", "draft": True}
        tree[f"cases/{year}/{slug}.md"] = page(meta, "草稿：路灯、充电桩、停车场的方案还在讨论。")
    return tree


def draft_urls() -> list[str]:
    return [f"cases/{year}/{slug}/" for slug, (year, _, _) in DRAFTS.items()]


def build_second_tree(root: Path) -> Site:
    """Write the tree into `root` and build it with search; the built site is `root/site`."""
    site = make_site(root, dict(files()), search=True)
    result = site.build("--strict")
    assert result.returncode == 0, result.stderr
    return site
