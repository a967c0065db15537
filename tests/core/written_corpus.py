"""A corpus of 政务 work reports written by this project, for measuring the library on text
shaped like the real thing when no real reports are at hand (../shared/seeds is optional).

Every word list and sentence pattern below was written for this project; nothing is taken
from published reports. Reports come out the way county offices write them: a department
of a named county or district, one of the four report kinds, an opening, numbered chapters
with run-in headings, 一是/二是 points, figures with their units, the places, enterprises,
projects and people a real report names, and a closing. The same seed gives the same text
on every machine (``random.Random`` with a fixed seed; no sets or dicts are iterated).

What a real corpus has and a small vocabulary lacks, and what the library's size depends on:
tens of thousands of distinct words (:data:`MIN_DISTINCT_WORDS` as jieba cuts them, in
:data:`MIN_TEXT_BYTES` of text), most of them rare (names, figures, the terms of one
department), next to the few hundred words every report repeats.
"""

from __future__ import annotations

import functools
import random
from collections.abc import Callable
from dataclasses import dataclass

from core.draft.model import LAYOUT_JOINED, Point, Report, Section

MIN_TEXT_BYTES = 1_000_000
MIN_DISTINCT_WORDS = 10_000
REPORT_BYTES = 15_000  # a real report's text: about 5,000 characters


def _words(text: str) -> tuple[str, ...]:
    return tuple(text.split())


def _counted(text: str) -> tuple[tuple[str, str], ...]:
    """"党群服务中心/个 人才驿站/个" → (("党群服务中心", "个"), ("人才驿站", "个"))."""
    return tuple((item.split("/")[0], item.split("/")[1]) for item in text.split())


@dataclass(frozen=True)
class Line:
    """One line of work: the office that does it and the words it writes about it."""

    office: str  # 组织部: the unit is the place and the office, 柳河县委组织部
    under_party: bool  # 县委组织部 or 县农业农村局
    topics: tuple[str, ...]  # what the work is about: 基层党组织建设
    tasks: tuple[str, ...]  # what was done: 选派驻村第一书记
    builds: tuple[tuple[str, str], ...]  # what was built or set up, and its measure word
    # What is measured, and how: "%" a share, "+%" a growth rate, "-" before a unit when less is
    # better (事故/-起), else the unit of an amount (村级集体经济收入/万元).
    indicators: tuple[tuple[str, str], ...]
    problems: tuple[str, ...]  # what is still wrong


