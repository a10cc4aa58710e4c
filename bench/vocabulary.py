"""The words and sentence patterns of the synthetic content tree (see `synthetic_tree.py`).

The benchmark's figures (search index size, page weight) depend on how natural the
text is, so the prose is composed from many patterns whose slots are filled from
large word lists: place names built from syllables, residents' problems with their
departments and topics, people, actions, measures and numbers. Nothing here is a
real case; every generated file says so.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Place-name syllables with their pinyin: district, town, community and village names
# are built from pairs of them, so a 10,000-case tree has thousands of distinct places.
_SYLLABLES = (
    "东dong 西xi 南nan 北bei 安an 平ping 清qing 河he 山shan 阳yang 城cheng 江jiang 宁ning 兴xing "
    "丰feng 泉quan 溪xi 林lin 石shi 桥qiao 湖hu 海hai 云yun 龙long 凤feng 华hua 新xin 永yong "
    "长chang 明ming 德de 福fu 寿shou 富fu 康kang 和he 嘉jia 庆qing 元yuan 金jin 玉yu 秀xiu 泰tai "
    "顺shun 昌chang 盛sheng 桂gui 梅mei 松song 柳liu 荷he 塘tang 坪ping 岭ling 峰feng 沙sha 洲zhou "
    "浦pu 湾wan 港gang 田tian 坝ba 营ying 屯tun 庄zhuang 岗gang 坊fang 集ji 仁ren 义yi 礼li 信xin "
    "文wen 武wu 乐le 泽ze 源yuan 宝bao 鹤he 鹿lu 凰huang 翠cui 碧bi 白bai 红hong 青qing 黄huang "
    "紫zi 双shuang 三san 五wu 九jiu 高gao 大da 小xiao 上shang 下xia 中zhong 前qian 后hou 里li "
    "仙xian 莲lian 竹zhu 樟zhang 枫feng 杨yang 桃tao 杏xing 茶cha 稻dao 麦mai 盘pan 鼓gu 屏ping"
)
SYLLABLES: tuple[tuple[str, str], ...] = tuple(
    (match.group(1), match.group(2)) for match in re.finditer(r"(\S)([a-z]+)", _SYLLABLES)
)

BRAND_PATTERNS = (
    "{c}事好商量", "{c}你来商量", "有事{c}商量", "众商{c}事", "{c}里议事", "{c}协商汇", "商量在{c}", "{c}同心商",
)
SUB_BRAND_PATTERNS = ("{c}议事厅", "有事好商量·{c}", "{c}连心协商", "{c}共商", "请你来{c}", "{c}民生汇")

SURNAMES = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何林高罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢"
    "姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
)
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰涛明超秀霞平刚桂英华玉兰红梅建国志强海燕晓东春雷立新文斌永红国华德胜淑珍宏亮"

TOPICS = (
    "城市更新", "民生", "乡村振兴", "产业发展", "社会治理", "生态环保", "交通出行", "教育", "医疗卫生",
    "养老服务", "文化旅游", "安全生产", "就业创业", "营商环境", "农业", "水利", "食品安全", "物业管理",
    "基层治理", "科技创新", "法治建设", "公共服务", "人居环境", "托育", "体育健身", "消防安全", "数字化",
)

DEPARTMENTS = (
    "住建局", "城管局", "交通运输局", "教育局", "卫健局", "民政局", "农业农村局", "自然资源和规划局",
    "生态环境局", "市场监管局", "商务局", "文旅局", "水利局", "人社局", "公安分局", "消防救援大队",
    "医保局", "应急管理局", "司法局", "发改局", "工信局", "财政局", "信访局", "残联", "妇联", "团委",
    "供电公司", "自来水公司", "燃气公司", "林业局", "数据局", "退役军人事务局", "乡村振兴局", "科技局",
)


@dataclass(frozen=True)
class Problem:
    """A residents' problem a case is about: words for title, query and slug, and who handles it."""

    keyword: str  # short form, used in search queries
    phrase: str  # the title's noun phrase
    slug: str
    setting: str  # 社区 / 村 / 街道 / 路 / 学校 / 市场 / 园区: what kind of place it happens in
    topics: tuple[str, ...]
    departments: tuple[str, ...]


