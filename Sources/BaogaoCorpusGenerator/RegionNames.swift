/// The places synthetic reports are about: 300 made-up but plausible names,
/// each a two-character stem composed from characters common in Chinese place
/// names plus 区, 县 or 市 (a hundred of each). Composed rather than listed so
/// the corpus names no real report's place on purpose, and fixed (their own
/// seed, not the corpus's) so every corpus draws from the same places.
enum RegionNames {
    private static let firstCharacters = Array("安宝北昌长大德东丰凤福阜高广桂海和河鹤华怀黄惠吉嘉建江金晋景靖九乐临灵龙隆茂梅南宁平青清庆瑞三山上邵石双顺泰通万文武西仙祥新兴阳宜永玉云枣漳肇中")
    private static let secondCharacters = Array("安宝滨昌城川丹德都丰阜冈高谷关海河和化淮江康乐林陵隆门宁平浦清泉山水顺台泰潭田亭溪兴阳源远州庄")
    static let perSuffix = 100

    /// District and county names (`…区`, `…县`), then city names (`…市`), none of them in `excluded`.
    static func pool(excluding excluded: Set<String>) -> (districts: [String], cities: [String]) {
        var stems: [String] = []
        for a in firstCharacters {
            for b in secondCharacters where a != b { stems.append(String([a, b])) }
        }
        var rng = SplitMix64(seed: 20_240_229)
        rng.shuffle(&stems)
        var names: [String] = []
        var used = 0
        for suffix in ["区", "县", "市"] {
            var made = 0
            while made < perSuffix {
                let name = stems[used] + suffix
                used += 1
                guard !excluded.contains(name) else { continue }
                names.append(name)
                made += 1
            }
        }
        return (Array(names[..<(2 * perSuffix)]), Array(names[(2 * perSuffix)...]))
    }
}

/// The finance bureau head who signs a report: a surname and one or two given-name characters.
enum PersonNames {
    private static let surnames = Array(
        "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程魏苏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤")
    private static let given = Array("伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍鹏辉建国志峰宁红文斌海燕波宇浩俊晨雪婷慧鑫琳东升立新永春")

    static func draw(_ rng: inout SplitMix64) -> String {
        var name = String(rng.pick(surnames))
        for _ in 0..<rng.int(in: 1...2) { name.append(rng.pick(given)) }
        return name
    }
}