LINES: tuple[Line, ...] = (
    Line(
        "组织部",
        True,
        _words("""基层党组织建设 干部队伍建设 人才工作 党员教育管理 组织生活 软弱涣散党组织整顿 年轻干部培养
            干部监督 公务员管理 党建引领基层治理 村级集体经济 两新组织党建 党员发展 机关党建 选人用人
            干部考核评价 驻村第一书记管理 村“两委”班子建设 干部教育培训 党内关怀帮扶 离退休干部工作
            组织工作信息化 基层党建述职评议 党费收缴管理 人才引进培育 城市基层党建 国有企业党建"""),
        _words("""选派驻村第一书记 开展党员集中轮训 整顿软弱涣散党组织 建立年轻干部人才库 召开基层党建述职评议会
            开展干部作风专项整治 组织公务员初任培训 举办乡村振兴专题培训班 落实谈心谈话制度
            开展党组织书记擂台比武 开展党费使用管理专项检查 实施头雁领航工程 推行党员积分制管理
            开展在职党员进社区报到 完善干部容错纠错机制 严格执行干部任职前公示 开展党员示范岗创建
            制作党员教育电视片 组织退役军人党员报到 开展重温入党誓词活动 评选星级党支部 开展优秀年轻干部调研"""),
        _counted("""党群服务中心/个 人才驿站/个 党员活动室/间 红色教育基地/处 党员先锋岗/个 党建示范点/个
            村级集体经济项目/个 干部教育培训基地/处 党建联盟/个 流动党员服务站/个 党员志愿服务队/支"""),
        _counted("党组织覆盖率/% 党员参训率/% 村级集体经济收入/万元 干部群众满意度/% 党建考核优秀率/% 第一书记到岗率/% 年轻干部占比/%"),
        _words("""部分基层党组织书记抓党建的能力不足 年轻干部储备不够充足 农村党员队伍老龄化问题突出
            村级集体经济增收渠道较窄 人才引进后留用机制不够完善 少数党员干部担当意识不强"""),
    ),
    Line(
        "宣传部",
        True,
        _words("""理论武装 意识形态工作 新闻宣传 网络舆论引导 精神文明建设 新时代文明实践 文化事业 文艺创作
            对外宣传 融媒体中心建设 社会主义核心价值观 移风易俗 志愿服务 乡风文明 全民阅读 公共文化服务
            网络安全 非物质文化遗产保护 红色文化传承 文明城市创建 未成年人思想道德建设 网络文明建设"""),
        _words("""开展理论宣讲进基层 组织中心组专题学习 举办道德模范评选 推出系列专题报道 开展网络舆情研判
            评选身边好人 建设农家书屋 组织送戏下乡 开展文明家庭创建 举办读书分享会 推进县级融媒体中心改革
            开展文明交通劝导 组织非遗展演 开展清朗网络专项行动 举办乡村文化节 开展星级文明户评选
            编印理论学习读本 组建百姓宣讲团 开展移风易俗宣传 举办青年网络文明志愿者培训"""),
        _counted("""新时代文明实践站/个 农家书屋/个 文化广场/处 城市书房/间 志愿服务队/支 村史馆/个 道德讲堂/个
            宣传栏/块 网评员/名 宣讲员/名"""),
        _counted("志愿者注册率/% 群众知晓率/% 文明指数测评得分/分 新闻稿件上稿量/篇 网络舆情处置率/% 公共文化设施覆盖率/%"),
        _words("""理论宣讲的针对性和吸引力有待增强 网络舆情应对能力仍需提升 文化人才队伍相对薄弱
            志愿服务常态化机制尚不健全 基层文化阵地利用率不高"""),
    ),
    Line(
        "发展和改革局",
        False,
        _words("""重大项目建设 招商引资 营商环境优化 投资结构优化 民营经济发展 价格监测 粮食安全 节能降耗
            服务业发展 区域协调发展 社会信用体系建设 产业链招商 要素保障 国民经济和社会发展规划 政府投资管理
            以工代赈 对口协作 新型城镇化 数字经济 县域经济 现代物流 能源保供"""),
        _words("""开展项目集中开工活动 建立重点项目调度机制 召开政银企对接会 组织外出招商推介 落实领导包联重点项目制度
            推行项目审批代办服务 开展价格专项检查 编制专项规划 申报地方政府专项债券 建立项目储备库
            开展节能监察 推进信用修复 组织秋粮收购 发布价格监测信息 开展项目前期工作攻坚 举办民营企业家座谈会"""),
        _counted("""重点项目/个 招商项目/个 标准化厂房/万平方米 物流园区/个 专项债券项目/个 储备项目/个 充电桩/个
            加油站/座 光伏电站/座"""),
        _counted("""固定资产投资/+% 地区生产总值/+% 单位地区生产总值能耗/-% 实际利用外资/万美元 项目开工率/%
            专项债券支出进度/% 民间投资占比/%"""),
        _words("""项目储备质量不够高 招商引资大项目好项目偏少 土地和资金等要素保障压力持续加大 民间投资意愿不强
            产业链条延伸不足"""),
    ),
    Line(
        "农业农村局",
        False,
        _words("""粮食生产 高标准农田建设 乡村振兴 农村人居环境整治 特色产业发展 农业社会化服务 新型农业经营主体培育
            农村集体产权制度改革 动物疫病防控 农产品质量安全 农业机械化 农村宅基地管理 耕地保护
            防止返贫动态监测 脱贫人口持续增收 农村改厕 和美乡村建设 数字乡村 家庭农场 农民专业合作社
            种业振兴 设施农业 林下经济 稻渔综合种养"""),
        _words("""推广水肥一体化技术 开展春耕备耕督导 实施耕地轮作休耕 建设标准化养殖小区 组织农技人员下乡指导
            开展农产品质量抽检 推进农村户厕改造 开展村庄清洁行动 发放耕地地力保护补贴 培训高素质农民
            举办农民丰收节 开展重大动物疫病强制免疫 推行农村生活垃圾分类 建立防返贫监测帮扶台账
            实施产业奖补政策 组建农机作业服务队 发展订单农业 推进农村电商服务站建设 开展统防统治
            推广测土配方施肥"""),
        _counted("""高标准农田/万亩 冷链仓储设施/座 标准化养殖场/个 农村户厕/户 特色产业基地/个 家庭农场/家
            农民专业合作社/家 农业产业化龙头企业/家 乡村振兴示范村/个 育秧工厂/座 烘干中心/个"""),
        _counted("""粮食播种面积/万亩 粮食总产量/万吨 农村居民人均可支配收入/元 农作物耕种收综合机械化率/%
            农产品抽检合格率/% 农村卫生厕所普及率/% 脱贫人口人均纯收入/元"""),
        _words("""农业产业链条较短 农产品品牌影响力不强 村庄规划编制进度不平衡 农村基础设施管护机制不完善
            新型经营主体带动能力不强"""),
    ),
    Line(
        "教育局",
        False,
        _words("""学前教育 义务教育优质均衡发展 普通高中多样化发展 职业教育 教师队伍建设 “双减”工作 学校安全
            校园食品安全 控辍保学 学生资助 教育信息化 课后服务 劳动教育 思政课建设 特殊教育 教育督导
            集团化办学 师德师风 校舍改造 家校共育 体育美育 心理健康教育"""),
        _words("""新建改扩建公办幼儿园 开展课后延时服务 组织教师全员培训 实施薄弱学校改造 开展校外培训机构专项治理
            落实学生营养改善计划 开展防溺水安全教育 组织中小学校长轮训 招聘特岗教师 推进县管校聘改革
            开展教学质量监测 建设智慧教室 发放家庭经济困难学生资助金 组织校园消防应急演练 开展名师送教下乡
            举办中小学生运动会 开展家访活动"""),
        _counted("""公办幼儿园/所 智慧教室/间 学生宿舍/栋 标准化运动场/个 学校食堂/个 名师工作室/个 乡村少年宫/个
            教师周转宿舍/套 心理辅导室/间"""),
        _counted("学前三年毛入园率/% 义务教育巩固率/% 高中阶段毛入学率/% 教师本科以上学历比例/% 课后服务覆盖率/% 大班额比例/-%"),
        _words("""城区学位供给压力较大 乡村学校教师结构性缺编 优质教育资源分布不均
            职业教育专业设置与产业需求衔接不够"""),
    ),
    Line(
        "卫生健康局",
        False,
        _words("""公立医院改革 基层医疗卫生服务 家庭医生签约服务 公共卫生服务 疾病预防控制 妇幼健康 医疗质量安全
            中医药事业 健康县城建设 爱国卫生运动 医共体建设 老龄健康 计划免疫 慢性病管理 卫生应急
            医疗卫生人才培养 院前急救 精神卫生 职业健康 无偿献血 托育服务"""),
        _words("""推进紧密型县域医共体建设 开展义诊进乡村活动 组织家庭医生入户随访 实施基本公共卫生服务项目
            开展国家卫生县城复审 建设胸痛中心 推广中医适宜技术 开展医疗机构安全生产检查 组织卫生应急演练
            开展老年人健康体检 实施孕产妇健康管理 引进紧缺医学人才 推进电子健康档案应用 开展病媒生物防制"""),
        _counted("""村卫生室/个 远程会诊中心/个 中医馆/个 发热门诊/个 医养结合机构/家 急救站点/个 健康小屋/个
            普惠托育机构/家 托位/个"""),
        _counted("""家庭医生签约率/% 孕产妇死亡率/-‱ 婴儿死亡率/-‰ 居民健康素养水平/% 县域内就诊率/%
            适龄儿童免疫规划疫苗接种率/%"""),
        _words("""基层医疗卫生人才流失较多 村卫生室服务能力偏弱 医疗资源城乡分布不均 公共卫生应急能力仍有短板"""),
    ),
    Line(
        "住房和城乡建设局",
        False,
        _words("""城市更新 老旧小区改造 保障性住房建设 房地产市场平稳健康发展 建筑市场监管 城镇燃气安全 物业管理
            城市排水防涝 海绵城市建设 农村危房改造 建筑节能 历史文化街区保护 市政基础设施建设
            城市园林绿化 工程质量安全 装配式建筑 住房公积金管理 背街小巷整治 城市供水"""),
        _words("""实施老旧小区改造 开展燃气安全专项排查 推进城市排水管网改造 组织工程质量安全巡查 开展违法建设治理
            新建口袋公园 推行物业服务星级评定 开展农村自建房安全隐患排查 发放住房租赁补贴
            开展建筑工地扬尘治理 推进保交楼工作 改造背街小巷 实施城市亮化工程 开展既有住宅加装电梯"""),
        _counted("""老旧小区/个 保障性租赁住房/套 口袋公园/个 排水管网/公里 城市绿道/公里 停车位/个 加装电梯/部
            公共厕所/座 燃气管道/公里"""),
        _counted("城镇化率/% 人均公园绿地面积/平方米 建成区绿化覆盖率/% 城市生活污水集中收集率/% 商品房销售面积/万平方米"),
        _words("""城市基础设施历史欠账较多 老旧小区长效管理机制不健全 房地产市场下行压力较大
            部分在建项目工程质量管控不到位"""),
    ),
    Line(
        "生态环境局",
        False,
        _words("""大气污染防治 水污染防治 土壤污染防治 生态环境保护督察整改 生态保护修复 固体废物管理 环境执法
            排污许可管理 农村生活污水治理 饮用水水源地保护 碳达峰碳中和 噪声污染防治 危险废物监管
            生物多样性保护 环境风险防范 秸秆禁烧 机动车尾气治理 臭氧污染防治"""),
        _words("""开展重点行业挥发性有机物治理 推进入河排污口排查整治 实施建设用地土壤污染风险管控
            开展环境执法大练兵 组织突发环境事件应急演练 推进工业园区污水处理设施建设 开展秸秆综合利用
            实施河道清淤疏浚 开展饮用水水源地环境问题整治 核发排污许可证 推进重点排污单位在线监测
            开展生态环境宣传进企业 开展扬尘污染专项整治"""),
        _counted("""污水处理设施/座 空气质量监测站/个 入河排污口/个 危险废物处置中心/座 生态修复项目/个 湿地公园/个"""),
        _counted("""空气质量优良天数比例/% 细颗粒物平均浓度/-微克每立方米 地表水国控断面水质优良比例/%
            农村生活污水治理率/% 受污染耕地安全利用率/%"""),
        _words("""大气污染防治形势依然严峻 部分河流水质稳定达标难度大 环境基础设施建设滞后
            企业环保主体责任落实不到位"""),
    ),
    Line(
        "应急管理局",
        False,
        _words("""安全生产 防灾减灾救灾 森林防灭火 防汛抗旱 危险化学品安全 非煤矿山安全 应急救援队伍建设
            应急预案管理 消防安全 工贸企业安全 安全生产责任制 隐患排查治理 应急物资储备 地质灾害防治
            安全宣传教育 自然灾害综合风险普查 基层应急能力建设"""),
        _words("""开展安全生产大检查 组织防汛应急演练 实施安全生产治本攻坚行动 开展森林防火巡查
            落实企业全员安全生产责任制 建立重大危险源监控体系 组织应急管理干部培训 开展安全生产月活动
            推进应急避难场所建设 开展危化品运输专项检查 开展打非治违专项行动 储备救灾物资 发布灾害预警信息"""),
        _counted("""应急避难场所/处 微型消防站/个 应急物资储备库/个 防火检查站/个 森林防火通道/公里 应急广播/套
            应急救援队/支"""),
        _counted("生产安全事故/-起 事故死亡人数/-人 隐患整改率/% 应急救援平均响应时间/-分钟"),
        _words("部分企业安全投入不足 基层应急救援力量薄弱 隐患排查治理不够深入 群众安全意识有待提高"),
    ),
    Line(
        "市场监督管理局",
        False,
        _words("""食品安全 药品安全 特种设备安全 产品质量 知识产权保护 市场主体培育 信用监管 价格监管 计量标准
            广告监管 消费维权 反不正当竞争 商事制度改革 “双随机、一公开”监管 质量强县 网络交易监管
            个体工商户发展 化妆品安全 医疗器械安全"""),
        _words("""开展食品安全抽检 推行证照分离改革 开展特种设备隐患排查 组织放心消费创建 查处价格违法案件
            开展商标品牌培育 推进明厨亮灶工程 开展校园周边食品安全整治 处理消费者投诉举报
            开展计量器具强制检定 推行企业开办一日办结 开展药品零售企业检查"""),
        _counted("""放心消费示范单位/家 明厨亮灶餐饮单位/家 食品快检室/个 消费维权服务站/个 注册商标/件
            地理标志产品/个"""),
        _counted("市场主体总量/户 食品抽检合格率/% 投诉举报办结率/% 每万人有效发明专利拥有量/件 新登记市场主体/户"),
        _words("基层监管力量不足 食品小作坊小摊贩监管难度大 企业质量品牌意识不强"),
    ),
    Line(
        "财政局",
        False,
        _words("""财政收入组织 财政支出管理 预算管理 国有资产管理 政府债务风险防范 财会监督 直达资金管理
            政府采购 惠民惠农补贴 预算绩效管理 国库集中支付 非税收入 财源建设 过紧日子 乡镇财政"""),
        _words("""推进预算管理一体化 开展财会监督专项行动 实施预算绩效评价 清理盘活存量资金 规范政府采购行为
            开展惠民惠农补贴资金一卡通专项治理 加强直达资金监控 落实减税降费政策 组织财政干部业务培训
            压减一般性支出"""),
        _counted("绩效评价项目/个 政府采购项目/个 惠民惠农补贴项目/项"),
        _counted("一般公共预算收入/亿元 税收收入占比/% 民生支出占比/% 政府债务率/-% “三保”支出/亿元"),
        _words("财政收支矛盾突出 刚性支出压力较大 财源结构比较单一"),
    ),
    Line(
        "人力资源和社会保障局",
        False,
        _words("""就业创业 高校毕业生就业 农民工就业 职业技能培训 社会保险 劳动关系 根治欠薪 事业单位人事管理
            劳动保障监察 人才服务 创业担保贷款 全民参保 工伤保险 技能人才培养 劳务品牌建设"""),
        _words("""举办春风行动招聘会 开展职业技能提升行动 发放创业担保贷款 开展根治欠薪冬季专项行动
            推进社会保障卡居民服务一卡通 组织公开招聘事业单位工作人员 开展劳动保障书面审查 建设零工市场
            开展就业援助月活动 组织劳务输出"""),
        _counted("零工驿站/个 技能大师工作室/个 创业孵化基地/个 就业帮扶车间/个 劳务品牌/个"),
        _counted("城镇新增就业/人 城镇调查失业率/-% 基本养老保险参保率/% 农村劳动力转移就业/人 欠薪案件结案率/%"),
        _words("就业结构性矛盾突出 技能人才供给不足 社会保险扩面难度加大"),
    ),
    Line(
        "民政局",
        False,
        _words("""社会救助 养老服务 儿童福利 残疾人福利 社区治理 社会组织管理 婚姻登记 殡葬改革 区划地名 慈善事业
            最低生活保障 特困人员供养 临时救助 未成年人保护 社会工作 适老化改造"""),
        _words("""开展低保专项治理 建设居家养老服务中心 实施特殊困难老年人家庭适老化改造 开展困境儿童关爱保护
            推进婚俗改革 开展社会组织年检 开展殡葬领域专项整治 开展地名普查 建设社区老年食堂
            推行政府购买养老服务 开展“银龄安康”行动"""),
        _counted("居家养老服务中心/个 老年食堂/个 儿童之家/个 社工站/个 公益性公墓/个 养老床位/张"),
        _counted("城市低保标准/元 特困供养标准/元 养老机构护理型床位占比/% 城乡社区综合服务设施覆盖率/%"),
        _words("养老服务供给不足 社会救助精准度有待提高 基层民政工作力量薄弱"),
    ),
    Line(
        "文化和旅游局",
        False,
        _words("""全域旅游 文旅融合 旅游市场监管 文物保护 A级旅游景区创建 乡村旅游 文化产业 非遗传承
            文艺精品创作 旅游品牌 节庆活动 智慧旅游 夜间经济 研学旅行 公共图书馆建设"""),
        _words("""举办乡村旅游文化节 创建A级旅游景区 开展文化市场综合执法 实施文物保护修缮工程 组织非遗进校园
            推出精品旅游线路 举办旅游推介会 建设游客服务中心 扶持精品民宿发展 开展文物安全巡查"""),
        _counted("乡村旅游重点村/个 精品民宿/家 游客服务中心/个 旅游厕所/座 文物保护单位/处 非遗工坊/个"),
        _counted("接待游客/万人次 旅游综合收入/亿元 过夜游客/万人次"),
        _words("旅游产品同质化 文旅融合深度不够 旅游配套设施不完善"),
    ),
    Line(
        "交通运输局",
        False,
        _words("""交通基础设施建设 农村公路建设 “四好农村路” 道路运输管理 公路养护 交通运输安全 城乡客运一体化
            农村物流体系建设 治超治限 桥梁安全 公交优先 出租汽车管理"""),
        _words("""实施国省干线改造提升 推进农村公路提档升级 开展危桥改造 开展道路运输安全隐患排查 推进城乡公交一体化
            建设县乡村三级物流配送体系 开展货车超限超载治理 实施公路安全生命防护工程"""),
        _counted("农村公路/公里 危桥/座 公交站亭/个 乡镇客运站/个 物流配送站点/个 港湾式停靠站/个"),
        _counted("农村公路优良中等路率/% 建制村通客车率/% 公路货运量/万吨 公路客运量/万人次"),
        _words("交通建设资金筹措困难 农村公路养护资金不足"),
    ),
    Line(
        "水利局",
        False,
        _words("""水利工程建设 河湖长制 水资源管理 农田水利 防汛抗旱 农村饮水安全 水土保持 水库安全度汛
            节水型社会建设 河道采砂管理 中小河流治理 灌区改造 幸福河湖建设"""),
        _words("""实施中小河流治理 开展河湖“四乱”清理整治 推进农村供水保障工程 开展病险水库除险加固
            实施灌区续建配套改造 开展水土流失综合治理 组织河长巡河 开展节水型单位创建 开展非法采砂专项整治"""),
        _counted("小型水库/座 堤防/公里 农村供水工程/处 山塘/座 灌溉渠道/公里 淤地坝/座"),
        _counted("农村自来水普及率/% 万元地区生产总值用水量/-立方米 水土流失治理面积/平方公里 农田灌溉水有效利用系数/系数"),
        _words("水利基础设施老化 水资源时空分布不均 部分河道管护不到位"),
    ),
    Line(
        "自然资源局",
        False,
        _words("""国土空间规划 耕地保护 土地供应 不动产登记 林长制 矿产资源管理 生态修复 自然资源执法
            测绘地理信息 村庄规划 城乡建设用地增减挂钩 违法用地整治 林业资源保护 国土绿化"""),
        _words("""编制国土空间总体规划 落实耕地占补平衡 开展卫片执法 推进不动产登记便民利民 实施国土绿化行动
            开展松材线虫病防治 推进历史遗留矿山生态修复 开展农村乱占耕地建房整治 组织国有建设用地出让"""),
        _counted("人工造林/万亩 生态护林员/名 矿山生态修复/亩 地质灾害隐患点/处"),
        _counted("耕地保有量/万亩 森林覆盖率/% 土地供应面积/亩 不动产登记办结时限/-个工作日"),
        _words("用地指标紧张 耕地保护压力大 违法用地时有发生"),
    ),
    Line(
        "工业和信息化局",
        False,
        _words("""工业经济运行 制造业高质量发展 企业技术改造 数字化转型 专精特新企业培育 工业园区建设 科技创新
            高新技术企业培育 产学研合作 科技成果转化 中小企业服务 新能源产业 电子信息产业 网络基础设施建设"""),
        _words("""开展企业走访服务 组织银企对接会 申报省级技术改造项目 推动企业上云用数赋智 培育专精特新中小企业
            组织企业参加产业博览会 建设科技企业孵化器 开展科技特派员服务 组织企业申报高新技术企业"""),
        _counted("规模以上工业企业/家 高新技术企业/家 专精特新企业/家 通信基站/个 众创空间/个 研发平台/个"),
        _counted("规模以上工业增加值/+% 工业用电量/亿千瓦时 研发经费投入强度/% 技术合同成交额/万元 高新技术产业增加值/亿元"),
        _words("工业企业规模偏小 科技创新能力不强 企业融资难融资贵"),
    ),
    Line(
        "商务局",
        False,
        _words("""消费促进 外贸稳定 电子商务 商贸流通 县域商业体系建设 城市便民生活圈 老字号保护 会展经济
            汽车消费 对外开放"""),
        _words("""发放消费券 举办购物节 组织企业参加进出口商品交易会 建设县级电商公共服务中心 培育网络直播带货人才
            推进农贸市场升级改造 开展成品油市场整治"""),
        _counted("农贸市场/个 便民生活圈/个 电商服务站/个 商业综合体/个 外贸企业/家"),
        _counted("社会消费品零售总额/亿元 进出口总额/亿元 网络零售额/亿元 实际到位资金/亿元"),
        _words("消费市场恢复较慢 外贸企业订单不足"),
    ),
    Line(
        "政法委",
        True,
        _words("""平安建设 社会治安综合治理 矛盾纠纷排查化解 扫黑除恶常态化 网格化服务管理 法治建设 禁毒工作
            反诈宣传 综治中心建设 特殊人群服务管理 信访维稳 “枫桥经验” 政法队伍建设 见义勇为 群防群治"""),
        _words("""开展矛盾纠纷大排查大化解 推进综治中心规范化建设 组织平安建设宣传月 开展电信网络诈骗防范宣传
            推行网格员一日双巡 开展禁毒宣传进校园 实施特殊人群帮扶 开展政法队伍教育整顿"""),
        _counted("综治中心/个 专职网格员/名 人民调解委员会/个 视频监控点位/个 警务室/个"),
        _counted("群众安全感/% 刑事案件发案/-起 矛盾纠纷调解成功率/% 电信网络诈骗案件/-起"),
        _words("新型违法犯罪手段多样 基层网格员队伍不够稳定"),
    ),
    Line(
        "统战部",
        True,
        _words("""统一战线 民族宗教工作 非公有制经济人士 新的社会阶层人士 党外代表人士 港澳台侨工作 民主党派
            党外知识分子工作 铸牢中华民族共同体意识 宗教事务管理 光彩事业 同心工程"""),
        _words("""开展民族团结进步创建 组织党外人士考察调研 开展非公经济人士理想信念教育 推进宗教活动场所规范化管理
            召开民主协商会 开展同心助力乡村振兴 组织新阶层人士服务社会"""),
        _counted("民族团结进步示范单位/个 同心实践基地/个 新联会/个"),
        _counted("党外干部配备率/% 民族团结进步示范单位/个"),
        _words("党外代表人士队伍结构不够合理 宗教事务管理基础薄弱"),
    ),
    Line(
        "纪委监委",
        False,
        _words("""政治监督 党风廉政建设 作风建设 巡察工作 群众身边腐败 监督执纪问责 廉洁文化建设
            纪检监察干部队伍建设 中央八项规定精神 “四风”问题 以案促改 政治生态"""),
        _words("""开展作风纪律专项整治 组织巡察村居全覆盖 召开警示教育大会 查处群众身边不正之风 开展廉洁文化进机关
            运用监督执纪“四种形态” 开展节日期间明察暗访 开展提醒谈话 推进村务监督委员会规范化建设"""),
        _counted("廉政教育基地/个 监督联络站/个 巡察组/个"),
        _counted("立案/件 党纪政务处分/人 问题线索处置率/%"),
        _words("基层监督力量薄弱 “四风”问题隐形变异"),
    ),
    Line(
        "医疗保障局",
        False,
        _words("""医保基金监管 城乡居民医疗保险 大病保险 医疗救助 药品集中带量采购 医保支付方式改革 异地就医直接结算
            门诊共济保障 医保经办服务 长期护理保险"""),
        _words("""开展医保基金使用专项检查 推行按病种分值付费 开展医保政策宣传进村入户 落实集中带量采购中选结果
            建设医保服务工作站"""),
        _counted("医保服务工作站/个 定点医药机构/家"),
        _counted("基本医疗保险参保率/% 住院费用报销比例/% 医保基金累计结余/万元"),
        _words("医保基金运行压力加大 基层医保经办能力不足"),
    ),
    Line(
        "团委",
        False,
        _words("""青年思想引领 少先队工作 青年志愿服务 青少年权益维护 青年创新创业 共青团改革 青年人才工作
            青少年心理关爱"""),
        _words("""开展青年大学习 组织少先队员入队仪式 举办青年创新创业大赛 开展青年志愿者服务月 开展留守儿童关爱行动
            组建青年突击队"""),
        _counted("青年之家/个 青年志愿服务队/支 希望小屋/间"),
        _counted("发展团员/名 注册青年志愿者/人"),
        _words("基层团组织活力不足 团干部队伍不够稳定"),
    ),
    Line(
        "妇联",
        False,
        _words("""妇女儿童权益保护 巾帼建功 家庭家教家风建设 妇女创业就业 “两癌”救助 婚姻家庭纠纷调解
            最美家庭评选 儿童关爱服务"""),
        _words("""开展巾帼建功活动 组织妇女技能培训 开展最美家庭评选 实施“两癌”免费筛查 建设妇女儿童之家
            开展婚姻家庭纠纷排查化解"""),
        _counted("妇女儿童之家/个 巾帼创业基地/个 家庭教育指导服务站/个"),
        _counted("新增妇女就业/人 “两癌”筛查/人"),
        _words("基层妇联组织力量薄弱 服务妇女群众的手段不多"),
    ),
    Line(
        "办公室",
        True,
        _words("""文稿起草 督查督办 信息报送 机要保密 档案管理 政务值班 会务服务 公文处理 调查研究 政策研究
            政务公开 机关后勤保障"""),
        _words("""起草重要文稿 开展重点工作督查 报送政务信息 开展保密检查 组织档案数字化 落实领导带班值班
            组织重要会议 开展专题调研 推进公文办理提速"""),
        _counted("重要文稿/篇 督查事项/件 政务信息/条 调研报告/篇"),
        _counted("督办事项办结率/% 政务信息采用/条 公文平均办理时限/-个工作日"),
        _words("文稿质量与领导要求还有差距 督查督办的刚性约束不够"),
    ),
)

