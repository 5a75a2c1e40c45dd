/// How a file lays its paragraphs out on lines.
enum Layout: Equatable {
    /// One paragraph per line (Word exports: 002, 003), with occasional breaks inside one.
    case perLine
    /// PDF extraction hard-wrapped at a fixed width (000): `lineWidth` is the width of a
    /// full line, `firstLineWidth` that of a full first line, whose indent was lost.
    case hardWrapped(lineWidth: Int, firstLineWidth: Int)

    /// Hard-wrapped text has most of its long lines within a few columns of one width
    /// (the mode); in one-paragraph-per-line text the widths of long lines are spread
    /// out and many are far wider than any page. Table rows are left out of the count.
    static func detect(_ lines: [CleanLine], skipping table: [Int: TableReader.Role]) -> Layout {
        var histogram = [Int](repeating: 0, count: 80)
        var long = 0
        var veryLong = 0
        var content = 0
        for (i, line) in lines.enumerated() where table[i] == nil {
            content += 1
            if line.width >= 30 { long += 1 }
            if line.width > 64 {
                veryLong += 1
                continue
            }
            if line.width >= 30 { histogram[line.width] += 1 }
        }
        guard content >= 10, long >= 5, veryLong * 10 <= long else { return .perLine }
        var mode = 0
        for w in 30..<histogram.count where histogram[w] >= histogram[mode] { mode = w }
        // In a short text the indent-lost first lines (four columns narrower) can
        // outnumber full lines; a clear cluster four columns wider is the real width.
        let candidates = (mode + 3)...min(histogram.count - 1, mode + 5)
        if let wider = candidates.max(by: { histogram[$0] < histogram[$1] }),
            histogram[wider] > 0, histogram[wider] * 3 >= histogram[mode]
        {
            mode = wider
        }
        var band = 0
        for w in max(0, mode - 6)...min(histogram.count - 1, mode + 4) { band += histogram[w] }
        guard band * 10 >= long * 6 else { return .perLine }
        return .hardWrapped(lineWidth: mode, firstLineWidth: mode - 4)
    }
}
