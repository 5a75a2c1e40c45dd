/// The vocabulary of `LabelFinder`: every list is a rule's data, kept apart from the
/// rule's code so the lists can grow without touching the logic.
extension LabelFinder {
    /// A budget item ends in one of these.
    static let heads = WordList([
        "入", "出", "余额", "限额", "资金", "结余", "结转", "结转下年", "债务", "债", "券", "基金",
        "经费", "补助", "补贴", "奖励", "奖补", "返还", "支付", "费", "金", "款", "税", "额", "率",
        "比", "比重", "增速", "投入", "投资", "息", "还本", "本金", "资产", "收益", "财力",
        "融资", "工资", "救助", "对象", "人员", "增收", "消费", "成本", "计划", "任务", "标准",
        "总量", "总计", "合计", "缺口", "指数", "值", "资金池", "出资", "税收"
    ])
    /// Stage and filler words between an item and its number. 实现 reads as 完成 does
    /// (`一般公共预算收入实现21.8亿元`, `教育支出实现17.5亿元`) but, like 达到, is no stage.
    static let trailing = WordList([
        "预计", "拟安排", "安排", "预算", "调整", "完成", "实际", "为", "是", "达到", "达", "实现", "合计",
        "共计", "累计", "约", "超过", "超", "近", "均", "分别", "按照预期", "预期", "按照", "同比",
        "全年", "共", "预算数", "决算数", "执行数", "完成数", "调整数", "决算"
    ])
    /// Verbs and connectors that introduce an item; the label starts after them.
    static let stops = WordList([
        "加上", "以及", "其中", "动用", "安排", "发行", "用于", "争取", "统筹", "拨付", "兑付",
        "发放", "筹措", "获得", "收到", "申请", "落实", "压减", "调减", "核减", "化解", "偿还",
        "支持", "带动", "拉动", "实现", "达到", "核定", "下达", "包括", "纳入", "设立", "按照",
        "通过", "用好", "引导", "承接", "投入", "完成", "兑现", "办理", "调整", "补充", "批准", "协调",
        "指导", "我区", "我市", "我县"
    ])
    /// Verbs before counted things.
    static let countStops = WordList([
        "新增", "新建", "建成", "改造", "惠及", "开行", "引进", "认定", "帮助", "储备", "谋划",
        "评审通过", "退出", "创建", "培育", "举办", "开展", "论证", "建设", "投用", "改扩建", "交付",
        "让", "为"
    ])
    /// Verbs whose object is also the subject of a second verb (兼语): `帮助企业获得贷款`.
    static let pivotVerbs = WordList(["帮助", "带动", "引导", "鼓励", "推动", "吸引", "组织", "促进", "扶持", "助力"])
    /// After a scope word, these make it a level the item is ranked at or lent by, part
    /// of the item's name and not the figure's scope: `市级以上创新平台` (city level and
    /// above), `市级转贷专项债券` (bonds the city on-lends to the district).
    static let levelWords = WordList(["以上", "以下", "转贷"])
    /// Connectors left at the start of a phrase.
    static let leading = WordList([
        "加上", "以及", "其中", "全年", "预计", "加", "减", "从", "在", "和", "及", "与", "需", "另",
        "并", "获"
    ])
    /// List markers left at the start of a phrase: `1.教育支出` (the walk stops at the
    /// digit), `——城乡社区支出`.
    static let markers: Set<Unicode.Scalar> = [".", "．", "—", "-", "－", "·", "•", "、"]
    /// Time words that may stand before a scope word: `当年全区社会保险基金支出`.
    static let timeWords = WordList(["当年", "今年", "本年", "全年", "年度"])
    /// Nouns too general to stand alone: the verb before them stays in the label
    /// (`统筹资金`, `核减资金`, `储备项目`, `申请总额`).
    static let tooGeneral = WordList(["资金", "项目", "总额"])
    /// Adverbs dropped from inside a phrase.
    static let infixes = WordList(["累计", "共计"])
    /// Labels that need their budget name (`支出` → `一般公共预算支出`).
    static let generic: Set<String> = [
        "收入", "支出", "收入总计", "支出总计", "收入总量", "支出总量", "收入合计", "支出合计"
    ]
}
