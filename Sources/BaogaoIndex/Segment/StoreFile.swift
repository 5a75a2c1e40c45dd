import BaogaoAnalysis
import BaogaoIngest
import CZlib

/// The paragraph store (`.store`): every paragraph's text as written, its source
/// lines, kind, table context and the offset map from normalised to original
/// text, in zlib-compressed blocks of about 32 KiB (level 9: written once, read a few
/// paragraphs at a time; the larger block compresses Chinese text markedly better).
///
///     Body    = Block* · BlockIndex · blockCount (u32) · docCount (u32)
///     Block   = zlib(Record*)                      -- the records of consecutive docs
///     BlockIndex = blockCount × (firstDoc u32 · offset u64 · compressedLength u32 · rawLength u32)
///                                                  -- offset from the start of the body
///     Record  = text (string) · firstLine (varint) · lastLine - firstLine (varint) ·
///               kind (u8) · table (u8 0 | 1 · caption string · unit string ·
///               columnCount varint · column strings) ·
///               offsetMap (varint 0 = identity | varint n · n varint gaps)
///     string  = byte length (varint) · UTF-8
///
/// The offset map is stored only when normalisation changed the length of some
/// character; `originalOffsets[i] - originalOffsets[i-1]` are the gaps.
/// Example record for `教育支出 22960万元` on line 75, body, no table, identity map:
/// `17 E6 95 99 … E5 85 83  4B 00  02  00  00`.
struct StoredParagraph: Sendable, Equatable {
    var text: String
    var firstLine: Int
    var lastLine: Int
    var kind: Paragraph.Kind
    var table: TableContext?
    /// nil when normalisation kept a one-to-one scalar mapping.
    var originalOffsets: [Int32]?

    init(text: String, firstLine: Int, lastLine: Int, kind: Paragraph.Kind,
         table: TableContext?, originalOffsets: [Int32]?) {
        self.text = text
        self.firstLine = firstLine
        self.lastLine = lastLine
        self.kind = kind
        self.table = table
        self.originalOffsets = originalOffsets
    }

    init(paragraph p: Paragraph, normalized: NormalizedText) {
        // One-to-one when every offset equals its index (the last entry included,
        // which is the original length).
        let identity = normalized.originalOffsets.enumerated().allSatisfy { Int($0.element) == $0.offset }
        self.init(text: p.text, firstLine: p.firstLine, lastLine: p.lastLine, kind: p.kind,
                  table: p.table, originalOffsets: identity ? nil : normalized.originalOffsets)
    }
}

struct StoreWriter {
    static let targetBlockSize = 32 * 1024

    private var blocks = ByteWriter()
    private var index: [(firstDoc: UInt32, offset: UInt64, compressed: UInt32, raw: UInt32)] = []
    private var pending = ByteWriter()
    private var pendingFirstDoc: UInt32 = 0
    private(set) var docCount: UInt32 = 0

    var byteCount: Int { blocks.count + pending.count }

    mutating func append(_ p: StoredParagraph) {
        if pending.count == 0 { pendingFirstDoc = docCount }
        pending.writeString(p.text)
        pending.writeVarint(p.firstLine)
        pending.writeVarint(max(0, p.lastLine - p.firstLine))
        pending.write(ParagraphKindCode.code(p.kind))
        if let t = p.table {
            pending.write(1)
            pending.writeString(t.caption ?? "")
            pending.writeString(t.unit ?? "")
            pending.writeVarint(t.columns.count)
            for c in t.columns { pending.writeString(c) }
        } else {
            pending.write(0)
        }
        if let map = p.originalOffsets {
            pending.writeVarint(map.count)
            var previous: Int32 = 0
            for o in map {
                pending.writeVarint(UInt64(max(0, o - previous)))
                previous = o
            }
        } else {
            pending.writeVarint(0)
        }
        docCount += 1
        if pending.count >= Self.targetBlockSize { flushBlock() }
    }

    private mutating func flushBlock() {
        guard pending.count > 0 else { return }
        let raw = pending.bytes
        var out = [UInt8](repeating: 0, count: Int(bg_deflate_bound(UInt64(raw.count))))
        let n = raw.withUnsafeBufferPointer { src in
            out.withUnsafeMutableBufferPointer { dst in
                bg_deflate(src.baseAddress, UInt64(src.count), dst.baseAddress, UInt64(dst.count), 9)
            }
        }
        // deflate into a buffer of deflateBound bytes cannot fail but for memory.
        precondition(n >= 0, "zlib compress2 failed")
        index.append((pendingFirstDoc, UInt64(blocks.count), UInt32(n), UInt32(raw.count)))
        blocks.write(out[0..<Int(n)])
        pending.removeAll()
    }

    /// The whole file: header, body, footer.
    mutating func finish() -> [UInt8] {
        flushBlock()
        var w = ByteWriter(capacity: blocks.count + index.count * 20 + 64)
        IndexFormat.writeHeader(.store, into: &w)
        w.write(blocks.bytes)
        for e in index {
            w.writeU32(e.firstDoc)
            w.writeU64(e.offset)
            w.writeU32(e.compressed)
            w.writeU32(e.raw)
        }
        w.writeU32(UInt32(index.count))
        w.writeU32(docCount)
        IndexFormat.writeFooter(.store, into: &w)
        return w.bytes
    }
}