_PROBLEMS = """
加装电梯|老旧小区加装电梯|jiazhuang-dianti|社区|城市更新,养老服务|住建局,自然资源和规划局
停车|小区停车难|tingche|社区|交通出行,城市管理|公安分局,城管局
充电桩|电动车充电桩不足|chongdianzhuang|社区|消防安全,民生|消防救援大队,供电公司
路灯|背街小巷路灯不亮|ludeng|路|公共服务,城市更新|城管局,供电公司
雨污分流|雨污分流改造|yuwu-fenliu|社区|生态环保,城市更新|住建局,生态环境局
垃圾分类|垃圾分类投放|laji-fenlei|社区|人居环境,生态环保|城管局
农贸市场|农贸市场提升改造|nongmao-shichang|市场|民生,食品安全|市场监管局,商务局
上下学|学校周边上下学拥堵|shangxue-jiesong|学校|教育,交通出行|教育局,公安分局
养老助餐|社区养老助餐|yanglao-zhucan|社区|养老服务,民生|民政局
托育|婴幼儿托育服务|tuoyu|社区|托育,公共服务|卫健局,妇联
灌溉用水|农田灌溉用水|guangai-yongshui|村|农业,水利|水利局,农业农村局
村道|村道硬化拓宽|cundao|村|乡村振兴,交通出行|交通运输局,农业农村局
饮水安全|农村饮水安全|yinshui-anquan|村|水利,民生|水利局,自来水公司
手机信号|山区手机信号覆盖|shouji-xinhao|村|数字化,公共服务|工信局,数据局
电商直播|农产品电商直播|dianshang-zhibo|村|产业发展,乡村振兴|商务局,农业农村局
特色种植|特色种植产业发展|tese-chanye|村|产业发展,农业|农业农村局,科技局
民宿|乡村民宿规范发展|minsu|村|文化旅游,乡村振兴|文旅局,市场监管局
物业纠纷|物业纠纷化解|wuye-jiufen|社区|物业管理,基层治理|住建局,司法局
噪声扰民|夜间噪声扰民|zaosheng|街道|人居环境,社会治理|生态环境局,公安分局
占道经营|占道经营整治|zhandao-jingying|街道|城市管理,营商环境|城管局,市场监管局
积水|道路积水内涝|jishui|路|城市更新,应急管理|住建局,水利局
公交线路|公交线路优化|gongjiao-xianlu|街道|交通出行,公共服务|交通运输局
健身场地|社区健身场地建设|jianshen-changdi|社区|体育健身,公共服务|文旅局,住建局
就医|基层看病就医|jiuyi|社区|医疗卫生,民生|卫健局,医保局
家庭医生|家庭医生签约服务|jiating-yisheng|村|医疗卫生,养老服务|卫健局
就业|高校毕业生就业|jiuye|园区|就业创业,民生|人社局,团委
用工|园区企业用工难|yonggong|园区|就业创业,营商环境|人社局,工信局
审批|企业项目审批提速|shenpi|园区|营商环境|发改局,数据局
燃气管道|老旧燃气管道更新|ranqi-guandao|社区|安全生产,城市更新|住建局,燃气公司
消防通道|消防通道堵塞|xiaofang-tongdao|社区|消防安全,基层治理|消防救援大队,城管局
河道|河道保洁治理|hedao|村|生态环保,水利|水利局,生态环境局
古村落|古村落保护利用|gucunluo|村|文化旅游,乡村振兴|文旅局,住建局
无障碍|无障碍设施建设|wuzhangai|街道|公共服务,民生|残联,住建局
快递末端|快递末端网点规范|kuaidi|社区|民生,城市管理|商务局,市场监管局
学位|义务教育学位供给|xuewei|学校|教育,公共服务|教育局,自然资源和规划局
课后服务|中小学课后服务|kehou-fuwu|学校|教育|教育局,团委
食堂|学校食堂食品安全|shitang|学校|食品安全,教育|市场监管局,教育局
撂荒地|撂荒地复耕|liaohuangdi|村|农业,乡村振兴|农业农村局,自然资源和规划局
宅基地|农村宅基地管理|zhaijidi|村|乡村振兴,法治建设|自然资源和规划局,农业农村局
调解|邻里纠纷调解|linli-tiaojie|社区|基层治理,法治建设|司法局,信访局
电动自行车|电动自行车上楼|diandongche|社区|消防安全,安全生产|消防救援大队,应急管理局
公共厕所|公共厕所改造|gongce|街道|人居环境,公共服务|城管局
早市夜市|早市夜市规范|zaoshi|市场|营商环境,民生|市场监管局,城管局
适老化|居家适老化改造|shilaohua|社区|养老服务,城市更新|民政局,住建局
退役军人|退役军人服务保障|tuiyi-junren|街道|公共服务,就业创业|退役军人事务局,人社局
林下经济|林下经济发展|linxia-jingji|村|产业发展,生态环保|林业局,农业农村局
"""
PROBLEMS: tuple[Problem, ...] = tuple(
    Problem(keyword, phrase, slug, setting, tuple(topics.split(",")), tuple(departments.split(",")))
    for keyword, phrase, slug, setting, topics, departments in (
        line.split("|") for line in _PROBLEMS.strip().splitlines()
    )
)