# ---- words every report uses, whatever the line of work

LEADS = _words("""坚持 围绕 聚焦 紧扣 立足 着眼 突出 强化 深化 推动 推进 加快 加强 抓实 抓好 统筹 做好 优化
    扎实推进 持续深化 全面加强 着力抓好 统筹推进 深入推进""")
# Four-character phrases of 政务 prose: how a report says "with effort" and "for results".
STYLES = _words("""真抓实干 担当作为 守正创新 久久为功 提质增效 补齐短板 固本强基 凝心聚力 攻坚克难 开拓进取
    务实高效 统筹兼顾 精准施策 靶向发力 对标对表 挂图作战 压茬推进 一抓到底 聚力攻坚 善作善成 实干争先
    比学赶超 争先创优 创新驱动 示范引领 典型带动 以点带面 点面结合 上下联动 条块结合 多措并举 标本兼治
    综合施策 闭环管理 源头治理 动态清零 应收尽收 应保尽保 应培尽培 全员覆盖 提档升级 扩面提质 规范有序
    优化提升 强基固本 夯基垒台 立柱架梁 积厚成势 乘势而上 稳中求进 以进促稳 先立后破 守牢底线 防范化解
    未雨绸缪 关口前移 源头预防 常抓不懈 持之以恒 一以贯之 落地见效 落细落实 见行见效 走深走实 入脑入心
    知行合一 学用结合 以学促干 学思践悟 同题共答 同向发力 共建共享 共治共享 互联互通 资源共享 优势互补
    错位发展 集约节约 绿色低碳 安全可控 公平公正 公开透明 便民利民 惠民利民 群策群力 同心同德""")
