import Foundation
import XCTest

@testable import BaogaoIndex

/// Opening decodes only the manifest's head; the whole manifest a reader hands
/// out later is the one committed, decoded from the bytes read at open.
final class ManifestHeadTests: XCTestCase {
    func testTheHeadAgreesWithTheWholeManifest() throws {
        let scratch = Scratch()
        let corpus = scratch.corpus(["002_b5c26ff8d3e05e66.txt", "003_b7f3892a3cb1f6c5.txt"])
        try buildIndex(corpus: corpus, index: scratch.index) { $0.workers = 2 }
        let folder = IndexFolder(path: scratch.index)
        let whole = try IndexReader.readManifest(folder)
        let head = try IndexReader.readHead(folder).head
        XCTAssertEqual(head.generation, whole.generation)
        XCTAssertEqual(head.segments, whole.segments.map(SegmentHead.init))
        XCTAssertEqual(head.segments.map(\.reportCount).reduce(0, +), 2)
        let reader = try IndexReader.open(path: scratch.index)
        XCTAssertEqual(reader.manifest, whole)
    }

    /// The manifest a reader hands out is the one it opened, not a newer commit's.
    func testTheWholeManifestIsTheOneOpenedNotTheFileOnDisk() throws {
        let scratch = Scratch()
        let corpus = scratch.corpus(["002_b5c26ff8d3e05e66.txt"])
        try buildIndex(corpus: corpus, index: scratch.index)
        let reader = try IndexReader.open(path: scratch.index)
        let opened = try IndexReader.readManifest(IndexFolder(path: scratch.index))
        try FileManager.default.copyItem(
            atPath: sampleCorpus + "/003_b7f3892a3cb1f6c5.txt", toPath: corpus + "/003_b7f3892a3cb1f6c5.txt")
        try buildIndex(corpus: corpus, index: scratch.index)
        XCTAssertEqual(reader.manifest, opened)
        XCTAssertNotEqual(try IndexReader.open(path: scratch.index).manifest.generation, opened.generation)
    }

    /// The scanner steps over report records by their brackets: quotes, backslashes,
    /// brackets and escapes inside their strings must not end them early.
    func testTheScannerStepsOverRecordsWhateverTheirStrings() throws {
        var manifest = Manifest(analyzer: "an\"alyzer/1 \\ é")
        manifest.generation = 7
        let awkward = ["a\"b.txt", "c\\", "}]{[", "line\nbreak\u{1}", "报告/江津区 2023.txt", "\\\"", "😀\t"]
        manifest.segments = [
            SegmentEntry(
                name: "seg-000001", docs: 12,
                reports: awkward.map { SourceFile(path: $0, fingerprint: $0 + "+f", bytes: 3, text: $0) },
                deleted: [1, 4], files: ["docs": FileEntry(bytes: 100, crc: 0xFFFF_FFFF), "terms": FileEntry(bytes: 7, crc: 0)]),
            SegmentEntry(name: "seg-\"2\"", docs: 0, reports: [], deleted: [], files: [:])
        ]
        manifest.skipped = [SkippedFile(source: SourceFile(path: "]\"", fingerprint: "", bytes: 0), reason: "{")]
        let json = try Manifest.json(try manifest.encoded(), file: "MANIFEST")
        let head = try ManifestHead.decode(json: json, file: "MANIFEST")
        XCTAssertEqual(head.analyzer, manifest.analyzer)
        XCTAssertEqual(head.generation, 7)
        XCTAssertEqual(head.segments, manifest.segments.map(SegmentHead.init))
        // Any whitespace and key order, \u escapes with surrogate pairs.
        let spaced = Array(
            """
             { "segments" : [ { "files" : { }, "reports" : [ { "x" : [ 1 , "]" ] } , null ], "deleted" : [ ], \
            "docs" : 3, "name" : "s\\ud83d\\ude00\\u00e9" } ], "analyzer" : "a", "generation" : 2, "format" : \(IndexFormat.version) }\t
            """.utf8)
        let other = try ManifestHead.decode(json: spaced, file: "MANIFEST")
        XCTAssertEqual(other.segments, [SegmentHead(name: "s😀é", docs: 3, reportCount: 2, deleted: [], files: [:])])
    }

    /// The version is judged before the other fields' shapes; what is not JSON is damage.
    func testTheVersionComesFirstAndMalformedJSONIsDamage() {
        func decode(_ text: String) -> IndexError? {
            do {
                _ = try ManifestHead.decode(json: Array(text.utf8), file: "MANIFEST")
                return nil
            } catch { return error }
        }
        let newer = IndexFormat.version + 1
        XCTAssertEqual(decode(#"{"segments":5,"format":\#(newer)}"#), .tooNew(file: "MANIFEST", version: newer))
        XCTAssertEqual(decode(#"{"format":0,"generation":"x"}"#), .tooOld(file: "MANIFEST", version: 0))
        for broken in [
            "", "{", "[]", #"{"format":\#(IndexFormat.version)"#, #"{"format":"10"}"#,
            #"{"format":\#(IndexFormat.version),"segments":[{"reports":[}]}"#, #"{"a":"\u12"}"#, "{} x"
        ] {
            guard case .damaged(let file, let reason) = decode(broken) else { return XCTFail("not damage: \(broken)") }
            XCTAssertEqual(file, "MANIFEST")
            XCTAssertTrue(reason.hasPrefix("unreadable manifest"), reason)
        }
        guard
            case .damaged(_, let reason) = decode(
                #"{"format":\#(IndexFormat.version),"generation":"x","analyzer":"a","segments":[]}"#)
        else { return XCTFail("a field of another shape is damage") }
        XCTAssertTrue(reason.hasPrefix("unreadable manifest: "), reason)
    }
}
