import CDeflate

/// Writes a built segment as its five immutable files (`<name>.terms`, `.post`,
/// `.pos`, `.docs`, `.store`), each fsynced, and describes them for the manifest.
/// Nothing refers to the files until a manifest naming them is committed.
enum SegmentWriter {
    static func write(
        _ builder: SegmentBuilder, name: String, analyzer: String,
        folder: IndexFolder, sink: FileSink
    ) throws(IndexError) -> SegmentEntry {
        builder.finishPostings()
        let keys = builder.termKeys()
        let order = keys.indices.sorted { keys[$0].lexicographicallyPrecedes(keys[$1]) }

        let flags = wordFlags(builder, keys: keys)
        var dictionary = TermDictionaryWriter()
        var encoder = PostingsEncoder()
        var decoded = DecodedPostings()
        for t in order {
            if let f = flags[t] {
                dictionary.add(keys[t], builder.encodeFlags(t, f, with: &encoder))
            } else {
                dictionary.add(keys[t], builder.encodePostings(t, with: &encoder, decoded: &decoded))
            }
        }
        var post = ByteWriter(capacity: encoder.postings.count + 64)
        IndexFormat.writeHeader(.postings, into: &post)
        post.write(encoder.postings.bytes)
        IndexFormat.writeFooter(.postings, into: &post)
        var pos = ByteWriter(capacity: encoder.positions.count + 64)
        IndexFormat.writeHeader(.positions, into: &pos)
        pos.write(encoder.positions.bytes)
        IndexFormat.writeFooter(.positions, into: &pos)
        var store = builder.store

        let files: [(IndexFormat.Kind, [UInt8])] = [
            (.terms, dictionary.finish()),
            (.postings, post.bytes),
            (.positions, pos.bytes),
            (
                .docs,
                DocsFile.write(
                    analyzer: analyzer, docs: builder.docs, reports: builder.reports,
                    sections: builder.sections)
            ),
            (.store, store.finish()),
            (.facts, builder.facts.finish())
        ]
        var entries: [String: FileEntry] = [:]
        for (kind, bytes) in files {
            let fileName = name + "." + kind.fileExtension
            try folder.writeDurably(fileName, bytes, sink: sink)
            let written = FileEntry(bytes: bytes.count, crc: footerChecksum(bytes))
            try verifyWritten(fileName, kind: kind, expected: written, folder: folder)
            entries[kind.fileExtension] = written
        }
        return SegmentEntry(
            name: name, docs: builder.docCount,
            reports: builder.reports.map(\.source), deleted: [], files: entries)
    }

    /// The flags of every word stored as flags (`WordFlags`), by term id. Made
    /// before any term is encoded: grams come before words in dictionary order,
    /// and a term's postings are freed once encoded.
    private static func wordFlags(_ builder: SegmentBuilder, keys: [[UInt8]]) -> [Int: [UInt8]] {
        var gramIds: [[UInt8]: Int] = [:]
        for (t, key) in keys.enumerated() where key.first == TermKind.unigram.rawValue || key.first == TermKind.bigram.rawValue {
            gramIds[key] = t
        }
        var flags: [Int: [UInt8]] = [:]
        for (t, key) in keys.enumerated() {
            guard let gramKey = WordFlags.gramKey(ofWord: key) else { continue }
            // Readers take such a word's bytes for flags by its key alone.
            guard let g = gramIds[gramKey] else { preconditionFailure("a CJK word of one or two characters is always a gram") }
            flags[t] = WordFlags.encode(word: builder.documents(ofTerm: t), gram: builder.documents(ofTerm: g))
        }
        return flags
    }

    /// Reads a file back once it is written and synced, checking its frame and
    /// full CRC-32: the commit is verified here, when its bytes are fresh in the
    /// page cache, so that readers need not verify every byte at each open
    /// (`IndexReader`). A file that does not read back as written fails the
    /// commit, which leaves the previous index in place.
    static func verifyWritten(
        _ fileName: String, kind: IndexFormat.Kind, expected: FileEntry, folder: IndexFolder
    ) throws(IndexError) {
        let mapped = try MappedFile(path: folder.file(fileName))
        guard mapped.bytes.count == expected.bytes else {
            throw .io(path: folder.file(fileName), reason: "\(mapped.bytes.count) bytes read back, \(expected.bytes) written")
        }
        do {
            _ = try IndexFormat.checkFrame(mapped.bytes, kind: kind, file: fileName, verifyChecksum: true)
        } catch {
            throw .io(path: folder.file(fileName), reason: "does not read back as written (\(error.problem))")
        }
    }

    /// The CRC stored in a file's footer.
    static func footerChecksum(_ bytes: [UInt8]) -> UInt32 {
        let i = bytes.count - IndexFormat.footerSize
        return UInt32(bytes[i]) | UInt32(bytes[i + 1]) << 8 | UInt32(bytes[i + 2]) << 16 | UInt32(bytes[i + 3]) << 24
    }
}
