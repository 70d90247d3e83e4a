/// Arrays of zone values made whole at once, their pages touched only as they are written.
enum ZoneColumns {
    /// Makes `count` arrays of `zones` values each, every one of them written by `fill`.
    ///
    /// `fill` gets all the arrays' storage together and must write every value: nothing is
    /// written before it (arrays made full of NaN first touched every page, 122 MB on a
    /// 200,000-zone grid, before the memory they replace could be handed back). Each array is
    /// made inside the one before it, so that every buffer is valid while `fill` runs.
    static func make(
        _ count: Int, zones: Int, fill: ([UnsafeMutableBufferPointer<Double>]) -> Void
    ) -> [[Double]] {
        func nest(_ buffers: [UnsafeMutableBufferPointer<Double>]) -> [[Double]] {
            guard buffers.count < count else {
                fill(buffers)
                return []
            }
            var rest: [[Double]] = []
            let column = [Double](unsafeUninitializedCapacity: zones) { buffer, written in
                rest = nest(buffers + [buffer])
                written = zones
            }
            return [column] + rest
        }
        return nest([])
    }
}
