/// Which fields of a matrix file hold a row's origin id, destination id and value.
package struct MatrixFieldPositions: Sendable, Equatable {
    package var origin: Int
    package var destination: Int
    package var value: Int

    package init(origin: Int, destination: Int, value: Int) {
        self.origin = origin
        self.destination = destination
        self.value = value
    }
}
