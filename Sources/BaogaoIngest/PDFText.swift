import Foundation

/// The text layer of a PDF, with the line each page starts on, through poppler's
/// `pdftotext` (Debian `poppler-utils`) run as a separate program.
///
/// Why a separate program and not poppler's C API (`libpoppler-glib`): poppler is
/// GPL. Linking it would make every Baogao binary a GPL work; running its command-line
/// tool on a file is mere aggregation, so Baogao's own licence stays its own. The cost
/// is a process per PDF (a few milliseconds) and a temporary file each way.
///
/// Why `-layout`: tried on a generated report (see `PDFTextTests`), pdftotext's
/// reading-order mode splits a line at every wide gap — `——2024年 2月 21日在…` became
/// three paragraphs, a table row one cell a line — while `-layout` keeps each printed
/// line one line, with blank lines for the spacing between lines: the shape of the
/// PDF-extracted sample reports, which `Layout` and `ParagraphBuilder` already join back
/// into paragraphs and `TableReader` reads as space-separated rows.
///
/// pdftotext ends every page with a form feed (U+000C); those are taken out here and
/// their places kept as `pageStarts`, so line numbers stay those of the text and a
/// citation can also say `p. 12, L5–9` (`PageLines`).
public enum PDFText {
    /// What `extract` gives: UTF-8 text with LF line ends, and per page the 1-based
    /// line it starts on.
    public struct Extracted: Sendable, Equatable {
        public var utf8: [UInt8]
        public var pageStarts: [Int]
    }

    /// The program run, found on `PATH`; `BAOGAO_PDFTOTEXT` names another (a test
    /// sets it to a missing file to see the message a machine without poppler gives).
    static var program: String? {
        let environment = ProcessInfo.processInfo.environment
        if let chosen = environment["BAOGAO_PDFTOTEXT"] {
            return FileManager.default.isExecutableFile(atPath: chosen) ? chosen : nil
        }
        for folder in (environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":") {
            let path = String(folder) + "/pdftotext"
            if FileManager.default.isExecutableFile(atPath: path) { return path }
        }
        return nil
    }

    /// How long pdftotext may take over one PDF: a 500-page report takes a few seconds.
    public static let defaultTimeLimit: TimeInterval = 120

    /// Whether `bytes` are a PDF: `%PDF-` at the start of a line within the first
    /// 1,024 bytes, where readers look for it (some files carry junk before it); text
    /// that quotes it mid-line is still text.
    public static func isPDF(_ bytes: [UInt8]) -> Bool {
        let magic: [UInt8] = Array("%PDF-".utf8)
        let end = min(bytes.count, 1024) - magic.count
        guard end >= 0 else { return false }
        for start in 0...end
        where bytes[start] == magic[0] && (start == 0 || bytes[start - 1] == 0x0A || bytes[start - 1] == 0x0D) {
            if Array(bytes[start..<start + magic.count]) == magic { return true }
        }
        return false
    }

    /// The text of the PDF `bytes` of the file `doc`. Throws `.needsProgram` when
    /// pdftotext is not installed, `.encrypted` for a PDF that will not open without
    /// a password, `.noTextLayer` for a scan, `.malformed` when pdftotext fails.
    public static func extract(
        _ bytes: [UInt8], doc: String, timeLimit: TimeInterval = defaultTimeLimit
    ) throws(IngestError) -> Extracted {
        guard let program else {
            throw .needsProgram(file: doc, program: "pdftotext", package: "poppler-utils")
        }
        let folder = FileManager.default.temporaryDirectory.path
        let stem = "\(folder)/baogao-pdf-\(getpid())-\(UUID().uuidString)"
        let (input, output, errors) = (stem + ".pdf", stem + ".txt", stem + ".err")
        defer { for f in [input, output, errors] { try? FileManager.default.removeItem(atPath: f) } }
        guard FileManager.default.createFile(atPath: input, contents: Data(bytes)) else {
            throw .unreadable(file: doc, reason: "cannot write a temporary copy for pdftotext in \(folder)")
        }
        _ = FileManager.default.createFile(atPath: errors, contents: nil)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: program)
        process.arguments = ["-layout", "-enc", "UTF-8", "-eol", "unix", input, output]
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle(forWritingAtPath: errors)
        do {
            try process.run()
        } catch {
            throw .needsProgram(file: doc, program: program, package: "poppler-utils")
        }
        // A damaged or hostile PDF can keep pdftotext busy without end; past the
        // limit it is stopped and the file named, and the rest of the corpus goes on.
        let deadline = Date().addingTimeInterval(timeLimit)
        while process.isRunning && Date() < deadline { usleep(5_000) }
        if process.isRunning {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            let limit = String(format: "%g", timeLimit)
            throw .malformed(file: doc, format: "PDF", reason: "pdftotext did not finish within \(limit) s")
        }
        process.waitUntilExit()
        let said = (FileBytes.read(errors).map { String(decoding: $0, as: UTF8.self) } ?? "")
        guard process.terminationStatus == 0, let text = FileBytes.read(output) else {
            // Exit 1 is "error opening the PDF"; poppler says "Incorrect password" for
            // an encrypted file and otherwise names what it could not parse.
            if said.contains("password") { throw .encrypted(file: doc) }
            let first = said.split(separator: "\n").first(where: { !$0.isEmpty }).map(String.init)
            throw .malformed(
                file: doc, format: "PDF", reason: first ?? "pdftotext exited with status \(process.terminationStatus)")
        }
        let extracted = pages(of: text)
        guard !Whitespace.isBlank(String(decoding: extracted.utf8, as: UTF8.self)) else {
            throw .noTextLayer(file: doc, pages: extracted.pageStarts.count)
        }
        return extracted
    }

    /// Takes the form feeds out of pdftotext's output, keeping where each page starts.
    /// Every page ends with one, so the last is not a page of its own.
    static func pages(of text: [UInt8]) -> Extracted {
        var utf8: [UInt8] = []
        utf8.reserveCapacity(text.count)
        var starts = [1]
        var line = 1
        for (i, byte) in text.enumerated() {
            switch byte {
            case 0x0A:
                line += 1
                utf8.append(byte)
            case 0x0C:
                if i + 1 < text.count { starts.append(line) }
            default:
                utf8.append(byte)
            }
        }
        return Extracted(utf8: utf8, pageStarts: starts)
    }
}
