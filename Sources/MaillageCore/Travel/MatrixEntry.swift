/// One entry of a sparse matrix between two indexed lists: a travel time from an origin to a
/// destination, each given by its position in its list.
///
/// Sixteen bytes, so that the millions of entries of a national matrix read from a file
/// pass from the reader to the accessibility methods as one compact array.
public struct MatrixEntry: Sendable, Hashable {
    /// The origin's position in its list.
    public var origin: Int32
    /// The destination's position in its list.
    public var destination: Int32
    /// The value between them, usually minutes.
    public var value: Double

    /// An entry from positions and a value.
    public init(origin: Int32, destination: Int32, value: Double) {
        self.origin = origin
        self.destination = destination
        self.value = value
    }

    /// An entry between positions of lists of fewer than 2³¹ items.
    @inline(__always)
    public init(origin: Int, destination: Int, value: Double) {
        self.init(
            origin: Int32(truncatingIfNeeded: origin), destination: Int32(truncatingIfNeeded: destination), value: value
        )
    }
}
