/// What answers fold beyond the analyzer's normalisation, on both sides — the
/// question's item and the facts' labels and sentences — so that two ways of writing
/// one item compare equal:
///
/// - 公共财政预算 is the name 一般公共预算 had before the 2014 budget law, and reports of
///   those years (and some later ones) still use it: it reads as 一般公共预算;
/// - the other three budgets are written with and without 预算 (政府性基金预算收入,
///   政府性基金收入; 国有资本经营预算支出; 社会保险基金预算收入): they read without it.
enum LabelFolding {
    static func fold(_ normalized: String) -> String {
        var s = normalized
        if s.contains("公共财政预算") {
            s = s.replacing("一般公共财政预算", with: "公共财政预算").replacing("公共财政预算", with: "一般公共预算")
        }
        for name in Self.budgetsWithoutPrefixNeed where s.contains(name + "预算") {
            s = s.replacing(name + "预算", with: name)
        }
        return s
    }

    static let budgetsWithoutPrefixNeed = ["政府性基金", "国有资本经营", "社会保险基金"]
}
