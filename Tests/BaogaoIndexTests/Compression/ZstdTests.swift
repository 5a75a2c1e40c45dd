import XCTest

@testable import BaogaoIndex

/// The zstd bridge: training, frames with and without a dictionary, and zstd's errors.
final class ZstdTests: XCTestCase {
    func testTrainingOnTooLittleIsAnErrorNotACrash() {
        let samples = Array("预算收入".utf8)
        XCTAssertThrowsError(try ZstdDictionary.train(samples: samples, sampleSizes: [samples.count], capacity: 4096, level: 3)) {
            error in
            XCTAssertFalse("\(error)".isEmpty, "zstd names what went wrong")
        }
        XCTAssertThrowsError(try ZstdDictionary.train(samples: [], sampleSizes: [], capacity: 4096, level: 3))
    }

    func testAFrameRoundTripsWithAndWithoutADictionary() throws {
        let records = StoreFileTests.paragraphs(2000).map { Array($0.text.utf8) }
        let dictionary = try ZstdDictionary.train(
            samples: records.flatMap { $0 }, sampleSizes: records.map(\.count),
            capacity: 16 * 1024, level: 3)
        XCTAssertTrue(dictionary.withUnsafeBytes { ZstdDictionary.isValid($0) })
        XCTAssertFalse([UInt8](repeating: 7, count: 64).withUnsafeBytes { ZstdDictionary.isValid($0) })
        let block = records.prefix(100).flatMap { $0 }
        for d in [[], dictionary] {
            let frame = try ZstdCompressor(dictionary: d, level: 3).compress(block)
            let decompressor = try d.withUnsafeBytes { raw throws(ZstdError) in try ZstdDecompressor(dictionary: raw) }
            let back = try frame.withUnsafeBytes { raw throws(ZstdError) in
                try decompressor.decompress(raw, rawLength: block.count)
            }
            XCTAssertEqual(back, block)
            // The wrong length, or a frame that needs the dictionary read without it, is an error.
            XCTAssertThrowsError(
                try frame.withUnsafeBytes { raw throws(ZstdError) in
                    try decompressor.decompress(raw, rawLength: block.count - 1)
                })
        }
        let withDictionary = try ZstdCompressor(dictionary: dictionary, level: 3).compress(block)
        let plain = try ZstdDecompressor(dictionary: UnsafeRawBufferPointer(start: nil, count: 0))
        XCTAssertThrowsError(
            try withDictionary.withUnsafeBytes { raw throws(ZstdError) in
                try plain.decompress(raw, rawLength: block.count)
            })
    }
}