MANNERS = _words("""扎实 有序 稳步 持续 全面 深入 积极 大力 切实 认真 不断 着力 精准 高效 统筹 系统""")
EFFECTS = _words("""取得明显成效 成效明显 群众满意度不断提升 形成了可复制可推广的经验 得到上级充分肯定
    走在全市前列 群众获得感明显增强 基础进一步夯实 工作水平明显提升 有力保障了全县中心工作
    获得省级通报表扬 为全县经济社会发展提供了有力支撑 实现了预期目标 各项任务全面完成""")
GOALS = _words("""高质量发展 共同富裕 中国式现代化 乡村全面振兴 县域经济发展 民生福祉 社会和谐稳定
    营商环境持续优化 城乡融合发展 生态文明建设 治理体系和治理能力现代化 经济社会发展大局""")
DOCUMENT_KINDS = _words("""实施方案 实施意见 管理办法 工作细则 考核办法 行动计划 工作方案 若干措施 操作规程
    三年行动方案 责任清单 工作指引""")
MEETINGS = _words("""专题会议 推进会 调度会 现场会 培训会 座谈会 联席会议 动员部署会 工作例会 观摩会""")
HONOR_LEVELS = ("全国", "全省", "全市", "省级", "市级")
PERSON_HONORS = _words("""先进个人 优秀共产党员 优秀党务工作者 劳动模范 三八红旗手 五四青年奖章获得者 最美志愿者
    道德模范 乡村振兴先进个人 优秀教师 优秀乡村医生 技术能手 巾帼建功标兵 青年岗位能手 优秀网格员
    最美退役军人 见义勇为先进个人 最美基层干部 优秀人民调解员 十佳护林员""")
