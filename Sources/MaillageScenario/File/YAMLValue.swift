import Foundation
import MaillageCore
import Yams

/// A node of a scenario file with where it came from, read through typed accessors whose
/// errors name the file, line and key.
struct YAMLValue {
    let node: Node
    let file: String
    let key: String

    var line: Int? { node.mark.map { $0.line } }

    func error(_ reason: String, key: String? = nil) -> ScenarioError {
        ScenarioError(file: file, line: line, key: key ?? self.key, reason: reason)
    }

    /// The keys of a mapping, in file order.
    func keys() throws -> [String] {
        guard let mapping = node.mapping else { throw error("expected a mapping of keys to values") }
        return mapping.keys.compactMap(\.string)
    }

    /// The value under a key, or nil when absent.
    func optional(_ name: String) throws -> YAMLValue? {
        guard let mapping = node.mapping else { throw error("expected a mapping of keys to values") }
        guard let value = mapping[name] else { return nil }
        return YAMLValue(node: value, file: file, key: key.isEmpty ? name : "\(key).\(name)")
    }

    func required(_ name: String) throws -> YAMLValue {
        guard let value = try optional(name) else {
            throw error("the key '\(name)' is required", key: key.isEmpty ? name : "\(key).\(name)")
        }
        return value
    }

    func string() throws -> String {
        guard let scalar = node.scalar else { throw error("expected a single value") }
        return scalar.string
    }

    func double() throws -> Double {
        guard let value = Double(try string()), value.isFinite else {
            throw error("\(TextExcerpt.quoted(try string())) is not a number")
        }
        return value
    }

    func int() throws -> Int {
        guard let value = Int(try string()) else {
            throw error("\(TextExcerpt.quoted(try string())) is not a whole number")
        }
        return value
    }

    func list() throws -> [YAMLValue] {
        guard let sequence = node.sequence else { throw error("expected a list") }
        return sequence.enumerated().map { YAMLValue(node: $1, file: file, key: "\(key)[\($0)]") }
    }

    /// A list of strings, also accepting a single value.
    func strings() throws -> [String] {
        if node.scalar != nil { return [try string()] }
        return try list().map { try $0.string() }
    }
}
