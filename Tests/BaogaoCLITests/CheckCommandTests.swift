import Foundation
import XCTest

/// `baogao check` reads every byte: 0 for a whole index, 1 naming a damaged
/// file (which a lazy open may not see), 2 when there is no index to check.
final class CheckCommandTests: XCTestCase {
    func testAWholeIndexChecksClean() throws {
        let index = try TestIndex.shared().index
        let out = try BaogaoProcess.run(["check", "--index", index])
        XCTAssertEqual(out.status, 0, out.stderr + out.stdout)
        XCTAssertTrue(out.stdout.contains(" ok "), out.stdout)
        XCTAssertTrue(out.stdout.contains("index whole: "), out.stdout)
    }

    func testAFlippedByteIsNamedWithStatusOne() throws {
        let folder = try TestIndex.temporaryFolder("check")
        let index = folder.appendingPathComponent("Index").path
        let corpus = BaogaoProcess.repository.appendingPathComponent("Corpus").path
        let built = try BaogaoProcess.run(["index", "--quiet", "--corpus", corpus, "--index", index])
        XCTAssertEqual(built.status, 0, built.stderr)
        let post = try XCTUnwrap(
            FileManager.default.contentsOfDirectory(atPath: index).sorted().first { $0.hasSuffix(".post") })
        let path = index + "/" + post
        var bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        bytes[bytes.count / 2] ^= 0x40
        try bytes.write(to: URL(fileURLWithPath: path))

        let out = try BaogaoProcess.run(["check", "--index", index])
        XCTAssertEqual(out.status, 1, out.stderr + out.stdout)
        XCTAssertTrue(out.stdout.contains("DAMAGED  \(post): checksum mismatch"), out.stdout)
        XCTAssertTrue(out.stdout.contains("run baogao index to repair"), out.stdout)
        // baogao index mends it, and the check is clean again.
        XCTAssertEqual(try BaogaoProcess.run(["index", "--quiet", "--corpus", corpus, "--index", index]).status, 0)
        XCTAssertEqual(try BaogaoProcess.run(["check", "--index", index]).status, 0)
    }

    func testNoIndexIsAnError() throws {
        let out = try BaogaoProcess.run(["check", "--index", "/nonexistent/baogao-index"])
        XCTAssertEqual(out.status, 2)
        XCTAssertTrue(out.stderr.contains("no index in /nonexistent/baogao-index"), out.stderr)
    }

    func testHelpSaysWhatItReads() throws {
        let out = try BaogaoProcess.run(["check", "--help"])
        XCTAssertEqual(out.status, 0)
        XCTAssertTrue(out.stdout.contains("CRC-32"), out.stdout)
        XCTAssertTrue(try BaogaoProcess.run(["--help"]).stdout.contains("check"))
    }
}