GROUP_HONORS = _words("""先进集体 先进基层党组织 文明单位 文明村镇 示范单位 平安建设先进集体 民主法治示范村
    乡村治理示范村 卫生村 森林乡村 美丽宜居村庄 五星级党组织 巾帼文明岗 青年文明号 工人先锋号""")
COMPANY_HONORS = _words("""专精特新中小企业 农业产业化重点龙头企业 守合同重信用企业 诚信示范企业 绿色工厂
    数字化车间 和谐劳动关系示范企业 质量标杆企业""")
TITLES_OF_PEOPLE = _words("""党支部书记 村委会主任 驻村第一书记 网格员 乡村医生 校长 教师 护士 技术员 志愿者
    企业负责人 农技员 民警 调解员 护林员 社工""")
RESULT_VERBS = _words("""新建 改建 建成 培育 认定 创建 打造 完成 组建 建立 提升改造 新增""")
PEOPLE_COUNTS = _words("""人 人次 名""")
PROBLEM_LEADS = _words("""一是 二是 三是 四是""")
PLAN_LEADS = _words("""力争 确保 推动 努力实现""")
MONTHS = tuple(f"{m}月" for m in range(1, 13))

# ---- names: places, enterprises, projects and people, composed from characters we chose

NAME_HEADS = tuple(dict.fromkeys(_words("""青 石 柳 桃 杨 白 黄 龙 凤 金 银 东 西 南 北 新 上 下 大 小 高 长 平 安 兴 和 福 宝 永 太
    清 明 红 双 三 古 花 梅 松 竹 枫 桂 荷 云 天 罗 卧 狮 鹿 牛 响 泉 碧 翠 紫 朝 庆 胜 丰 裕 仁 义 德 泰
    康 乐 吉 瑞 嘉 华 宁 沙 茶 杏 梨 栗 榆 槐 柏 樟 芦 苇 月 星 虎 马 鹤 雁 燕 鸣 凌 望 崇 兰 蒲 桑 麻 菱
    藕 莲 蓝 绿 乌 赤 丹 玉 珠 宝 铜 铁 锦 绣 秀 灵 仙 峨 岚 雾 霞 晴 春 夏 秋 冬 柴 草 芙 蓉 樱 橘""")))
