extension Distribution {
    /// The families a duration may be drawn from, by the names parameter files use (`type`).
    public enum Kind: String, Sendable, Hashable, Codable, CaseIterable, CustomStringConvertible {
        /// Always the mean.
        case fixed
        /// Exponential with the given mean.
        case exponential
        /// Lognormal with the given mean and standard deviation of the durations themselves.
        case lognormal
        /// The given values, drawn with the given weights (equal when absent).
        case empirical

        /// The name as files and commands write it.
        public var description: String { rawValue }

        /// Reads a type as written in parameter files; an unknown one is refused with the list.
        public init(from decoder: any Decoder) throws {
            let container = try decoder.singleValueContainer()
            let text = try container.decode(String.self)
            guard let kind = Kind(rawValue: text) else {
                let names = Self.allCases.map(\.rawValue).joined(separator: ", ")
                throw DecodingError.dataCorruptedError(
                    in: container, debugDescription: "'\(text)' is not a distribution type; expected one of \(names)")
            }
            self = kind
        }
    }
}
