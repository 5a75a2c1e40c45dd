/// A district's report made into a county's: the words a district uses for
/// itself (区级, 区委, 区政府, 全区, 本区, …) take 县 instead of 区. Other 区
/// (地区, 园区, 区域) are left alone.
enum CountyWording {
    private static let selfReferenceAfter = ["级", "委", "政府", "人大", "政协", "本级", "长", "人民", "十", "财政", "管"]
    private static let selfReferenceBefore: Set<Character> = ["全", "我", "本", "该"]

    static func apply(to text: String) -> String {
        let c = Array(text)
        var out = c
        for i in c.indices where c[i] == "区" {
            let rest = String(c[(i + 1)...].prefix(2))
            let next = i + 1 < c.count ? c[i + 1] : nil
            if selfReferenceAfter.contains(where: rest.hasPrefix) {
                out[i] = "县"
            } else if i > 0, selfReferenceBefore.contains(c[i - 1]), next != "县", next != "、" {
                out[i] = "县"
            }
        }
        return String(out)
    }
}
