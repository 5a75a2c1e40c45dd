// The query language in one screen, for `--help` and `:help`. The full
// specification is docs/QUERY_LANGUAGE.md; keep the two in step.

/// A compact summary of the query language: under 40 lines, under 80 columns.
public enum QueryLanguageHelp {
    public static let text = """
        Query language (full reference: docs/QUERY_LANGUAGE.md)

          三保                    contains 三保 as a substring, whatever the word breaks
                                  and across quotation and title marks inside CJK
                                  text (not brackets): 过紧日子 finds 过“紧日子”
          教育 卫生               both (AND); terms may mix scripts: AA评级 GDP 8.57亿元
          "政府债务余额"          exact phrase; also “…” 「…」 『…』; may hold spaces;
                                  a phrase is exact: "过紧日子" skips 过“紧日子”
          债务 -隐性              债务 but not 隐性; also 债务 NOT 隐性
          过紧日子 OR 紧日子      either; also 过紧日子 | 紧日子
          收入 NEAR/5 增长        at most 5 characters (not words) apart, either
                                  order; NEAR alone means NEAR/10
          (教育 OR 卫生) 支出     grouping
          Precedence: NOT/- > NEAR > AND (space) > OR. Operators are upper case;
          or, and, not are ordinary text.

        Filters restrict the whole query (not inside parentheses, not negated):
          year:2024  year:2022..2024  region:解放区  region:江津
          region:贵州 (every report of a division inside 贵州省)  region:黔东南
          kind:决算 (预算报告 决算 预算调整 年中 其他)  level:县 (中央 省 市 县 乡镇)
          doc:002 (file name prefix)  section:"预算执行"
          A repeated filter means either value: year:2023 year:2024.
          Any other word:text is ordinary text, e.g. 单位:万元.

        Numbers match extracted amounts, percentages and counts, not raw text:
          >1亿  >=5000万元  <2%  <=3%  1亿..10亿  1000万元..1亿元  =20160万元
          增长>5%  下降>10%  (a relation word before the comparison: how it was stated)
          支出>1亿  教育支出增长>5%  (other text glued before it: in the fact's label)
          >=1000万元 <=2000万元  (both bounds hold for one fact, as 1000万元..2000万元)
          教育 >1亿 year:2024  (about 教育, an amount over 1亿元, in 2024)
          Units: 元 千元 万 万元 亿 亿元 万亿 万亿元, %, 个百分点, and counts
          (个 家 户 户次 人 人次 万人次 名 所 项 件 套 列 亩 公里 平方米 万平方米).
          >100 without a unit matches a number of any kind.

        Full-width forms, letter case and Traditional characters fold: 財政 finds
        财政, ＧＤＰ finds GDP, ＞ and ％ work; （一） with nothing spaced inside is
        the heading, not a group. Exclusions need something to subtract from:
        -隐性 alone is an error, year:2024 -隐性 is not.
        """
}
