import Foundation

/// Markers standing for a report's own place in template text, from the
/// Unicode private-use area so no real text can contain them.
enum Placeholder {
    /// The region's full name (`江津区`).
    static let region = "\u{E000}"
    /// The region's name without 区/县/市 (`江津`).
    static let stem = "\u{E001}"
    /// The parent city's name without 市 (`重庆`).
    static let parentStem = "\u{E002}"

    /// Replaces the seed's own place names, longest first so a stem never
    /// breaks up a full name.
    static func insert(into text: String, for title: SeedReport.Title) -> String {
        var replacements = [(title.region, region)]
        if title.region.count > 2 { replacements.append((String(title.region.dropLast()), stem)) }
        if let parent = title.parent {
            replacements.append((parent, parentStem + "市"))
            if parent.count > 2 { replacements.append((String(parent.dropLast()), parentStem)) }
        }
        var out = text
        for (name, marker) in replacements.sorted(by: { $0.0.count > $1.0.count }) {
            out = out.replacingOccurrences(of: name, with: marker)
        }
        return out
    }

    static func fill(_ text: String, region: String, parentStem: String) -> String {
        text.replacingOccurrences(of: Self.region, with: region)
            .replacingOccurrences(of: stem, with: String(region.dropLast()))
            .replacingOccurrences(of: Self.parentStem, with: parentStem)
    }
}
