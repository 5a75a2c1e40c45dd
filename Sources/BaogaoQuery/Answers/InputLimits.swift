/// How long a term (`define`) or a question (`ask`, and the query of `mentions`) may be.
///
/// Their work grows with their length: variants of a term are searched as
/// phrases, a question is read against every label it might name. The longest
/// glossary term in the reports is under 20 characters and a question rarely
/// passes 60, so these bounds refuse only input that is not a term or a
/// question — an 18,000-character paste took 5 seconds to say "not found".
enum InputLimits {
    static let term = 100
    static let question = 300

    static func check(_ text: String, limit: Int, what: String) throws(SearchError) {
        let n = text.unicodeScalars.count
        guard n <= limit else {
            throw .unsupported(position: limit, message: "\(what) is at most \(limit) characters; this one has \(n)")
        }
    }
}
