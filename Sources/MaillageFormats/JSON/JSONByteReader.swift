import Foundation

/// Reads a JSON file from start to end through a fixed buffer, value by value, so that a
/// GeoJSON of millions of vertices is never held whole, nor as a tree of Foundation objects.
///
/// The caller walks the structure (``members(_:)``, ``elements(_:)``) and takes the values it
/// wants, as Foundation values (``value()``, for feature properties) or skipped (``skip()``).
/// Nesting deeper than ``maximumDepth`` is refused rather than followed (a hostile file of
/// nested brackets must not exhaust the stack). Errors are ``JSONSyntaxError``s with a line.
package final class JSONByteReader {
    /// The file read.
    package let path: String
    private let handle: FileHandle
    private var buffer: [UInt8] = []
    private var index = 0
    private var depth = 0
    /// The line of the next byte, for errors.
    private(set) var line = 1

    /// How many bytes are read from the file at a time.
    package static let chunkSize = 1 << 20
    /// The deepest nesting accepted before the file is refused (a guard against hostile input).
    package static let maximumDepth = 64

    /// Opens `path` for reading, refusing a missing file or a folder.
    package init(path: String) throws {
        try InputFile.requireFile(path)
        guard let handle = FileHandle(forReadingAtPath: path) else { throw FileAccessError.missing(path) }
        self.path = path
        self.handle = handle
        if try peek() == 0xEF { for _ in 0..<3 { _ = try next() } }  // a UTF-8 byte-order mark
    }

    deinit { try? handle.close() }

    // MARK: bytes

    private func peek() throws -> UInt8? {
        if index == buffer.count {
            buffer = try handle.read(upToCount: Self.chunkSize).map { [UInt8]($0) } ?? []
            index = 0
            if buffer.isEmpty { return nil }
        }
        return buffer[index]
    }

    private func next() throws -> UInt8? {
        guard let byte = try peek() else { return nil }
        index += 1
        if byte == UInt8(ascii: "\n") { line += 1 }
        return byte
    }

    /// The next byte that is not white space, left unread.
    package func peekToken() throws -> UInt8? {
        while let byte = try peek() {
            guard byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 else { return byte }
            _ = try next()
        }
        return nil
    }

    private func expect(_ byte: UInt8) throws {
        guard try peekToken() == byte else { throw error("'\(Character(Unicode.Scalar(byte)))'") }
        _ = try next()
    }

    /// A syntax error at the current line, saying what was expected.
    package func error(_ expected: String) -> JSONSyntaxError {
        let found = (try? peek()).flatMap { $0 }.map { "'\(Character(Unicode.Scalar($0)))'" } ?? "the end of the file"
        return JSONSyntaxError(line: line, message: "expected \(expected), found \(found)")
    }

    /// Fails unless only white space follows.
    package func finish() throws {
        guard try peekToken() == nil else { throw error("the end of the file") }
    }

    // MARK: structure

    private func nest(_ body: () throws -> Void) throws {
        depth += 1
        defer { depth -= 1 }
        guard depth <= Self.maximumDepth else {
            throw JSONSyntaxError(line: line, message: "nesting deeper than \(Self.maximumDepth) levels")
        }
        try body()
    }

    /// Calls `body` with each key of the object that starts here; `body` must read or skip its value.
    package func members(_ body: (String) throws -> Void) throws {
        try expect(UInt8(ascii: "{"))
        try nest {
            if try peekToken() == UInt8(ascii: "}") {
                _ = try next()
                return
            }
            while true {
                guard try peekToken() == UInt8(ascii: "\"") else { throw error("a member name in quotes") }
                let key = try string()
                try expect(UInt8(ascii: ":"))
                try body(key)
                switch try peekToken() {
                case UInt8(ascii: ","): _ = try next()
                case UInt8(ascii: "}"):
                    _ = try next()
                    return
                default: throw error("',' or '}'")
                }
            }
        }
    }

    /// Calls `body` with the index of each element of the array that starts here; `body` must
    /// read or skip the element.
    package func elements(_ body: (Int) throws -> Void) throws {
        try expect(UInt8(ascii: "["))
        try nest {
            if try peekToken() == UInt8(ascii: "]") {
                _ = try next()
                return
            }
            var index = 0
            while true {
                try body(index)
                index += 1
                switch try peekToken() {
                case UInt8(ascii: ","): _ = try next()
                case UInt8(ascii: "]"):
                    _ = try next()
                    return
                default: throw error("',' or ']'")
                }
            }
        }
    }

    // MARK: values

    /// The value that starts here as JSONSerialization gives it: `[String: Any]`, `[Any]`,
    /// `String`, `NSNumber` (numbers and booleans) or `NSNull`.
    package func value() throws -> Any {
        switch try peekToken() {
        case UInt8(ascii: "{"):
            var object: [String: Any] = [:]
            try members { key in object[key] = try value() }
            return object
        case UInt8(ascii: "["):
            var array: [Any] = []
            try elements { _ in array.append(try value()) }
            return array
        case UInt8(ascii: "\""):
            return try string()
        case UInt8(ascii: "t"):
            try word("true")
            return NSNumber(value: true)
        case UInt8(ascii: "f"):
            try word("false")
            return NSNumber(value: false)
        case UInt8(ascii: "n"):
            try word("null")
            return NSNull()
        default:
            return NSNumber(value: try number())
        }
    }

    /// Reads past the value that starts here.
    package func skip() throws {
        switch try peekToken() {
        case UInt8(ascii: "{"): try members { _ in try skip() }
        case UInt8(ascii: "["): try elements { _ in try skip() }
        default: _ = try value()
        }
    }

    /// Whether the next value is `null` (read past when it is).
    package func null() throws -> Bool {
        guard try peekToken() == UInt8(ascii: "n") else { return false }
        try word("null")
        return true
    }

    private func word(_ text: String) throws {
        for byte in text.utf8 {
            guard try peek() == byte else { throw error("'\(text)'") }
            _ = try next()
        }
    }

    /// A string, escapes decoded.
    package func string() throws -> String {
        try expect(UInt8(ascii: "\""))
        var bytes: [UInt8] = []
        while true {
            guard let byte = try next() else { throw error("the closing '\"' of a string") }
            switch byte {
            case UInt8(ascii: "\""):
                return String(decoding: bytes, as: UTF8.self)
            case UInt8(ascii: "\\"):
                try escape(into: &bytes)
            default:
                bytes.append(byte)
            }
        }
    }

    private func escape(into bytes: inout [UInt8]) throws {
        guard let byte = try next() else { throw error("an escaped character") }
        switch byte {
        case UInt8(ascii: "b"): bytes.append(0x08)
        case UInt8(ascii: "f"): bytes.append(0x0C)
        case UInt8(ascii: "n"): bytes.append(0x0A)
        case UInt8(ascii: "r"): bytes.append(0x0D)
        case UInt8(ascii: "t"): bytes.append(0x09)
        case UInt8(ascii: "u"):
            var scalar = try hex4()
            if (0xD800..<0xDC00).contains(scalar), try peek() == UInt8(ascii: "\\") {
                // A surrogate pair: \uD83D\uDE00.
                _ = try next()
                guard try next() == UInt8(ascii: "u") else { throw error("the second half of a surrogate pair") }
                let low = try hex4()
                scalar = 0x10000 + ((scalar - 0xD800) << 10) + ((low &- 0xDC00) & 0x3FF)
            }
            bytes.append(contentsOf: String(Unicode.Scalar(scalar).map(Character.init) ?? "\u{FFFD}").utf8)
        default:
            bytes.append(byte)  // \" \\ \/ and, leniently, any other
        }
    }

    private func hex4() throws -> UInt32 {
        var value: UInt32 = 0
        for _ in 0..<4 {
            guard let byte = try next(), let digit = Character(Unicode.Scalar(byte)).hexDigitValue else {
                throw error("four hexadecimal digits")
            }
            value = value << 4 | UInt32(digit)
        }
        return value
    }

    /// A number. Digits are read in place; up to 15 significant digits and a small exponent
    /// (every coordinate of a real file) take the exact fast path (an integer divided by an
    /// exact power of ten is correctly rounded), anything longer goes through `Double(_:)`.
    package func number() throws -> Double {
        var text: [UInt8] = []
        var mantissa: UInt64 = 0
        var digits = 0
        var fraction = 0
        var inFraction = false
        var plain = true
        while let byte = try peek() {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                if digits < 15 { mantissa = mantissa * 10 + UInt64(byte - 48) } else { plain = false }
                if mantissa > 0 || digits > 0 { digits += 1 }
                if inFraction { fraction += 1 }
            case UInt8(ascii: "."):
                if inFraction { plain = false }
                inFraction = true
            case UInt8(ascii: "-"), UInt8(ascii: "+"), UInt8(ascii: "e"), UInt8(ascii: "E"):
                plain = plain && byte == UInt8(ascii: "-") && text.isEmpty
            default:
                return try finishNumber(text, mantissa: mantissa, fraction: fraction, plain: plain)
            }
            text.append(byte)
            _ = try next()
        }
        return try finishNumber(text, mantissa: mantissa, fraction: fraction, plain: plain)
    }

    private static let powers: [Double] = (0...22).map { pow(10, Double($0)) }

    private func finishNumber(_ text: [UInt8], mantissa: UInt64, fraction: Int, plain: Bool) throws -> Double {
        guard !text.isEmpty, text.last != UInt8(ascii: "."), text != [UInt8(ascii: "-")] else { throw error("a value") }
        if plain, fraction <= 22 {
            let magnitude = Double(mantissa) / Self.powers[fraction]
            return text.first == UInt8(ascii: "-") ? -magnitude : magnitude
        }
        guard let number = Double(String(decoding: text, as: UTF8.self)), number.isFinite else {
            throw JSONSyntaxError(line: line, message: "'\(String(decoding: text, as: UTF8.self))' is not a number")
        }
        return number
    }
}

/// JSON that cannot be parsed, with the line where it goes wrong.
package struct JSONSyntaxError: Error, CustomStringConvertible {
    /// The line the error is on (1-based).
    package let line: Int
    /// What was wrong, in words.
    package let message: String
    /// The message with its line.
    package var description: String { "\(message) (line \(line))" }
}
