/// Writes one synthetic report from the templates, the same for the same
/// corpus seed and report number.
///
/// A report follows one template's sections in order — title block, greeting,
/// headings — with its own region and year. Within each section about four
/// paragraphs in five are kept, now and then one is borrowed from any
/// template, the order is shuffled, and about a third are re-mixed at sentence
/// level; then every number is varied. So reports look alike section by
/// section, as real ones do, but no two have the same text.
struct ReportSynthesizer {
    private let seeds: [SeedReport]
    private let districts: [String]
    private let cities: [String]
    /// Every body paragraph of every template, with the template it came from.
    private let bodyPool: [(seed: Int, text: String)]
    /// Every whole sentence of at least 12 characters.
    private let sentencePool: [String]

    /// Sentences about rare policies, appended at low fixed rates so that a large
    /// corpus has genuinely rare terms to search for (rate per body paragraph).
    private static let rareSentences: [(rate: Double, sentence: String)] = [
        (1.0 / 1500, "稳步推进数据资产入表试点工作，探索公共数据资源开发利用。"),
        (1.0 / 5000, "积极培育银发经济新业态，支持养老服务设施建设。"),
        (1.0 / 15000, "探索开展财政资金“拨改投”改革试点，提高资金使用效益。"),
        (1.0 / 40000, "全面推行财政电子票据，实现非税收入收缴电子化。")
    ]

    init(seeds: [SeedReport], districts: [String], cities: [String]) {
        self.seeds = seeds
        self.districts = districts
        self.cities = cities
        var bodyPool: [(Int, String)] = []
        var sentencePool: [String] = []
        for (k, seed) in seeds.enumerated() {
            for section in seed.sections {
                for p in section.body {
                    bodyPool.append((k, p))
                    sentencePool += Self.sentences(p).filter { $0.count >= 12 && "。；！？".contains($0.last!) }
                }
            }
        }
        self.bodyPool = bodyPool
        self.sentencePool = sentencePool
    }

    func report(number: Int, seed: UInt64, hardWrappedFraction: Double) -> GeneratedReport {
        var rng = SplitMix64(seed: seed, stream: UInt64(number))
        let t = rng.index(below: seeds.count)
        let template = seeds[t]
        let year = rng.int(in: 2015...2026)
        let region = template.isCity ? rng.pick(cities) : rng.pick(districts)
        let place = Place(region: region, parentStem: String(rng.pick(cities).dropLast()), year: year)

        var paragraphs: [String] = []
        if rng.chance(0.5) {
            paragraphs.append("关于\(region)\(year - 1)年财政预算执行情况和\(year)年财政预算（草案）的报告")
        } else {
            paragraphs.append("关于\(region)\(year - 1)年预算执行情况和\(year)年预算草案的报告")
        }
        let term = rng.pick(Array("一二三四五六七八九"))
        let session = rng.pick(Array("一二三四五六"))
        paragraphs.append("——\(year)年\(rng.int(in: 1...3))月\(rng.int(in: 1...28))日在\(region)第十\(term)届人民代表大会第\(session)次会议上")
        paragraphs.append("\(region)财政局局长 \(PersonNames.draw(&rng))")
        paragraphs.append("各位代表：")

        for section in template.sections {
            if let heading = section.heading {
                paragraphs.append(fill(heading, from: t, for: place, rng: &rng))
            }
            var chosen = section.body.filter { _ in rng.chance(0.8) }.map { (seed: t, text: $0) }
            if !section.body.isEmpty && rng.chance(0.3) { chosen.append(rng.pick(bodyPool)) }
            rng.shuffle(&chosen)
            for (k, text) in chosen {
                var p = rng.chance(0.35) ? remix(text, rng: &rng) : text
                for rare in Self.rareSentences where rng.chance(rare.rate) { p += rare.sentence }
                paragraphs.append(fill(p, from: k, for: place, rng: &rng))
            }
        }
        paragraphs = paragraphs.map(Self.collapseWhitespace).filter { !$0.isEmpty }

        var layoutRNG = SplitMix64(seed: seed, stream: UInt64(number), purpose: 1)
        let hardWrapped = layoutRNG.chance(hardWrappedFraction)
        let text = hardWrapped ? ReportLayout.hardWrapped(paragraphs) : ReportLayout.onePerLine(paragraphs)
        return GeneratedReport(
            number: number, template: template.file, region: region, year: year,
            isHardWrapped: hardWrapped, paragraphs: paragraphs, text: text)
    }

    private struct Place {
        var region: String
        var parentStem: String
        var year: Int
    }

    /// Template text made into this report's: county wording, numbers, names.
    private func fill(_ text: String, from seedIndex: Int, for place: Place, rng: inout SplitMix64) -> String {
        var t = place.region.hasSuffix("县") ? CountyWording.apply(to: text) : text
        t = NumberPerturbation.apply(to: t, yearShift: place.year - seeds[seedIndex].budgetYear, rng: &rng)
        return Placeholder.fill(t, region: place.region, parentStem: place.parentStem)
    }

    /// Drops about one sentence in five and sometimes inserts one from anywhere.
    private func remix(_ paragraph: String, rng: inout SplitMix64) -> String {
        let parts = Self.sentences(paragraph)
        guard parts.count >= 2 else { return paragraph }
        var kept = parts.filter { _ in rng.unit() > 0.2 }
        if kept.isEmpty { kept = [parts[0]] }
        if rng.chance(0.4), !sentencePool.isEmpty {
            kept.insert(rng.pick(sentencePool), at: rng.int(in: 1...kept.count))
        }
        return kept.joined()
    }

    /// Split after 。！？；, keeping the mark with its sentence.
    static func sentences(_ paragraph: String) -> [String] {
        var out: [String] = []
        var current = ""
        for ch in paragraph {
            current.append(ch)
            if "。！？；".contains(ch) {
                out.append(current)
                current = ""
            }
        }
        if !current.isEmpty { out.append(current) }
        return out
    }

    /// Runs of whitespace become one space; the ends are trimmed.
    static func collapseWhitespace(_ s: String) -> String {
        s.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }
}
