// Vocabulary of the demo city (衡水): each county's industries and places, name patterns per
// sector, owners, leaders, problems. Data only; server/demo/generate.ts combines it.

/** What each 县市区 is known for, used in project names. */
export interface CountyFlavour {
  /** Projects in the demo (sums to 370 over the 13 counties). */
  projects: number;
  /** Local industries (工业 names). */
  industries: string[];
  /** Local places: towns, rivers, parks. */
  places: string[];
  /** Farm produce (农业 names). */
  produce: string[];
  /** Multiplier on investment pace: below 1 for counties that are consistently behind. */
  pace: number;
}

export const COUNTY_FLAVOURS: Record<string, CountyFlavour> = {
  桃城区: { projects: 50, industries: ['智能装备', '食品加工', '电子信息', '现代物流'], places: ['河沿镇', '郑家河沿', '中华大街', '人民路', '老白干酒厂片区', '前进街'], produce: ['特色果蔬', '设施蔬菜'], pace: 1.05 },
  冀州区: { projects: 32, industries: ['智能制造', '采暖铸造', '医疗器械', '功能材料'], places: ['冀州古城', '码头李镇', '周村镇', '冀州湖滨'], produce: ['棉花', '高标准农田'], pace: 1.0 },
  枣强县: { projects: 26, industries: ['玻璃钢', '复合材料', '皮毛', '橡塑'], places: ['大营镇', '恩察镇', '枣强经济开发区'], produce: ['皮毛养殖', '小麦良种'], pace: 0.98 },
  武邑县: { projects: 24, industries: ['金属橱柜', '硬质合金', '机械加工', '钢化玻璃'], places: ['清凉店镇', '韩庄镇', '武邑经济开发区'], produce: ['高标准农田', '红薯'], pace: 0.95 },
  武强县: { projects: 20, industries: ['乐器', '年画文创', '金属制品'], places: ['周窝镇', '武强年画博物馆', '北代乡'], produce: ['设施蔬菜', '特色林果'], pace: 0.7 },
  饶阳县: { projects: 22, industries: ['钢木家具', '乐器配件', '食品加工'], places: ['王同岳镇', '饶阳经济开发区', '滹沱河'], produce: ['设施蔬菜', '葡萄', '果蔬'], pace: 0.78 },
  安平县: { projects: 28, industries: ['丝网', '过滤材料', '环保装备', '金属网'], places: ['安平经济开发区', '滹沱河', '大何庄乡'], produce: ['高标准农田', '畜牧养殖'], pace: 1.08 },
  故城县: { projects: 26, industries: ['家具', '龙凤贡面', '纺织服装', '食品加工'], places: ['运河', '郑口镇', '夏庄镇', '故城经济开发区'], produce: ['贡面原料小麦', '高标准农田'], pace: 0.97 },
  景县: { projects: 28, industries: ['铁塔', '橡塑', '电力装备', '钢结构'], places: ['景州塔', '广川镇', '龙华镇', '景县经济开发区'], produce: ['特色果蔬', '高标准农田'], pace: 1.0 },
  阜城县: { projects: 22, industries: ['钢结构', '剪纸文创', '机械配件'], places: ['崔家庙镇', '漫河镇', '阜城经济开发区'], produce: ['梨', '西瓜', '高标准农田'], pace: 0.8 },
  深州市: { projects: 30, industries: ['建材', '食品加工', '机械制造', '医药中间体'], places: ['穆村乡', '大堤乡', '深州经济开发区', '滏阳河'], produce: ['深州蜜桃', '设施蔬菜'], pace: 1.02 },
  衡水高新区: { projects: 34, industries: ['新材料', '生物医药', '工程橡胶', '高端装备', '新能源'], places: ['高新区北区', '苏正片区', '滏阳河'], produce: ['现代农业示范区'], pace: 1.1 },
  滨湖新区: { projects: 28, industries: ['文旅装备', '数字经济'], places: ['衡水湖', '冀州小湖', '彭杜村', '魏家屯镇', '湖滨大道'], produce: ['湿地生态农业'], pace: 0.96 },
};

