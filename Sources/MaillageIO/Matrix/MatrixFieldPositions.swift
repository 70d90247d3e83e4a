/// Which fields of a matrix file hold a row's origin id, destination id and value.
public struct MatrixFieldPositions: Sendable, Equatable {
    public var origin: Int
    public var destination: Int
    public var value: Int

    public init(origin: Int, destination: Int, value: Int) {
        self.origin = origin
        self.destination = destination
        self.value = value
    }
}