NAME_TAILS = tuple(dict.fromkeys(_words("""山 河 湖 桥 庄 坪 沟 湾 岭 塘 坝 店 集 铺 寨 园 溪 坡 冲 峪 洼 口 垭 堡 营 屯 台 岗 林 川 源
    田 圩 港 滩 渡 墩 陵 峰 井 阳 州 门 楼 堰 坊 场 塬 岩 洲 埠 坳 垄 畈 岔 梁 关 寺 亭 岙 岭 垌 坨 嘴
    湫 泊 汊 浦 泾 埂 垸 垟 厝 岱 峦 谷 潭 泽 坎 坝 店 驿 镇 城 苑 屏 洞 原""")))
VILLAGE_KINDS = ("村", "村", "村", "社区", "社区", "居委会")
TOWN_KINDS = ("镇", "镇", "乡", "街道")
COUNTY_KINDS = ("县", "县", "区", "市")
INDUSTRIES = _words("""农业科技 食品 生物医药 新材料 电子科技 现代物流 建材 纺织 机械制造 文化旅游 茶业 果业 牧业
    水产 粮油 中药材 光电 新能源 汽车零部件 环保科技 包装 家具 服装 智能装备 信息技术 建筑工程 酒业
    竹木制品 陶瓷 精细化工""")
COMPANY_FORMS = ("有限公司", "有限公司", "股份有限公司", "专业合作社", "集团", "有限责任公司")
PRODUCTS = _words("""茶叶 大米 蜜柚 脐橙 香菇 木耳 黑猪 土鸡 腊肉 红薯粉条 核桃 板栗 葡萄 草莓 猕猴桃 中药材 蜂蜜
    小龙虾 油茶 花生 辣椒 莲藕 竹笋 生姜 山药 黄桃 杨梅 枇杷 菜籽油 豆腐干""")
PROJECT_FORMS = _words("""路提质改造工程 大道建设工程 产业园 污水处理厂 小学 中学 幼儿园 卫生院 河综合治理工程
    农贸市场 安置小区 物流园 文化广场 体育公园 防洪堤 供水厂 工业园 农旅融合示范园 现代农业产业园 生态公园""")
SURNAMES = tuple(dict.fromkeys(_words("""王 李 张 刘 陈 杨 赵 黄 周 吴 徐 孙 胡 朱 高 林 何 郭 马 罗 梁 宋 郑 谢 韩 唐 冯 于 董 萧
    程 曹 袁 邓 许 傅 沈 曾 彭 吕 苏 卢 蒋 蔡 贾 丁 魏 薛 叶 余 潘 杜 戴 夏 钟 汪 田 任 姜 范 方 石 姚 谭
    廖 邹 熊 金 陆 郝 孔 白 崔 康 毛 邱 秦 江 史 顾 侯 邵 孟 龙 万 段 雷 钱 汤 尹 黎 易 常 武 乔 贺 赖 龚 文""")))
GIVEN_CHARACTERS = tuple(dict.fromkeys(_words("""建 国 华 明 军 平 伟 强 玉 兰 秀 英 芳 丽 敏 静 燕 红 霞 峰 辉 刚 勇 杰 涛 斌 磊 超 波
    鹏 亮 宏 海 林 文 志 德 春 秋 云 福 庆 成 新 永 胜 利 宝 荣 晓 婷 雪 梅 琳 娜 倩 颖 博 浩 宇 思 佳 欣
    悦 雨 晨 阳 凯 俊 健 鑫 丹 萍 洁 慧 莉 娟 彬 毅 卫 东 武 民 忠 学 生 远 清 桂 金 贵 珍 凤 菊 兵 锋
    立 振 家 仁 义 礼 智 信 诚 恒 源 泽 润 沛 涵 瀚 铭 睿 哲 航 帆 岚 琪 瑶 璐 蕾 薇 菲 翔 昊 昕 轩 然
    冬 夏 喜 乐 安 顺 祥 和 贤 良 光 耀 伦 坤 栋 梁 松 柏 杨 槐 珊 艳 蓉 娥 秀 兰""")))


