/// Where a source line stands on the pages of a paged original (a PDF): the page
/// and the line counted from that page's top. The lines are those of the extracted
/// text (`pdftotext -layout`, blank lines included, since they stand for the page's
/// vertical space), so `p. 12, L5` is the fifth line of page 12's text.
public struct PagePlace: Sendable, Equatable {
    /// 1-based page number.
    public var page: Int
    /// 1-based line on that page.
    public var line: Int

    public init(page: Int, line: Int) {
        self.page = page
        self.line = line
    }
}

public enum PageLines {
    /// The place of source line `line` given the line each page starts on
    /// (`ReportMetadata.pageStarts`, ascending; a page with no text starts where the
    /// next does). Nil when the report has no pages or the line comes before page 1.
    public static func place(ofLine line: Int, pageStarts: [Int]) -> PagePlace? {
        // The last page starting at or before the line: an empty page shares its start
        // with the page after it, and holds none of its lines.
        var low = 0
        var high = pageStarts.count
        while low < high {
            let mid = (low + high) / 2
            if pageStarts[mid] <= line { low = mid + 1 } else { high = mid }
        }
        guard low > 0 else { return nil }
        return PagePlace(page: low, line: line - pageStarts[low - 1] + 1)
    }

    /// `p. 12, L5–9`, or `p. 12, L40 – p. 13, L3` for a span across a page break; nil
    /// for a report without pages.
    public static func citation(firstLine: Int, lastLine: Int, pageStarts: [Int]) -> String? {
        guard let first = place(ofLine: firstLine, pageStarts: pageStarts),
            let last = place(ofLine: lastLine, pageStarts: pageStarts)
        else { return nil }
        if first.page == last.page {
            return "p. \(first.page), L\(first.line)" + (last.line == first.line ? "" : "–\(last.line)")
        }
        return "p. \(first.page), L\(first.line) – p. \(last.page), L\(last.line)"
    }
}
