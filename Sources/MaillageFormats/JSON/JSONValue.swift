/// A value of a GeoJSON feature's properties, written in a stable form.
package enum JSONValue: Equatable {
    case string(String)
    case number(Double)
    case bool(Bool)
    case null

    /// `nil` becomes `null`.
    package static func string(_ text: String?) -> JSONValue { text.map(JSONValue.string) ?? .null }
    /// A number, `nil` becoming `null`.
    package static func number(_ value: Double?) -> JSONValue { value.map(JSONValue.number) ?? .null }

    /// The value as JSON text; non-finite numbers, which JSON cannot hold, become `null`.
    package var text: String {
        switch self {
        case .string(let text): Self.quoted(text)
        case .number(let value): value.isFinite ? NumberText.format(value) : "null"
        case .bool(let value): value ? "true" : "false"
        case .null: "null"
        }
    }

    /// A JSON string literal (RFC 8259): quotes, backslashes and control characters escaped.
    package static func quoted(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                result += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result + "\""
    }
}