class Names:
    """The places and names one county's reports mention: drawn once per report from ``rng``."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng

    def stem(self) -> str:
        return self.rng.choice(NAME_HEADS) + self.rng.choice(NAME_TAILS)

    def county(self) -> str:
        return self.stem() + self.rng.choice(COUNTY_KINDS)

    def town(self) -> str:
        return self.stem() + self.rng.choice(TOWN_KINDS)

    def village(self) -> str:
        return self.stem() + self.rng.choice(VILLAGE_KINDS)

    def company(self) -> str:
        rng = self.rng
        name = self.stem() if rng.random() < 0.6 else rng.choice(NAME_HEADS) + rng.choice(GIVEN_CHARACTERS)
        return name + rng.choice(INDUSTRIES) + rng.choice(COMPANY_FORMS)

    def project(self) -> str:
        return self.stem() + self.rng.choice(PROJECT_FORMS)

    def product(self) -> str:
        return "“" + self.stem() + self.rng.choice(PRODUCTS) + "”"

    def person(self) -> str:
        rng = self.rng
        given = rng.choice(GIVEN_CHARACTERS) + (rng.choice(GIVEN_CHARACTERS) if rng.random() < 0.75 else "")
        return rng.choice(SURNAMES) + given


# ---- figures as reports write them


def count(rng: random.Random, low: int = 2, high: int = 60) -> str:
    return str(rng.randint(low, high))


def big_count(rng: random.Random) -> str:
    value = rng.randint(120, 98_000)
    return f"{value / 10_000:.2f}万" if value >= 10_000 and rng.random() < 0.5 else str(value)


def money(rng: random.Random) -> str:
    value = rng.randint(30, 180_000) / 10
    if value >= 10_000:
        return f"{value / 10_000:.2f}亿元"
    return f"{value:g}万元"


def percent(rng: random.Random, low: float = 0.5, high: float = 35.0) -> str:
    return f"{rng.uniform(low, high):.1f}%"


def share(rng: random.Random) -> str:
    return f"{rng.uniform(60.0, 99.9):.1f}%"


def measured(rng: random.Random, name: str, how: str) -> str:
    """An indicator with its figure: "粮食总产量达到32.6万吨，同比增长3.1%"."""
    if how == "%":
        direction = rng.choice(("提高", "提高", "上升", "下降"))
        return f"{name}达到{share(rng)}，同比{direction}{rng.uniform(0.1, 6.0):.1f}个百分点"
    if how == "+%":
        return f"{name}同比增长{rng.uniform(1.5, 12.0):.1f}%，高于全市平均水平{rng.uniform(0.1, 3.0):.1f}个百分点"
    if how == "系数":
        return f"{name}达到0.{rng.randint(50, 68)}"
    if how == "分":
        return f"{name}达到{rng.uniform(80.0, 98.0):.1f}分，在全市排名第{rng.randint(1, 9)}位"
    if how.startswith("-"):
        unit = how[1:]
        if unit in ("%", "‰", "‱"):
            return f"{name}控制在{rng.uniform(0.5, 9.0):.1f}{unit}以内"
        return f"{name}{rng.randint(2, 90)}{unit}，同比下降{percent(rng, 1.0, 30.0)}"
    if unit_is_large := how.startswith(("万", "亿")):
        value = f"{rng.uniform(1.0, 980.0):.1f}"
    else:
        value = str(rng.randint(12, 9_800) if how != "平方米" else rng.randint(8, 20))
    return f"{name}达到{value}{how}，同比增长{percent(rng, 0.5, 20.0 if unit_is_large else 30.0)}"


def day(rng: random.Random) -> str:
    return f"{rng.randint(1, 12)}月{rng.randint(1, 28)}日"


# ---- sentences


@dataclass
class Writer:
    """Writes one report's sentences: its line of work, its county, its year."""

    rng: random.Random
    line: Line
    county: str
    year: int
    names: Names

    def pick(self, items: tuple[str, ...]) -> str:
        return self.rng.choice(items)

    def topic(self) -> str:
        # Now and then a neighbouring line of work: a report names what it worked on with others.
        line = self.line if self.rng.random() < 0.95 else self.rng.choice(LINES)
        return self.rng.choice(line.topics)

    def task(self) -> str:
        return self.pick(self.line.tasks)

    def build(self) -> tuple[str, str]:
        return self.rng.choice(self.line.builds)

    def honor(self, group: bool = False) -> str:
        return self.pick(HONOR_LEVELS) + self.pick(GROUP_HONORS if group else PERSON_HONORS)

    def document(self) -> str:
        return f"《{self.county}关于{self.pick(('加强', '推进', '深化', '规范', '做好'))}{self.topic()}的{self.pick(DOCUMENT_KINDS)}》"

    # Each returns one sentence without its closing 。
    def s_lead(self) -> str:
        return f"{self.pick(LEADS)}{self.topic()}，{self.pick(MANNERS)}{self.task()}，{self.pick(EFFECTS)}"

    def s_built(self) -> str:
        thing, measure = self.build()
        compared = self.rng.choice(
            (f"较上年增加{count(self.rng, 1, 20)}{measure}", f"同比增长{percent(self.rng)}", "超额完成年度目标任务",
             f"完成年度任务的{count(self.rng, 100, 160)}%")
        )
        return f"全年{self.pick(RESULT_VERBS)}{thing}{count(self.rng, 2, 380)}{measure}，{compared}"

    def s_activity(self) -> str:
        return (f"{self.pick(MONTHS)}以来，召开{self.topic()}{self.pick(MEETINGS)}{count(self.rng, 2, 12)}次，"
                f"{self.task()}，覆盖干部群众{big_count(self.rng)}{self.pick(PEOPLE_COUNTS)}")

    def s_villages(self) -> str:
        places = "、".join(self.names.village() for _ in range(self.rng.randint(2, 4)))
        return (f"在{self.names.town()}{places}等{count(self.rng, 3, 30)}个村（社区）{self.task()}试点，"
                f"{self.pick(EFFECTS)}")

    def s_companies(self) -> str:
        companies = "、".join(self.names.company() for _ in range(self.rng.randint(1, 3)))
        what = self.rng.choice(
            (f"获评{self.pick(HONOR_LEVELS)}{self.pick(COMPANY_HONORS)}", f"完成投资{money(self.rng)}", f"新增就业岗位{count(self.rng, 20, 900)}个",
             f"实现产值{money(self.rng)}", f"带动{big_count(self.rng)}户农户增收")
        )
        return f"{companies}等{count(self.rng, 2, 60)}家企业{what}"

    def s_person(self) -> str:
        return (f"{self.names.village()}{self.pick(TITLES_OF_PEOPLE)}{self.names.person()}同志"
                f"被评为{self.honor()}")

    def s_document(self) -> str:
        return f"制定出台{self.document()}，{self.pick(('明确', '细化', '压实'))}{count(self.rng, 5, 40)}项重点任务"

    def s_money(self) -> str:
        thing, measure = self.build()
        return (f"争取上级资金{money(self.rng)}，整合各类资金{money(self.rng)}，"
                f"{self.pick(RESULT_VERBS)}{thing}{count(self.rng, 2, 120)}{measure}")

    def s_indicator(self) -> str:
        return measured(self.rng, *self.rng.choice(self.line.indicators))

    def s_project(self) -> str:
        return (f"{self.names.project()}{self.rng.choice(('已完工投用', '主体完工', '于' + day(self.rng) + '开工建设', '完成年度投资计划'))}，"
                f"总投资{money(self.rng)}")

    def s_product(self) -> str:
        return (f"培育{self.names.product()}等区域公用品牌{count(self.rng, 2, 12)}个，"
                f"{self.names.company()}{self.rng.choice(('产品销往', '订单来自'))}"
                f"{count(self.rng, 3, 30)}个省（区、市）")

    def s_style(self) -> str:
        first, second = self.rng.sample(STYLES, 2)
        return f"坚持{first}、{second}，{self.pick(LEADS)}{self.topic()}，{self.pick(MANNERS)}{self.task()}"

    def s_honored(self) -> str:
        people = "、".join(self.names.person() for _ in range(self.rng.randint(2, 4)))
        return f"{people}等{count(self.rng, 3, 40)}名同志获评{self.honor()}，{self.names.village()}获评{self.honor(group=True)}"

    def s_road(self) -> str:
        return (f"沿{self.names.stem()}河、{self.names.stem()}路一线布局{self.names.project()}、"
                f"{self.names.project()}等重点项目{count(self.rng, 2, 30)}个，"
                f"连接{self.names.town()}、{self.names.town()}等{count(self.rng, 2, 9)}个乡镇（街道）")

    def s_meeting(self) -> str:
        return (f"{day(self.rng)}，召开全县{self.topic()}{self.pick(MEETINGS)}，"
                f"对{self.topic()}和{self.topic()}作出安排部署")

    def sentence(self) -> str:
        makers: tuple[Callable[[], str], ...] = (
            self.s_lead, self.s_lead, self.s_style, self.s_built, self.s_built, self.s_activity,
            self.s_villages, self.s_villages, self.s_companies, self.s_companies, self.s_person, self.s_honored,
            self.s_document, self.s_money, self.s_indicator, self.s_project, self.s_project, self.s_product,
            self.s_road, self.s_meeting,
        )  # fmt: skip
        return self.rng.choice(makers)()

    def paragraph(self, low: int = 3, high: int = 6) -> str:
        return "。".join(self.sentence() for _ in range(self.rng.randint(low, high))) + "。"

    def heading(self) -> str:
        verb, other = self.rng.sample(LEADS, 2)
        first, second = self.rng.sample(self.line.topics, 2)
        return f"{verb}{first}，{other}{second}"

    def problem(self) -> str:
        return self.pick(self.line.problems) + "，" + self.rng.choice(
            ("与群众期盼还有差距", "需要在今后工作中加以解决", "制约了工作成效的进一步发挥", "仍需持续用力")
        )

    def plan(self) -> str:
        thing, measure = self.build()
        return (f"{self.pick(LEADS)}{self.topic()}，{self.pick(PLAN_LEADS)}{self.year + 1}年"
                f"{self.pick(RESULT_VERBS)}{thing}{count(self.rng, 2, 200)}{measure}，"
                f"{measured(self.rng, *self.rng.choice(self.line.indicators))}")


