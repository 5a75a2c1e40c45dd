import BaogaoAnalysis
import BaogaoIngest

/// The paragraph store (`.store`): every paragraph's text as written, its source
/// lines and where each starts in the text, kind, table context and the offset
/// map from normalised to original text, in zstd-compressed blocks of about
/// 16 KiB, with a zstd dictionary trained on the segment's own paragraphs.
///
///     Body       = dictionaryLength (u32) · Dictionary · Block* · BlockIndex ·
///                  blockCount (u32) · docCount (u32)
///     Dictionary = dictionaryLength bytes: a zstd dictionary (ZDICT fastCover,
///                  magic 37 A4 30 EC) trained on the records of the segment's first
///                  4 MiB of paragraphs, at most 128 KiB; empty (length 0) when the
///                  segment is too small to train one, zstd could not, or it would
///                  not pay for itself
///     Block      = one zstd frame (no checksum, content size or dictionary id)
///                  of Record* — the records of consecutive docs — compressed with
///                  the Dictionary when there is one
///     BlockIndex = blockCount × (firstDoc u32 · offset u64 · compressedLength u32 · rawLength u32)
///                                                  -- offset from the start of the body
///     Record  = text (string) · firstLine (varint) · lastLine - firstLine (varint) ·
///               lineStarts (varint n · n × (offset gap varint · line gap varint)) ·
///               kind (u8) · table (u8 0 | 1 · caption string · unit string ·
///               columnCount varint · column strings) ·
///               offsetMap (varint 0 = identity | varint n · n varint gaps)
///     string  = byte length (varint) · UTF-8
///
/// `lineStarts` are the source lines after the first, each with the Unicode scalar
/// offset in `text` where it starts (`Paragraph.lineStarts`): the offset gap is from
/// the previous line's offset (the first from 0), the line gap from the previous
/// line's number (the first from `firstLine`): both gaps are under 128 for
/// wrapped text, so a joined line costs two bytes before compression.
/// The offset map is stored only when normalisation changed the length of some
/// character; `originalOffsets[i] - originalOffsets[i-1]` are the gaps.
/// Example record for `教育支出 22960万元` on line 75, body, no table, identity map
/// (31 bytes): `18 E6 95 99 … E5 85 83  4B 00  00  02  00  00`. The same text
/// wrapped after `支出` onto line 77 (`教育支出` / `22960万元`) has `4B 02  01 04 02`:
/// first line 75, two more to the last, one line start at offset 4, two lines on.
/// Example body of a store of that one paragraph (too small for a dictionary):
///
///     00 00 00 00                               no dictionary
///     28 B5 2F FD 00 00  F9 00 00  18 E6 … 00   the frame: magic, frame header, one
///                                               raw block of 31 bytes (too short to
///                                               compress), the record
///     00 00 00 00  04 00 00 00 00 00 00 00      block 0: first doc 0, at body offset 4,
///     28 00 00 00  1F 00 00 00                  40 bytes, 31 raw
///     01 00 00 00  01 00 00 00                  one block, one document
///
/// Why these choices (measured on the generated corpus, BENCHMARKS.md): with the
/// dictionary, 16 KiB blocks compress as well as 32 KiB ones (7.8% of raw at
/// level 3), and a hit decompresses only its 16 KiB (15–30 µs). Level 3 leaves
/// the store a third larger than level 9 but compresses six times as fast
/// (~400 against ~65 MB/s): on 200 MB of reports, 4 MiB of store against 3 s
/// of indexing CPU, and indexing throughput is the target further from met.
/// A segment whose whole store is smaller than 4 MiB keeps its dictionary only
/// if the dictionary saves more than its own size; one under 256 KiB is
/// compressed at level 19 (see `smallStore`).
struct StoredParagraph: Sendable, Equatable {
    var text: String
    var firstLine: Int
    var lastLine: Int
    /// `Paragraph.lineStarts`: where each source line after the first starts.
    var lineStarts: [LineStart]
    var kind: Paragraph.Kind
    var table: TableContext?
    /// nil when normalisation kept a one-to-one scalar mapping.
    var originalOffsets: [Int32]?

