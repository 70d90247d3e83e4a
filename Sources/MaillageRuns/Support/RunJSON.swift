import Foundation
import MaillageIO

/// The one way runs write JSON: Codable, sorted keys, slashes unescaped, shortest round-trip numbers.
public enum RunJSON {
    /// One line, as stored in the database (parameters, summaries).
    public static func compact<Value: Encodable>(_ value: Value) -> String {
        encode(value, formatting: [.sortedKeys, .withoutEscapingSlashes]) ?? "{}"
    }

    /// Indented, as written to files and printed by `--json`.
    public static func pretty<Value: Encodable>(_ value: Value) -> String {
        encode(value, formatting: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]) ?? ""
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

    private static func encode<Value: Encodable>(_ value: Value, formatting: JSONEncoder.OutputFormatting) -> String? {
        let encoder = JSONEncoder()
        encoder.outputFormatting = formatting
        return (try? encoder.encode(value)).map { String(decoding: $0, as: UTF8.self) }
    }
}

/// A run's file that cannot be read back: which file and what is wrong.
public struct RunFileError: Error, CustomStringConvertible, Sendable {
    public let path: String
    public let reason: String

    public init(path: String, reason: String) {
        (self.path, self.reason) = (path, reason)
    }

    public var description: String { "\(path): \(reason)" }
}
