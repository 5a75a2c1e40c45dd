/// The output buffers of one `Normalizer` pass, and its Traditional→Simplified
/// run tracking. A plain struct over raw buffers so that the hot loop's stores
/// carry no bounds or uniqueness checks: the loop reserves room before every
/// emit that could outgrow the input (a fast-path emit consumes at least one
/// input byte per output scalar, and `reserve` keeps room for one per byte left).
///
/// Non-copyable: it owns its buffers, and frees them when it ends. As a copyable
/// struct, `var out = scratch` made two owners of one allocation, and a `reserve`
/// on one freed memory the other still pointed to.
struct NormalizerOutput: ~Copyable {
    /// T2S state of the CJK run being emitted.
    struct Run {
        var start = -1  // output index where the run began; -1: none
        var needsICU = false  // a multi-character rule may match in it
        var previousFirst = false  // previous scalar begins such a rule
        var previousPre: UInt32 = 0
        var redoCount = 0  // `redo.count` when this state was current
    }

    private(set) var scalars: UnsafeMutablePointer<UInt32>  // final (after T2S)
    private(set) var pre: UnsafeMutablePointer<UInt32>  // nfkc_cf, before T2S
    private(set) var offsets: UnsafeMutablePointer<Int32>
    private(set) var capacity: Int
    private(set) var count = 0
    var run = Run()
    /// Output ranges that ICU must transliterate as a whole.
    private var redo: [Range<Int>] = []

    init(capacity: Int) {
        self.capacity = capacity
        scalars = .allocate(capacity: capacity)
        pre = .allocate(capacity: capacity)
        offsets = .allocate(capacity: capacity)
    }

    deinit {
        scalars.deallocate()
        pre.deallocate()
        offsets.deallocate()
    }

    mutating func reset(reserving n: Int) {
        count = 0
        run = Run()
        redo.removeAll(keepingCapacity: true)
        reserve(n)
    }

    /// Makes room for `n` more scalars.
    mutating func reserve(_ n: Int) {
        guard count + n > capacity else { return }
        let newCapacity = max(count + n, capacity * 2)
        scalars = Self.grow(scalars, count: count, to: newCapacity)
        pre = Self.grow(pre, count: count, to: newCapacity)
        offsets = Self.grow(offsets, count: count, to: newCapacity)
        capacity = newCapacity
    }

    private static func grow<E>(_ old: UnsafeMutablePointer<E>, count: Int, to capacity: Int) -> UnsafeMutablePointer<E> {
        let new = UnsafeMutablePointer<E>.allocate(capacity: capacity)
        new.moveInitialize(from: old, count: count)
        old.deallocate()
        return new
    }

    /// Appends the scalar described by table entry `e` of scalar `source`, from
    /// original `offset`.
    @inline(__always)
    mutating func emit(
        _ e: UInt32, source: UInt32, offset: Int32, table: NormalizationTable,
        pairs: Set<UInt64>
    ) {
        typealias T = NormalizationTable
        let final = T.final(e)
        let p = e & T.preDiffers == 0 ? final : table.pre(of: source)
        scalars[count] = final
        pre[count] = p
        offsets[count] = offset
        if e & T.runs != 0 {
            if run.start < 0 {
                run.start = count
                run.needsICU = false
                run.previousFirst = false
            }
            if e & T.viaICU != 0
                || (run.previousFirst && e & T.second != 0
                    && pairs.contains(UInt64(run.previousPre) << 32 | UInt64(p)))
            {
                run.needsICU = true
            }
            run.previousFirst = e & T.first != 0
            run.previousPre = p
        } else if run.start >= 0 {
            endRun()
        }
        count += 1
    }

    /// Closes the current T2S run at `count`.
    @inline(__always)
    mutating func endRun() {
        if run.start >= 0, run.needsICU {
            redo.append(run.start..<count)
            run.redoCount = redo.count
        }
        run.start = -1
    }

    /// Forgets output from `index` on, restoring the run state saved there.
    mutating func truncate(to index: Int, run saved: Run) {
        count = index
        redo.removeSubrange(min(saved.redoCount, redo.count)...)
        run = saved
    }

    /// Transliterate everything with ICU (rules we cannot read).
    mutating func redoAll() {
        redo = count > 0 ? [0..<count] : []
    }

    /// Runs ICU over the redo ranges and copies the result out.
    func finish(originalCount: Int32, simplifier: TraditionalToSimplified) -> NormalizedText {
        var changedLength: [(Range<Int>, [UInt32])] = []
        for range in redo {
            let result = simplifier.transliterate(UnsafeBufferPointer(start: pre + range.lowerBound, count: range.count))
            if result.count == range.count {
                for (j, s) in result.enumerated() { scalars[range.lowerBound + j] = s }
            } else {
                changedLength.append((range, result))
            }
        }
        var text = [Unicode.Scalar](unsafeUninitializedCapacity: count) { buffer, initialized in
            buffer.withMemoryRebound(to: UInt32.self) { raw in
                if let base = raw.baseAddress { base.initialize(from: scalars, count: count) }
            }
            initialized = count
        }
        var map = [Int32](unsafeUninitializedCapacity: count + 1) { buffer, initialized in
            if let base = buffer.baseAddress {
                base.initialize(from: offsets, count: count)
                base[count] = originalCount
            }
            initialized = count + 1
        }
        // A run whose length T2S changed (never with ICU 72): its output scalars
        // map to its original scalars in order, the excess to its last one.
        for (range, result) in changedLength.reversed() where !range.isEmpty {
            let replacement = result.compactMap(Unicode.Scalar.init)
            let mapped = replacement.indices.map { map[range.lowerBound + min($0, range.count - 1)] }
            text.replaceSubrange(range, with: replacement)
            map.replaceSubrange(range, with: mapped)
        }
        return NormalizedText(scalars: text, originalOffsets: map)
    }
}
