/// How long, and optionally how far, a trip from one endpoint to another is.
public struct TravelTime: Sendable, Hashable {
    /// Minutes, zero or more.
    public let minutes: Double
    /// Kilometres, when the matrix gives distances.
    public let km: Double?

    /// A time, with its distance when the matrix gives one.
    public init(minutes: Double, km: Double? = nil) {
        self.minutes = minutes
        self.km = km
    }
}
