/// How UTF-8 is laid out, stated once: how long the sequence a lead byte
/// starts is, and the scalar its bytes make. The hot loops that read bytes
/// (ingestion's cursor and cleaner, analysis's normaliser and number scanner)
/// call these instead of each decoding by hand; they are inlinable so that
/// reading through them costs what the hand-written copies did.
///
/// Both assume valid UTF-8 (decoded files and Swift strings are): a stray
/// continuation byte reads as the lead of a two-byte sequence.
public enum UTF8Decoding {
    /// 1 to 4: the bytes of the sequence that `lead` starts.
    @inlinable @inline(__always)
    public static func length(lead: UInt8) -> Int {
        lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
    }

    /// The scalar of the `length` bytes at `i` (the caller has checked they are there).
    @inlinable @inline(__always)
    public static func scalar<C: RandomAccessCollection>(_ b: C, at i: Int, length: Int) -> UInt32
    where C.Element == UInt8, C.Index == Int {
        let b0 = UInt32(b[i])
        switch length {
        case 1: return b0
        case 2: return (b0 & 0x1F) << 6 | UInt32(b[i + 1] & 0x3F)
        case 3: return (b0 & 0x0F) << 12 | UInt32(b[i + 1] & 0x3F) << 6 | UInt32(b[i + 2] & 0x3F)
        default:
            return (b0 & 0x07) << 18 | UInt32(b[i + 1] & 0x3F) << 12 | UInt32(b[i + 2] & 0x3F) << 6 | UInt32(b[i + 3] & 0x3F)
        }
    }
}