/** How often each sector occurs among key projects (relative weights). */
export const SECTOR_WEIGHTS: Record<string, number> = {
  工业: 34, 交通运输: 8, 市政公用: 10, 生态环保: 8, 社会事业: 10, 服务业: 10, 农业: 7, 水利: 4, 林业: 2, 房地产: 4, 其他: 3,
};

/**
 * Name patterns per sector: {county} 县市区, {short} its short name (衡水高新区 → 高新区, 景县 stays),
 * {industry}, {place}, {produce}, {n} a number.
 */
export const NAME_PATTERNS: Record<string, string[]> = {
  工业: ['{short}{industry}产业园', '{industry}智能制造项目', '年产{n}万件{industry}生产线', '{industry}产业基地', '{place}{industry}产业园', '{industry}技术改造项目', '{industry}数字化车间建设项目'],
  交通运输: ['{place}至{place2}公路改建工程', '{short}农村公路提档升级工程', '{short}综合物流园', '{place}客运枢纽', '{short}城区道路改造工程'],
  市政公用: ['{short}老旧小区改造', '{short}城市更新项目', '{place}片区供热管网改造', '{short}污水处理厂提标改造', '{short}燃气管网工程', '{place}城中村改造'],
  生态环保: ['{place}生态修复工程', '{place}湿地保护工程', '{short}固废综合处置中心', '{place}河道综合治理', '{short}餐厨垃圾处理项目'],
  社会事业: ['{short}人民医院新院区', '{short}第二中学迁建', '{short}职教中心实训基地', '{short}全民健身中心', '{short}养老服务中心', '{short}中医院门诊楼'],
  服务业: ['{place}文化旅游综合体', '{short}商贸物流中心', '{place}文旅小镇', '{short}电商产业园', '{place}康养旅游项目'],
  农业: ['{short}{produce}产业园', '{place}{produce}示范区', '{short}高标准农田建设', '{short}{produce}冷链物流中心'],
  水利: ['{place}引水工程', '{short}地下水超采综合治理', '{place}防洪治理工程', '{short}农村供水提升工程'],
  林业: ['{short}国家储备林项目', '{place}绿化造林工程'],
  房地产: ['{place}保障性租赁住房', '{short}安置房建设项目'],
  其他: ['{short}数字政府建设', '{short}应急物资储备库', '{place}综合服务中心'],
};

/** Famous named projects placed first in their county, so the demo has the names people ask about. */
export const SIGNATURE_PROJECTS: { county: string; name: string; sector: string; level: '省重点' | '市重点' }[] = [
  { county: '滨湖新区', name: '衡水湖生态修复工程', sector: '生态环保', level: '省重点' },
  { county: '冀州区', name: '冀州区智能制造产业园', sector: '工业', level: '省重点' },
  { county: '桃城区', name: '桃城区老旧小区改造', sector: '市政公用', level: '市重点' },
  { county: '故城县', name: '故城县运河文化带', sector: '服务业', level: '省重点' },
  { county: '景县', name: '景县铁塔产业园', sector: '工业', level: '市重点' },
  { county: '安平县', name: '安平县丝网产业园', sector: '工业', level: '省重点' },
  { county: '深州市', name: '深州蜜桃产业园', sector: '农业', level: '市重点' },
  { county: '衡水高新区', name: '衡水高新区新材料产业园', sector: '工业', level: '省重点' },
  { county: '武强县', name: '武强县乐器产业园', sector: '工业', level: '市重点' },
];

