import type { LanguageData } from '../types.ts';

/** Characters Chinese uses to transliterate foreign names (Xinhua's table, most frequent). */
export const TRANSLIT_CHARS: ReadonlySet<string> = new Set([
  ...'阿埃艾爱安昂奥巴拜班邦保贝本比彼别宾波伯博布查达戴丹道德迪蒂丁东杜多厄恩尔法菲费芬丰弗福夫盖甘冈戈格古哈海汉豪赫亨胡华霍基吉加贾杰金卡凯坎康考柯科克肯库夸奎拉莱赖兰朗劳勒雷蕾里利列林琳卢鲁伦罗洛吕马玛迈麦曼芒梅蒙米敏明莫默姆穆纳娜南瑙内尼妮涅宁纽努诺帕派潘佩彭皮珀普奇恰乔切钦琼萨塞桑瑟森沙莎舍申圣施什史舒斯松苏索塔泰坦汤唐特提汀通图托瓦万旺威韦维温沃乌伍西希锡谢辛休雅亚扬耶伊因尤于约扎泽詹兹佐滕娃',
]);

/** Characters whose everyday reading is not the one they have in names (什么 shen, 什 shi). */
export const NAME_READINGS: Readonly<Record<string, string>> = {
  什: 'shi',
  查: 'cha',
  伯: 'bo',
  卡: 'ka',
  尉: 'wei',
  单: 'shan',
};

export const zh: LanguageData = {
  code: 'zh',
  segmenter: 'jieba',
  simplifiesScript: true,
  packHeadwords: 'as-written',
  nameForms: 'translit-runs',
  mentions: 'han-runs',
  dayOfMonthAlone: true,
  // Glued to what follows (`5万人`): no word boundary after them.
  multipliers: [
    [/^\s*万/u, 1e4],
    [/^\s*亿/u, 1e8],
    [/^\s*千/u, 1e3],
  ],
  figureWindow: { after: 6, before: 6 },
  calendar: {
    weekdays: [
      ['周日', '周天', '星期日', '星期天'],
      ['周一', '星期一'],
      ['周二', '星期二'],
      ['周三', '星期三'],
      ['周四', '星期四'],
      ['周五', '星期五'],
      ['周六', '星期六'],
    ],
  },
  relativeDays: [
    [['昨天', '昨日', '昨晚'], -1],
    [['今天', '今日', '今晨'], 0],
    [['前天'], -2],
  ],
  figureCues: {
    killed: /死亡|丧生|遇难|身亡|罹难|死难|被打死|被杀|亡/,
    injured: /受伤|伤者|负伤|伤/,
    arrested: /被捕|逮捕|拘留|拘捕|抓获|羁押/,
    crowd: /示威者|抗议者|民众|群众|人参加|人聚集|游行/,
  },
  qualifiers: {
    atLeast: ['至少'],
    moreThan: ['超过', '逾'],
    about: ['约', '近'],
    moreThanAfter: ['多', '余', '餘'],
  },
  captionLabels: ['图', '圖', '图片'],
  boilerplate: [/^相关(新闻|阅读|文章)/u, /^责任编辑/u],
  // `…报道（驻中亚记者王向东）：`, `（记者 张三）`, `新华社北京5月1日电（记者 李四）`: a headline or
  // agency line may come before the credit on the same line.
  credits: [
    /^[^。！？]{0,60}?[（(][^）)]{0,30}记者[^）)]{0,20}[）)][：:]?\s*/u,
    /^[^。！？]{0,30}?\d{1,2}月\d{1,2}日电\s*/u,
  ],
  entityCues: {
    person: `总统, 总理, 主席, 领导人, 外长, 部长, 议员, 先生, 女士, 夫人, 国王, 首相, 将军, 发言人,
      候选人, 大使, 秘书长`,
    org: `党, 组织, 委员会, 银行, 公司, 大学, 集团, 联盟, 通讯社, 运动, 协会`,
    place: '',
  },
};
