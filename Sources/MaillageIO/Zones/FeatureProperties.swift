import Foundation
import MaillageFormats

/// The properties of one GeoJSON feature, read like a CSV record.
///
/// Errors name the feature by its index in `features` (0-based, as in the file) and the
/// property: `features[12].properties.code`.
struct FeatureProperties: ZoneFieldSource {
    let file: String
    let index: Int
    let values: [String: Any]

    var names: [String] { Array(values.keys).sorted() }

    /// The raw value of a property, matching its name exactly, then ignoring case.
    func value(_ field: String) -> Any? {
        if let value = values[field] { return value }
        let lower = field.lowercased()
        return values.first { $0.key.lowercased() == lower }?.value
    }

    func string(_ field: String) -> String? {
        switch value(field) {
        case let text as String:
            let trimmed = text.trimmingCharacters(in: .whitespaces)
            return trimmed.isEmpty ? nil : trimmed
        case let number as NSNumber:
            // An integral number is written without a fraction (a code 31555, not 31555.0).
            let double = number.doubleValue
            if double.rounded() == double, abs(double) < 1e15 { return String(Int64(double)) }
            return "\(double)"
        default:
            return nil
        }
    }

    func double(_ field: String) throws -> Double? {
        switch value(field) {
        case nil, is NSNull:
            return nil
        case let number as NSNumber:
            return number.doubleValue.isFinite ? number.doubleValue : nil
        case let text as String:
            let trimmed = text.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty { return nil }
            guard let number = Record.number(trimmed) else {
                throw error(field, value: trimmed, expected: "a number")
            }
            return number
        default:
            throw error(field, value: "\(value(field) ?? "")", expected: "a number")
        }
    }

    func error(_ field: String?, value: String?, expected: String) -> ImportError {
        ImportError(file: file, field: Self.path(index, field), value: value, expected: expected)
    }

    /// `features[3]` or `features[3].properties.code`.
    static func path(_ index: Int, _ property: String?) -> String {
        property.map { "features[\(index)].properties.\($0)" } ?? "features[\(index)]"
    }
}
