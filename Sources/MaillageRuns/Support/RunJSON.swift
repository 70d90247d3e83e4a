import Foundation
import MaillageFormats
import MaillageIO

/// The one way runs write JSON: Codable records, sorted keys, slashes unescaped, shortest round-trip numbers.
///
/// Files and `--json` output list keys in Foundation's `JSONSerialization` order, where numbers
/// in names compare as numbers (`follow_up_7_days_share` before `follow_up_30_days_share`), as
/// they always have: the record is encoded, then written by `JSONSerialization`. Numbers keep
/// their digits through the round trip (64-bit integers included). Stored runs' parameters and
/// summaries keep `JSONEncoder`'s plain order (`compact`), which their fingerprints were built on.
public enum RunJSON {
    /// One line in `JSONEncoder`'s key order, as stored in the database (parameters, summaries).
    public static func compact<Value: Encodable>(_ value: Value) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return (try? encoder.encode(value)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
    }

    /// One line in the files' key order (the events a run records).
    public static func line<Value: Encodable>(_ value: Value) -> String {
        serialized(value, options: [.sortedKeys, .withoutEscapingSlashes]) ?? "[]"
    }

    /// Indented, as written to files and printed by `--json`.
    public static func pretty<Value: Encodable>(_ value: Value) -> String {
        serialized(value, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]) ?? ""
    }

    /// Writes `value` indented, with a final newline.
    public static func write<Value: Encodable>(_ value: Value, to path: String) throws {
        try TextFile.write(pretty(value) + "\n", to: path)
    }

    /// Decodes a file written by `write`, naming the file in the error.
    public static func read<Value: Decodable>(_ type: Value.Type, at path: String) throws -> Value {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw RunFileError(path: path, reason: "the file cannot be read")
        }
        do {
            return try JSONDecoder().decode(type, from: data)
        } catch let DecodingError.keyNotFound(key, _) {
            throw RunFileError(path: path, reason: "it has no \"\(key.stringValue)\"")
        } catch let DecodingError.typeMismatch(_, context), let DecodingError.valueNotFound(_, context) {
            let field = context.codingPath.map(\.stringValue).joined(separator: ".")
            throw RunFileError(path: path, reason: "\"\(field)\" is not what it should be")
        } catch {
            throw RunFileError(path: path, reason: "it is not valid JSON")
        }
    }

    private static func serialized<Value: Encodable>(
        _ value: Value, options: JSONSerialization.WritingOptions
    ) -> String? {
        guard let data = try? JSONEncoder().encode(value),
            let object = try? JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed]),
            let text = try? JSONSerialization.data(
                withJSONObject: doubles(object), options: options.union(.fragmentsAllowed))
        else { return nil }
        return String(decoding: text, as: UTF8.self)
    }

    /// The parsed tree with its long numbers back as the doubles they were: Foundation reads a
    /// 17-digit number as a decimal, which it would write in full (`0.0000471…` for `4.71…e-05`).
    /// The shortest text of a double reads back as that double exactly.
    private static func doubles(_ value: Any) -> Any {
        switch value {
        case let decimal as NSDecimalNumber: NSNumber(value: Double(decimal.description) ?? decimal.doubleValue)
        case let array as [Any]: array.map(doubles)
        case let object as [String: Any]: object.mapValues(doubles)
        default: value
        }
    }
}

/// A run's file that cannot be read back: which file and what is wrong.
public struct RunFileError: Error, CustomStringConvertible, Sendable {
    /// The file, and what is wrong with it.
    public let path: String
    /// What is wrong with the file, in words for the planner.
    public let reason: String

    /// An error naming the file and what is wrong.
    public init(path: String, reason: String) {
        (self.path, self.reason) = (path, reason)
    }

    /// The file and the reason, for error messages.
    public var description: String { "\(path): \(reason)" }
}
