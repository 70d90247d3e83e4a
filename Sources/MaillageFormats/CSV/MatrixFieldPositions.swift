/// Which fields of a matrix file hold a row's origin id, destination id and value.
package struct MatrixFieldPositions: Sendable, Equatable {
    /// The origin id's field position.
    package var origin: Int
    /// The destination id's field position.
    package var destination: Int
    /// The value's field position.
    package var value: Int

    /// The positions of the three fields a matrix row needs.
    package init(origin: Int, destination: Int, value: Int) {
        self.origin = origin
        self.destination = destination
        self.value = value
    }
}