# ---- reports


KINDS = ("annual_summary", "half_year_summary", "annual_keypoints", "work_report")


def _unit(line: Line, county: str) -> str:
    return county + ("委" if line.under_party else "") + line.office


def _opening(writer: Writer, kind: str) -> str:
    rng = writer.rng
    lead = {
        "annual_summary": f"{writer.year}年，",
        "half_year_summary": "今年以来，",
        "annual_keypoints": f"{writer.year}年{writer.line.office.removesuffix('局')}工作的总体要求是：",
        "work_report": "受组织委托，现将有关工作情况汇报如下。",
    }[kind]
    first, second = rng.sample(writer.line.topics, 2)
    return (f"{lead}我们坚持以习近平新时代中国特色社会主义思想为指导，全面贯彻党的二十大精神，紧紧围绕"
            f"{rng.choice(GOALS)}，{writer.pick(LEADS)}{first}，{writer.pick(LEADS)}{second}，"
            f"{writer.pick(EFFECTS)}。")


def _chapter(writer: Writer, heading: str, target: int) -> tuple[Section, int]:
    """A chapter of run-in or standalone subsections until about ``target`` bytes are written."""
    rng = writer.rng
    chapter = Section(heading=heading)
    size = 0
    while size < target:
        child = Section(heading=writer.heading(), run_in=rng.random() < 0.6)
        for _ in range(rng.randint(1, 2)):
            paragraph = writer.paragraph()
            child.body.append(paragraph)
            size += len(paragraph.encode("utf-8"))
        if rng.random() < 0.45:
            child.points = [Point(writer.sentence() + "。") for _ in range(rng.randint(2, 4))]
            if rng.random() < 0.5:
                child.points_layout = LAYOUT_JOINED
            size += sum(len(p.text.encode("utf-8")) for p in child.points)
        chapter.children.append(child)
    return chapter, size


def written_report(index: int, rng: random.Random, size: int = REPORT_BYTES) -> Report:
    """One report of about ``size`` bytes of text."""
    names = Names(rng)
    line = LINES[index % len(LINES)]
    county = names.county()
    year = 2016 + index % 9
    kind = KINDS[index % len(KINDS)]
    writer = Writer(rng, line, county, year, names)
    unit = _unit(line, county)
    title = {
        "annual_summary": f"{unit}{year}年工作总结",
        "half_year_summary": f"{unit}{year}年上半年工作总结",
        "annual_keypoints": f"{unit}{year}年工作要点",
        "work_report": f"关于{writer.topic()}工作情况的汇报",
    }[kind]
    report = Report(kind=kind, title=title, unit=unit, year=year, opening=[_opening(writer, kind)])
    done_heading, plan_heading = {
        "annual_summary": (f"{year}年工作开展情况", f"{year + 1}年工作打算"),
        "half_year_summary": ("上半年工作开展情况", "下半年工作计划"),
        "annual_keypoints": (f"{writer.pick(LEADS)}{writer.topic()}", f"{writer.pick(LEADS)}{writer.topic()}"),
        "work_report": ("主要工作及成效", "下一步工作安排"),
    }[kind]
    work, written = _chapter(writer, done_heading, size * 3 // 5)
    report.sections.append(work)
    problems = Section(heading="存在的问题和不足" if kind != "annual_keypoints" else f"{writer.pick(LEADS)}{writer.topic()}")
    problems.body.append("；".join(f"{lead}{writer.problem()}" for lead in PROBLEM_LEADS[: rng.randint(2, 4)]) + "。")
    report.sections.append(problems)
    plans, _ = _chapter(writer, plan_heading, max(size - written - 600, 1500))
    for child in plans.children:
        child.points = [Point(writer.plan() + "。") for _ in range(rng.randint(1, 3))]
    report.sections.append(plans)
    report.closing = [
        rng.choice(
            (
                f"{year + 1}年，我们将在{county}委、{county}政府的坚强领导下，凝心聚力、真抓实干，为推动{writer.pick(GOALS)}作出新的更大贡献。",
                "同志们，任务艰巨，使命光荣。让我们以更加昂扬的精神状态，奋力开创各项工作新局面！",
                "以上报告，请审阅。",
            )
        )
    ]
    return report


@functools.cache
def _written_reports(total_bytes: int, seed: int) -> tuple[Report, ...]:
    from core.text.plaintext import report_text

    rng = random.Random(seed)
    reports: list[Report] = []
    size = 0
    while size < total_bytes:
        report = written_report(len(reports), rng)
        reports.append(report)
        size += len(report_text(report).encode("utf-8"))
    return tuple(reports)


def written_reports(total_bytes: int = MIN_TEXT_BYTES, seed: int = 2025) -> list[Report]:
    """Reports of our own writing whose plain text adds up to at least ``total_bytes``.

    Made once per process for each (size, seed); callers get copies to change freely."""
    import copy

    return copy.deepcopy(list(_written_reports(total_bytes, seed)))