    init(
        text: String, firstLine: Int, lastLine: Int, lineStarts: [LineStart] = [], kind: Paragraph.Kind,
        table: TableContext?, originalOffsets: [Int32]?
    ) {
        self.text = text
        self.firstLine = firstLine
        self.lastLine = lastLine
        self.lineStarts = lineStarts
        self.kind = kind
        self.table = table
        self.originalOffsets = originalOffsets
    }

    init(paragraph p: Paragraph, normalized: NormalizedText) {
        // One-to-one when every offset equals its index (the last entry included,
        // which is the original length).
        let identity = normalized.originalOffsets.enumerated().allSatisfy { Int($0.element) == $0.offset }
        self.init(
            text: p.text, firstLine: p.firstLine, lastLine: p.lastLine, lineStarts: p.lineStarts, kind: p.kind,
            table: p.table, originalOffsets: identity ? nil : normalized.originalOffsets)
    }
}

struct StoreWriter {
    static let targetBlockSize = 16 * 1024
    /// Raw bytes gathered before the dictionary is trained on them; the blocks
    /// are held uncompressed until then. More samples train a slightly better
    /// dictionary (from 1 MiB the store came out 5% larger than from 4 MiB, from
    /// 8 MiB 3% smaller), at ~0.03 s per MiB.
    static let trainingBytes = 4 << 20
    private let trainingBytes: Int
    /// The dictionary's size is at most a 32nd of its samples (zstd wants many
    /// times the dictionary's size in samples) and at most this.
    static let dictionaryCapacity = 128 * 1024
    /// A dictionary smaller than this is not worth training (too few samples).
    static let smallestDictionary = 1024
    static let level = 3
    /// A segment whose whole store is at most this many raw bytes (a handful of
    /// reports: what one run of `baogao index` adds after a new report) is
    /// compressed at `smallStoreLevel`. With little or no dictionary, level 3 on
    /// 16 KiB blocks is ~15% larger than zlib 9 on 32 KiB was (the sample
    /// reports); level 19 matches it, and on so little data costs milliseconds.
    static let smallStore = 256 * 1024
    static let smallStoreLevel = 19

    private var blocks = ByteWriter()
    private var index: [(firstDoc: UInt32, offset: UInt64, compressed: UInt32, raw: UInt32)] = []
    private var pending = ByteWriter()
    private var pendingFirstDoc: UInt32 = 0
    private(set) var docCount: UInt32 = 0

    /// Blocks held raw until the dictionary is trained, and the length of every
    /// record in them (the training samples are the records).
    private var held: [(firstDoc: UInt32, raw: [UInt8])] = []
    private var heldBytes = 0
    private var recordSizes: [Int] = []
    private var compressor: ZstdCompressor?
    private(set) var dictionary: [UInt8] = []

    var byteCount: Int { blocks.count + heldBytes + pending.count }

    /// `trainingBytes` other than the default is for tests.
    init(trainingBytes: Int = StoreWriter.trainingBytes) {
        self.trainingBytes = trainingBytes
    }

    mutating func append(_ p: StoredParagraph) {
        if pending.count == 0 { pendingFirstDoc = docCount }
        let before = pending.count
        Self.writeRecord(p, into: &pending)
        if compressor == nil { recordSizes.append(pending.count - before) }
        docCount += 1
        if pending.count >= Self.targetBlockSize { sealBlock() }
    }

    private static func writeRecord(_ p: StoredParagraph, into w: inout ByteWriter) {
        w.writeString(p.text)
        w.writeVarint(p.firstLine)
        w.writeVarint(max(0, p.lastLine - p.firstLine))
        w.writeVarint(p.lineStarts.count)
        var previous = LineStart(offset: 0, line: p.firstLine)
        for start in p.lineStarts {
            w.writeVarint(max(0, start.offset - previous.offset))
            w.writeVarint(max(0, start.line - previous.line))
            previous = start
        }
        w.write(ParagraphKindCode.code(p.kind))
        if let t = p.table {
            w.write(1)
            w.writeString(t.caption ?? "")
            w.writeString(t.unit ?? "")
            w.writeVarint(t.columns.count)
            for c in t.columns { w.writeString(c) }
        } else {
            w.write(0)
        }
        if let map = p.originalOffsets {
            w.writeVarint(map.count)
            var previous: Int32 = 0
            for o in map {
                w.writeVarint(UInt64(max(0, o - previous)))
                previous = o
            }
        } else {
            w.writeVarint(0)
        }
    }

