import Foundation
import MaillageCore
import Yams

/// Reads a scenario file's text and YAML, with errors that say what is wrong and quote at most
/// a short excerpt.
///
/// A missing file is a missing input (exit 66), not bad data; a Latin-1 file is said to be
/// one (it used to read "does it exist?"); and a YAML error names its line and problem without
/// the whole text Yams attaches to it, which for `extends: /proc/self/environ` was the
/// process environment.
enum ScenarioText {
    /// The file's text, refusing anything that is not a UTF-8 text file.
    static func read(_ path: String, referencedBy origin: (file: String, key: String)? = nil) throws -> String {
        func fail(_ reason: String, missing: Bool = false) -> ScenarioError {
            if let origin {
                return ScenarioError(
                    file: origin.file, key: origin.key, reason: "\(path) \(reason)", isMissingInput: missing)
            }
            return ScenarioError(file: path, reason: reason, isMissingInput: missing)
        }
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
            throw fail("does not exist", missing: true)
        }
        guard !isFolder.boolValue else { throw fail("is a folder, not a scenario file") }
        guard let data = FileManager.default.contents(atPath: path) else { throw fail("cannot be read (permissions?)") }
        if let nul = data.firstIndex(of: 0) {
            throw fail("holds a NUL byte on line \(line(of: nul, in: data)): it is not a text file")
        }
        guard let text = String(validatingUTF8: data) else {
            let bad = firstInvalidUTF8(data)
            throw fail(
                "is not UTF-8 text (line \(line(of: bad, in: data)) has a byte \(String(format: "0x%02X", data[bad])) that UTF-8 does not allow, perhaps Latin-1); save it as UTF-8"
            )
        }
        return text
    }

    /// The YAML document, or a ScenarioError at the line Yams names.
    static func compose(_ text: String, file: String) throws -> Node {
        do {
            guard let node = try Yams.compose(yaml: text) else { throw ScenarioError(file: file, reason: "is empty") }
            return node
        } catch let error as YamlError {
            let (line, problem) = describe(error)
            throw ScenarioError(
                file: file, line: line, reason: "is not valid YAML: \(TextExcerpt.of(problem, limit: 120))")
        }
    }

    /// The line and the problem of a Yams error, without the YAML text it carries.
    static func describe(_ error: YamlError) -> (Int?, String) {
        switch error {
        case .reader(let problem, _, _, _): (nil, problem)
        case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
            .composer(let context, let problem, let mark, _):
            (mark.line, [context?.text, problem].compactMap { $0 }.joined(separator: ": "))
        case .duplicatedKeysInMapping(let duplicates, let context):
            (
                context.mark.line,
                "the key(s) \(duplicates.map { TextExcerpt.quoted($0, limit: 30) }.joined(separator: ", ")) are given twice"
            )
        default: (nil, "unreadable YAML")
        }
    }

    private static func line(of offset: Data.Index, in data: Data) -> Int {
        data[data.startIndex..<offset].reduce(1) { $1 == 0x0A ? $0 + 1 : $0 }
    }

    private static func firstInvalidUTF8(_ data: Data) -> Data.Index {
        var index = data.startIndex
        while index < data.endIndex {
            let lead = data[index]
            let length = lead < 0x80 ? 1 : lead >> 5 == 0x6 ? 2 : lead >> 4 == 0xE ? 3 : lead >> 3 == 0x1E ? 4 : 0
            guard length > 0, index + length <= data.endIndex,
                String(validatingUTF8: data[index..<(index + length)]) != nil
            else { return index }
            index += length
        }
        return data.startIndex
    }
}

extension String {
    fileprivate init?(validatingUTF8 data: some Collection<UInt8>) {
        guard let text = String(validating: data, as: UTF8.self) else { return nil }
        self = text
    }
}