/** Owners: companies for industry and services, public bodies for public works. */
export const COMPANY_WORDS = ['恒信', '冀衡', '华瑞', '鑫达', '中科', '宏泰', '金湖', '博远', '德润', '中冀', '天晟', '众诚', '安泰', '瑞丰', '汇通', '广源', '润华', '凯瑞'];
export const COMPANY_SUFFIX = ['有限公司', '股份有限公司', '集团有限公司'];
export const PUBLIC_OWNERS: Record<string, string[]> = {
  交通运输: ['{county}交通运输局', '{county}城市建设投资有限公司'],
  市政公用: ['{county}住房和城乡建设局', '{county}城市建设投资有限公司'],
  生态环保: ['{county}生态环境分局', '{county}城市建设投资有限公司'],
  社会事业: ['{county}卫生健康局', '{county}教育局', '{county}体育局'],
  水利: ['{county}水务局'],
  林业: ['{county}自然资源和规划局'],
  其他: ['{county}人民政府'],
};

/** Responsible unit per sector. */
export const UNITS: Record<string, string> = {
  工业: '{county}工业和信息化局', 交通运输: '{county}交通运输局', 市政公用: '{county}住房和城乡建设局',
  生态环保: '{county}生态环境分局', 社会事业: '{county}发展和改革局', 服务业: '{county}商务局', 农业: '{county}农业农村局',
  水利: '{county}水务局', 林业: '{county}自然资源和规划局', 房地产: '{county}住房和城乡建设局', 其他: '{county}发展和改革局',
};

/** 包联领导: city and county leaders; each leads several projects. */
export const LEADERS = [
  '赵志刚', '王建国', '李春雷', '张海燕', '刘宏伟', '陈立新', '杨振华', '孙丽娟', '周明辉', '吴国庆',
  '郑春生', '冯晓东', '马卫东', '朱建平', '胡秀英', '郭振江', '何志强', '高丽萍', '林永胜', '罗庆丰',
  '梁玉华', '宋文斌', '韩立军', '唐书涛', '许慧敏',
];

export const CONTACT_SURNAMES = ['李', '王', '张', '刘', '陈', '杨', '赵', '黄', '周', '吴', '徐', '孙', '马', '胡', '郭'];
export const CONTACT_GIVEN = ['伟', '敏', '静', '磊', '洋', '艳', '勇', '军', '杰', '娟', '涛', '明', '超', '霞', '鹏', '丹'];

/** 存在问题 texts and the matching 需协调事项. */
export const PROBLEM_TEXTS: { problem: string; need: string }[] = [
  { problem: '征地拆迁尚未完成，影响二期施工', need: '请属地政府加快征地拆迁进度' },
  { problem: '环评批复未取得', need: '请市生态环境局加快环评审批' },
  { problem: '施工许可办理滞后', need: '请市行政审批局协调办理施工许可' },
  { problem: '项目融资未到位，资金缺口较大', need: '请市发改委协调申报专项债券' },
  { problem: '电力增容手续未办结', need: '请国网衡水供电公司加快增容' },
  { problem: '用地指标不足', need: '请市自然资源和规划局协调用地指标' },
  { problem: '规划调整待批复', need: '请市自然资源和规划局加快规划调整审批' },
  { problem: '燃气接入方案未确定', need: '请市住建局协调燃气接入' },
  { problem: '原材料价格上涨，施工单位资金紧张', need: '请建设单位加快工程款拨付' },
  { problem: '管线迁改未完成', need: '请市城管局协调管线迁改' },
  { problem: '林地占用手续办理中', need: '请市林业局加快林地审批' },
  { problem: '设备采购招标流标，需重新招标', need: '请市公共资源交易中心安排招标' },
];

export const PROGRESS_NOTES: Record<string, string[]> = {
  前期: ['正在办理前期手续', '完成可研编制', '正在进行方案设计'],
  在建: ['主体结构施工', '基础施工', '设备安装调试', '钢结构吊装', '室内外装修', '管网铺设', '路基施工', '厂房封顶'],
  竣工: ['已竣工验收'],
  投产: ['已竣工投产'],
};

/** Guiding-department codes used in project codes (2 digits of GB/T 40058). */
export const DEPARTMENT_CODES = ['04', '07', '13', '48', '62', '89'];
export const TYPE_CODES = ['01', '02', '03'];