TITLE_PATTERNS = (
    "推进{place}{phrase}", "商量解决{place}{phrase}问题", "{place}{phrase}微协商", "破解{place}{phrase}难题",
    "聚焦{place}{phrase}", "{place}居民议{kw}", "协商推动{place}{phrase}", "{place}{kw}问题怎么解",
    "围绕{place}{phrase}开展协商", "委员走进{place}商量{kw}",
)

ROLES = (
    "社区党委书记", "网格员", "物业公司经理", "居民代表", "村党支部书记", "律师", "企业负责人", "退休教师",
    "楼栋长", "业委会主任", "志愿者", "个体工商户", "家长代表", "驻村第一书记", "种植大户", "老党员",
)
ACTIONS = (
    "实地察看", "入户走访", "召开座谈会", "发放调查问卷", "查阅相关政策", "走访周边商户", "比对外地做法",
    "听取部门情况介绍", "组织小范围恳谈", "开展专题调研", "到现场测量勘查", "收集群众意见",
)
CONCERNS = (
    "费用如何分摊", "施工期间的噪声", "低楼层住户的采光", "建成后的维护", "存在的安全隐患", "资金从哪里来",
    "审批流程较长", "地下管线迁移", "占用公共空间", "后续管理责任", "部分住户不同意", "收费标准",
)
MEASURES = (
    "建立问题台账", "明确责任清单", "设立临时停放点", "引入社会资本参与", "制定分步实施方案", "开展联合执法",
    "推行“一事一议”", "组建居民自治小组", "纳入年度民生实事项目", "争取上级专项资金", "建立定期回访机制",
    "设置公示栏接受监督", "签订共建协议", "开通线上反映渠道",
)