    private mutating func sealBlock() {
        guard pending.count > 0 else { return }
        let raw = pending.bytes
        pending.removeAll()
        if let compressor {
            write(Self.compress(raw, with: compressor), raw: raw.count, firstDoc: pendingFirstDoc)
            return
        }
        held.append((pendingFirstDoc, raw))
        heldBytes += raw.count
        if heldBytes >= trainingBytes { startCompressing(finishing: false) }
    }

    /// Trains the dictionary on the held records, then compresses the held
    /// blocks and, from now on, every block as it fills. When the held blocks
    /// are the whole segment (`finishing`), the dictionary is kept only if it
    /// pays for itself on them: for a report or two it can cost more than it
    /// saves. Trained early, it is kept: the rest of the segment is to come.
    private mutating func startCompressing(finishing: Bool) {
        let level = finishing && heldBytes <= Self.smallStore ? Self.smallStoreLevel : Self.level
        let trained = trainDictionary(level: level)
        var chosen = Self.compressor(dictionary: trained ?? [], level: level)
        var frames = held.map { Self.compress($0.raw, with: chosen) }
        dictionary = trained ?? []
        if let trained, finishing {
            let plain = Self.compressor(dictionary: [], level: level)
            let plainFrames = held.map { Self.compress($0.raw, with: plain) }
            if plainFrames.reduce(0, { $0 + $1.count }) <= trained.count + frames.reduce(0, { $0 + $1.count }) {
                (dictionary, frames, chosen) = ([], plainFrames, plain)
            }
        }
        for (block, frame) in zip(held, frames) { write(frame, raw: block.raw.count, firstDoc: block.firstDoc) }
        held = []
        heldBytes = 0
        recordSizes = []
        compressor = chosen
    }

    /// A dictionary trained on the held records, or nil when there are too few
    /// of them or zstd cannot learn from them.
    private func trainDictionary(level: Int) -> [UInt8]? {
        let capacity = min(Self.dictionaryCapacity, heldBytes / 32)
        guard capacity >= Self.smallestDictionary else { return nil }
        return try? ZstdDictionary.train(
            samples: held.flatMap(\.raw), sampleSizes: recordSizes, capacity: capacity,
            level: level)
    }

    private static func compressor(dictionary: [UInt8], level: Int) -> ZstdCompressor {
        do { return try ZstdCompressor(dictionary: dictionary, level: level) } catch {
            // Creating a context fails only when memory runs out.
            fatalError("zstd: \(error)")
        }
    }

    private static func compress(_ raw: [UInt8], with compressor: ZstdCompressor) -> [UInt8] {
        do { return try compressor.compress(raw) } catch {
            // Into a buffer of ZSTD_compressBound bytes, only running out of memory fails.
            fatalError("zstd: \(error)")
        }
    }

    /// Appends a compressed block; offsets count from the start of the body.
    private mutating func write(_ frame: [UInt8], raw: Int, firstDoc: UInt32) {
        index.append((firstDoc, UInt64(4 + dictionary.count + blocks.count), UInt32(frame.count), UInt32(raw)))
        blocks.write(frame)
    }

    /// The whole file: header, body, footer.
    mutating func finish() -> [UInt8] {
        sealBlock()
        if compressor == nil { startCompressing(finishing: true) }
        var w = ByteWriter(capacity: dictionary.count + blocks.count + index.count * 20 + 64)
        IndexFormat.writeHeader(.store, into: &w)
        w.writeU32(UInt32(dictionary.count))
        w.write(dictionary)
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
