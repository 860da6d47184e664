import type { UnitKind } from '@reform/db';

/** The organisation of 嘉兴: committee → office, leadership, special groups → departments; counties → towns. */
export interface UnitSpec {
  name: string;
  shortName?: string;
  kind: UnitKind;
  children?: UnitSpec[];
}

export const ROOT_NAME = '嘉兴市委全面深化改革委员会';
export const CITY_OFFICE = '市委改革办';
export const LEADERSHIP = '市领导';

export interface FieldSpec {
  /** 领域 */
  field: string;
  group: string;
  /** Departments of the group; the first one leads most of the field's tasks. */
  departments: string[];
  /** 专项小组组长 (fictional), the default lead leader of the field. */
  leaders: string[];
}

export const FIELDS: FieldSpec[] = [
  {
    field: '党的建设',
    group: '党的建设制度改革专项小组',
    departments: ['市委组织部', '市纪委市监委', '市委编办', '市委统战部'],
    leaders: ['沈卫东（市委常委、组织部部长）', '钱志平（市委常委、市纪委书记）'],
  },
  {
    field: '经济体制',
    group: '经济体制改革专项小组',
    departments: ['市发展改革委', '市财政局', '市国资委', '市委金融办', '市统计局'],
    leaders: ['陈志强（市委常委、常务副市长）', '许文杰（副市长）'],
  },
  {
    field: '生态文明',
    group: '生态文明体制改革专项小组',
    departments: ['市生态环境局', '市自然资源和规划局', '市水利局', '市综合执法局'],
    leaders: ['王建国（副市长）', '蒋海峰（副市长）'],
  },
  {
    field: '民主法制',
    group: '民主法制领域改革专项小组',
    departments: ['市委政法委', '市司法局', '市公安局', '市信访局'],
    leaders: ['顾立新（市委常委、政法委书记）', '孙浩（副市长、市公安局局长）'],
  },
  {
    field: '文化体制',
    group: '文化体制改革专项小组',
    departments: ['市委宣传部', '市文化广电旅游局', '市体育局'],
    leaders: ['朱慧敏（市委常委、宣传部部长）'],
  },
  {
    field: '社会治理',
    group: '社会体制改革专项小组',
    departments: ['市民政局', '市人力社保局', '市教育局', '市卫生健康委', '市医保局', '市住建局'],
    leaders: ['杨秀英（副市长）', '徐国华（市委副书记）'],
  },
  {
    field: '数字化改革',
    group: '数字化改革专项小组',
    departments: ['市大数据局', '市政务服务办'],
    leaders: ['周明辉（副市长）'],
  },
  {
    field: '科技创新',
    group: '科技创新体制改革专项小组',
    departments: ['市科技局', '市经信局', '市委人才办'],
    leaders: ['吴振宇（副市长）', '陈志强（市委常委、常务副市长）'],
  },
  {
    field: '城乡融合',
    group: '城乡融合发展改革专项小组',
    departments: ['市农业农村局', '市交通运输局', '市供销总社'],
    leaders: ['蒋海峰（副市长）'],
  },
  {
    field: '区域一体化',
    group: '长三角一体化改革专项小组',
    departments: ['市商务局', '市长三角一体化办', '市港航管理局'],
    leaders: ['徐国华（市委副书记）', '许文杰（副市长）'],
  },
  {
    field: '营商环境',
    group: '营商环境改革专项小组',
    departments: ['市市场监管局', '市税务局', '市工商联'],
    leaders: ['周明辉（副市长）'],
  },
];

export interface CountySpec {
  name: string;
  kind: 'county' | 'zone';
  /** The county party committee's reform office, e.g. 嘉善县委改革办. */
  office?: string;
  /** Short prefix used in titles and leader names (嘉善, 南湖区 …). */
  short: string;
  towns: string[];
}

