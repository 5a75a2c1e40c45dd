import CDeflate

/// The frame every index file shares, and the format version.
///
/// Every file is `Header, Body, Footer`:
///
///     Header (16 bytes) = magic "BGAO" · kind (4 ASCII bytes, e.g. "TERM") ·
///                         format version (u32 LE) · flags (u32 LE, 0)
///     Footer (16 bytes) = CRC-32 of every byte before the footer (u32 LE) ·
///                         kind (4 bytes) · format version (u32 LE) · magic "BGND"
///
/// Example: the header of a version-15 term dictionary is
/// `42 47 41 4F  54 45 52 4D  0F 00 00 00  00 00 00 00`.
///
/// Readers check the header and footer magic, kind and version and the file
/// length on open, and the CRC of the whole file (see `IndexReader` for when).
/// A version above `IndexFormat.version` in both header and footer is refused as
/// too new, one below `oldestReadable` as too old; anything else that does not
/// match (a header and footer that disagree included) is damage.
public enum IndexFormat {
    /// Bumped on any change to any file's layout (FORMAT.md lists what changed).
    /// Version 1: the first layout. Version 2: the paragraph store in zstd blocks
    /// of 16 KiB with a per-segment dictionary (was zlib, 32 KiB). Version 3: facts
    /// at 18 bytes each, with interned attributes (were 46 bytes). Version 4: report
    /// records in `.docs` carry region code, level, kind, period and field sources.
    /// Version 5: report records end with the report's source address (a catalogue's
    /// `source` column), and the manifest's reports may carry a text digest.
    /// Version 6: each stored paragraph records where its source lines start in its
    /// text, so that answers cite the lines of their sentence. Version 7: joined
    /// bigrams keep positions, and bigram positions count the text without its
    /// inline marks, so a term split by quotation marks is matched from the index.
    /// Version 8: report records in `.docs` carry the line each page of a PDF starts on.
    /// Version 9: each fact attribute in `.facts` ends with its relation's kind
    /// (`FactRelation`), read once at analysis. Version 10: words keep no positions
    /// in `.pos` (no query read them). Version 11: a word of one or two CJK
    /// characters is stored in `.post` as flags over its gram's documents
    /// (`WordFlags`), not as postings of its own. Version 12: packed blocks of
    /// `.post` and `.pos` keep the few values wider than the rest apart, as
    /// exceptions (`BitPacking`). Version 13: a skip table holds each block's
    /// last document, and the lengths of its blocks and positions chunks (were
    /// three u32 offsets a block). Version 14: phrase terms (`p`), each segment's
    /// frequent runs of 3–8 CJK characters with their own postings, and their
    /// count in the term dictionary's trailer. Version 15: `.facts` holds a record
    /// of varints a fact (document gap, attribute, value as m / 10^k, span), not
    /// four fixed columns of 18 bytes.
    public static let version: UInt32 = 15
    /// Older versions are rebuilt, not read: a reader keeps one layout per file.
    public static let oldestReadable: UInt32 = 15

    static let headerSize = 16
    static let footerSize = 16
    static let headerMagic: [UInt8] = Array("BGAO".utf8)
    static let footerMagic: [UInt8] = Array("BGND".utf8)

    /// The kinds of segment file, and their file name extensions.
    enum Kind: String, CaseIterable, Sendable {
        case terms = "TERM"  // term dictionary
        case postings = "POST"  // doc ids and frequencies
        case positions = "POSN"  // positions
        case store = "STOR"  // paragraph store
        case docs = "DOCS"  // per-paragraph columns and the report table
        case facts = "FACT"  // number facts

        var fileExtension: String {
            switch self {
            case .terms: return "terms"
            case .postings: return "post"
            case .positions: return "pos"
            case .store: return "store"
            case .docs: return "docs"
            case .facts: return "facts"
            }
        }
    }

    static func writeHeader(_ kind: Kind, into w: inout ByteWriter) {
        w.write(headerMagic)
        w.write(Array(kind.rawValue.utf8))
        w.writeU32(version)
        w.writeU32(0)
    }

    /// Appends the footer: the CRC covers everything written so far.
    static func writeFooter(_ kind: Kind, into w: inout ByteWriter) {
        let crc = w.bytes.withUnsafeBufferPointer { bg_crc32(0, $0.baseAddress, UInt64($0.count)) }
        w.writeU32(crc)
        w.write(Array(kind.rawValue.utf8))
        w.writeU32(version)
        w.write(footerMagic)
    }

    /// Checks header and footer; with `verifyChecksum`, also the CRC.
    /// Returns the body (the bytes between header and footer).
    static func checkFrame(
        _ bytes: UnsafeRawBufferPointer, kind: Kind, file: String,
        verifyChecksum: Bool
    ) throws(IndexError) -> UnsafeRawBufferPointer {
        guard bytes.count >= headerSize + footerSize else {
            throw .damaged(file: file, reason: "truncated (\(bytes.count) bytes)")
        }
        var r = ByteReader(bytes, file: file)
        let magic = Array(try r.readBytes(4))
        guard magic == headerMagic else { throw .damaged(file: file, reason: "not a Baogao index file (bad magic)") }
        let headerKind = Array(try r.readBytes(4))
        guard headerKind == Array(kind.rawValue.utf8) else {
            throw .damaged(file: file, reason: "wrong file kind \(String(decoding: headerKind, as: UTF8.self))")
        }
        let headerVersion = try r.readU32()
        var f = ByteReader(bytes, offset: bytes.count - footerSize, file: file)
        let crc = try f.readU32()
        let footerKind = Array(try f.readBytes(4))
        let footerVersion = try f.readU32()
        let endMagic = Array(try f.readBytes(4))
        guard endMagic == footerMagic, footerKind == headerKind else {
            throw .damaged(file: file, reason: "truncated or overwritten (bad footer)")
        }
        // A newer writer puts its version in both places; a version in one place
        // only is a damaged byte, not a newer baogao.
        guard footerVersion == headerVersion else {
            throw .damaged(file: file, reason: "header says format version \(headerVersion), footer \(footerVersion)")
        }
        if headerVersion > version { throw .tooNew(file: file, version: headerVersion) }
        if headerVersion < oldestReadable { throw .tooOld(file: file, version: headerVersion) }
        if verifyChecksum {
            let actual = bg_crc32(
                0, bytes.baseAddress?.assumingMemoryBound(to: UInt8.self),
                UInt64(bytes.count - footerSize))
            guard actual == crc else { throw .damaged(file: file, reason: "checksum mismatch") }
        }
        return UnsafeRawBufferPointer(rebasing: bytes[headerSize..<(bytes.count - footerSize)])
    }
}
