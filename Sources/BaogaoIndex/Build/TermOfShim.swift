import Foundation
import BaogaoAnalysis

// TEMPORARY until the analysis branch lands with AnalyzedText.term(of:).
extension AnalyzedText {
    func term(of token: Token) -> String {
        let t = text(of: token)
        return token.kind == .number ? t.replacingOccurrences(of: ",", with: "") : t
    }
}