export const COUNTIES: CountySpec[] = [
  {
    name: '南湖区',
    kind: 'county',
    office: '南湖区委改革办',
    short: '南湖',
    towns: ['解放街道', '建设街道', '新兴街道', '新嘉街道', '南湖街道', '东栅街道', '七星街道', '余新镇', '凤桥镇', '新丰镇', '大桥镇'],
  },
  {
    name: '秀洲区',
    kind: 'county',
    office: '秀洲区委改革办',
    short: '秀洲',
    towns: ['新城街道', '高照街道', '王江泾镇', '油车港镇', '新塍镇', '洪合镇', '王店镇'],
  },
  {
    name: '嘉善县',
    kind: 'county',
    office: '嘉善县委改革办',
    short: '嘉善',
    towns: ['魏塘街道', '罗星街道', '惠民街道', '大云镇', '西塘镇', '干窑镇', '陶庄镇', '姚庄镇', '天凝镇'],
  },
  {
    name: '平湖市',
    kind: 'county',
    office: '平湖市委改革办',
    short: '平湖',
    towns: ['当湖街道', '钟埭街道', '曹桥街道', '新埭镇', '新仓镇', '林埭镇', '独山港镇', '广陈镇'],
  },
  {
    name: '海宁市',
    kind: 'county',
    office: '海宁市委改革办',
    short: '海宁',
    towns: ['硖石街道', '海洲街道', '海昌街道', '马桥街道', '许村镇', '长安镇', '周王庙镇', '盐官镇', '斜桥镇', '丁桥镇', '袁花镇', '黄湾镇'],
  },
  {
    name: '桐乡市',
    kind: 'county',
    office: '桐乡市委改革办',
    short: '桐乡',
    towns: ['梧桐街道', '凤鸣街道', '龙翔街道', '高桥街道', '乌镇镇', '濮院镇', '屠甸镇', '崇福镇', '洲泉镇', '大麻镇', '河山镇', '石门镇'],
  },
  {
    name: '海盐县',
    kind: 'county',
    office: '海盐县委改革办',
    short: '海盐',
    towns: ['武原街道', '西塘桥街道', '秦山街道', '望海街道', '沈荡镇', '百步镇', '于城镇', '澉浦镇', '通元镇'],
  },
  {
    name: '嘉兴经济技术开发区',
    kind: 'zone',
    short: '经开区',
    towns: ['城南街道', '长水街道', '嘉北街道', '塘汇街道'],
  },
  {
    name: '嘉兴港区',
    kind: 'zone',
    short: '港区',
    towns: ['乍浦镇'],
  },
];

/** Extra departments and towns for the benchmark tree (seedScale), still real names. */
export const SCALE_EXTRA_DEPARTMENTS: Record<string, string[]> = {
  党的建设制度改革专项小组: ['市委党校', '市直机关工委'],
  经济体制改革专项小组: ['市审计局', '市机关事务局'],
  生态文明体制改革专项小组: ['市气象局'],
  民主法制领域改革专项小组: ['市中级人民法院', '市人民检察院'],
  文化体制改革专项小组: ['市档案馆', '市社科联'],
  社会体制改革专项小组: ['市退役军人事务局', '市应急管理局', '市总工会', '市妇联', '团市委', '市残联'],
  科技创新体制改革专项小组: ['市科协'],
  城乡融合发展改革专项小组: ['市供电公司'],
};

export function demoUnitTree(extra = false): UnitSpec {
  return {
    name: ROOT_NAME,
    shortName: '市委深改委',
    kind: 'committee',
    children: [
      { name: CITY_OFFICE, kind: 'reform_office' },
      { name: LEADERSHIP, kind: 'leadership' },
      ...FIELDS.map<UnitSpec>((f) => ({
        name: f.group,
        shortName: f.group.replace('专项小组', '组'),
        kind: 'special_group',
        children: [...f.departments, ...(extra ? (SCALE_EXTRA_DEPARTMENTS[f.group] ?? []) : [])].map((name) => ({
          name,
          kind: 'department' as const,
        })),
      })),
      ...COUNTIES.map<UnitSpec>((c) => ({
        name: c.name,
        shortName: c.short,
        kind: c.kind,
        children: [
          ...(c.office ? [{ name: c.office, kind: 'reform_office' as const }] : []),
          ...c.towns.map((name) => ({ name, kind: 'town' as const })),
        ],
      })),
    ],
  };
}