BACKGROUND = (
    "{place}位于{street}，现有居民{hh}户，其中60岁以上老年人约占{pct}%。",
    "近年来，{place}的居民多次反映{phrase}的问题，{kw}成为大家最关心的一件事。",
    "据{street}统计，{year}年以来，涉及{kw}的群众来电来信有{nn}件，占同类诉求的{pct}%。",
    "{place}建成于{oldyear}年前后，当时的规划没有考虑{kw}，问题一年比一年突出。",
    "{role}{person}说，每到早晚高峰，{kw}的问题就格外明显，居民意见很大。",
    "此前，相关部门和{street}做过一些工作，但因为{concern}等原因，问题没有得到根本解决。",
    "{district}政协在年初征集协商议题时，{nn}名委员提交的意见都提到了{phrase}。",
    "{place}周边有学校{n}所、商户{nn}家，人流车流集中，{kw}牵涉面广。",
    "在走访中，委员们发现，{phrase}不仅影响群众日常生活，也存在{concern}方面的隐患。",
    "{role}{person}告诉委员，这件事大家议论了好几年，一直盼着有人牵头来商量。",
    "{year}年{mon}月，{district}把{phrase}列入当年民生实事项目清单。",
    "从全{lvl}情况看，类似{place}这样的点位还有{nn}处，{kw}具有一定代表性。",
    "群众反映的焦点集中在{concern}和{concern2}两个方面。",
    "由于涉及{dept1}、{dept2}等多个部门，单靠一家难以推动，需要坐下来共同商量。",
    "有居民在“{sub}”线上平台留言：“{kw}的事，希望能尽快有个说法。”",
    "{place}常住人口约{nnnn}人，外来务工人员占比较高，诉求也比较多样。",
)
PROCESS = (
    "协商前，委员们分{n}个小组，先后{action}、{action2}，形成了问题清单。",
    "{mon}月{d}日，{district}政协在{venue}组织开展“{sub}”{fmt}活动。",
    "{members}名政协委员、{dept1}和{dept2}的负责同志，以及{participants}名居民代表参加协商。",
    "会上，{role}{person}首先介绍了{place}{kw}的基本情况和群众的主要诉求。",
    "委员{person}建议，在充分听取居民意见的基础上{measure}，把好事办好。",
    "{dept1}负责同志回应说，将结合{year}年工作安排，优先考虑{place}的{kw}问题。",
    "围绕{concern}，居民代表和委员展开了讨论，有的主张先试点，有的建议整体推进。",
    "委员{person}结合自己的专业提出，可以借鉴外地{measure}的做法。",
    "{dept2}现场答复，相关政策允许{measure}，部门愿意提供指导和支持。",
    "经过{n}轮讨论，大家在{concern}这一关键问题上逐步达成一致。",
    "{role}{person}表示：“以前有话没处说，今天当面把事情说清楚了，心里踏实多了。”",
    "协商会持续了近{n}个小时，共收集意见建议{nn}条。",
    "针对{concern2}，委员们提出{measure}和{measure2}两条具体建议。",
    "会后，{district}政协将协商意见整理成建议，报送{district}党委、政府。",
    "{street}党工委负责同志表示，将把协商成果纳入街道重点工作，逐项抓好落实。",
    "在{venue}，委员们还与{nn}名群众面对面交流，现场解答政策问题。",
    "协商中，{dept1}介绍了{kw}相关的补助标准和办理流程，居民代表逐条询问。",
    "委员{person}提醒，推进过程中要注意{concern}，避免产生新的矛盾。",
    "为了让更多人参与，{place}提前{n}天在公示栏和业主群发布了协商议题。",
    "这次协商采用“{sub}”的固定流程：议题征集、调研准备、协商议事、成果转化、跟踪问效。",
    "{role}{person}提出不同看法，认为{concern}的问题应当先解决，得到不少居民赞同。",
    "主持协商的{district}政协副主席{person}最后作了总结，梳理出{n}项共识。",
)
RESULTS = (
    "协商后，{dept1}牵头{measure}，{mon}月底前完成了第一批{nn}处整改。",
    "截至{year2}年{mon}月，{place}的{kw}问题已基本解决，受益群众{nnn}余人。",
    "回访中，{pct}%的受访居民对处理结果表示满意。",
    "{street}{measure}，把{kw}纳入日常管理，防止问题反弹。",
    "协商形成的建议被{district}有关部门采纳，推动出台了{n}项具体措施。",
    "{role}{person}说：“没想到商量一次就把多年的老问题解决了。”",
    "在{place}的带动下，{street}另有{n}个点位借鉴这一做法，解决了类似问题。",
    "{dept2}投入资金约{nn}万元，完成了{kw}相关设施的建设和改造。",
    "这次协商推动解决具体问题{n}个，{concern}等遗留问题也有了明确的办理时限。",
    "{district}政协把这个案例编入“{sub}”工作简报，供各{lvl}委员工作室参考。",
    "{year2}年{mon}月，{dept1}会同{street}开展了“回头看”，确认各项措施落实到位。",
    "现在，{place}居民{kw}的事有人管、有人问，邻里关系也更加和谐。",
    "委员们表示，将继续跟踪{phrase}的后续进展，确保协商成果惠及更多群众。",
    "这一做法被写入{district}{year2}年政府工作报告，在全{lvl}推广。",
)
NEXT = (
    "下一步，{district}政协将围绕{kw}开展“回头看”，推动建立长效机制。",
    "委员们还将就{concern}问题继续调研，适时开展专题协商。",
    "{street}计划在{year2}年把{measure}的做法推广到辖区其他社区。",
    "{dept1}表示，将把{place}的经验纳入明年工作计划，持续跟进。",
    "{place}居民提出的{nn}条意见中，尚有{n}条需要长期推动，已列入跟踪清单。",
)
