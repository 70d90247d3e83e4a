import Foundation

extension JSONText {
    /// How a printed report names its keys: as the Swift properties are spelt, or in snake case.
    public enum KeyStyle: Sendable {
        /// Keys as the `Codable` type declares them.
        case asDeclared
        /// `comparedPairs` written `compared_pairs`, as every `--json` report of the command line has it.
        case snakeCase
    }

    /// The words a report writes for the numbers JSON cannot hold (infinities and NaN).
    public struct NonFiniteWords: Sendable {
        /// The text for +∞.
        public var positiveInfinity: String
        /// The text for −∞.
        public var negativeInfinity: String
        /// The text for NaN.
        public var nan: String

        /// The words for +∞, −∞ and NaN.
        public init(positiveInfinity: String, negativeInfinity: String, nan: String) {
            self.positiveInfinity = positiveInfinity
            self.negativeInfinity = negativeInfinity
            self.nan = nan
        }

        /// `"inf"`, `"-inf"`, `"nan"`: the travel reports' words.
        public static let short = NonFiniteWords(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        /// `"Infinity"`, `"-Infinity"`, `"NaN"`: JavaScript's words, the equity report's.
        public static let javaScript = NonFiniteWords(
            positiveInfinity: "Infinity", negativeInfinity: "-Infinity", nan: "NaN"
        )
    }

    /// An encoder with Maillage's settings and a report's key style; non-finite numbers are
    /// written as `nonFinite`'s words when given, else refused (an encoding error).
    public static func encoder(pretty: Bool, keys: KeyStyle, nonFinite: NonFiniteWords? = nil) -> JSONEncoder {
        let encoder = encoder(pretty: pretty)
        if keys == .snakeCase { encoder.keyEncodingStrategy = .convertToSnakeCase }
        if let nonFinite {
            encoder.nonConformingFloatEncodingStrategy = .convertToString(
                positiveInfinity: nonFinite.positiveInfinity,
                negativeInfinity: nonFinite.negativeInfinity,
                nan: nonFinite.nan
            )
        }
        return encoder
    }

    /// The value as a printed report: pretty JSON text in the given key style.
    public static func report(
        _ value: some Encodable, keys: KeyStyle = .snakeCase, nonFinite: NonFiniteWords? = nil
    ) throws -> String {
        String(decoding: try encoder(pretty: true, keys: keys, nonFinite: nonFinite).encode(value), as: UTF8.self)
    }
}
