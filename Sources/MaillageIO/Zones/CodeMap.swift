import Foundation

/// Old commune codes and the codes that replaced them (communes merge every year).
///
/// Read from a CSV with columns `old_code,new_code` (or any two-column file). Codes read
/// from a data file are translated before they are matched, so data keyed by old codes
/// lands on the zone of the merged commune; chains (`A → B`, `B → C`) are followed.
public struct CodeMap: Sendable {
    public let path: String
    private let targets: [String: String]

    public var count: Int { targets.count }

    /// The old codes of the map, sorted.
    public var oldCodes: [String] { targets.keys.sorted() }

    public init(path: String, csv: CSVOptions = CSVOptions()) throws {
        self.path = path
        let file = try DelimitedFile(path: path, options: csv)
        let (old, new): (String, String)
        if file.hasColumn("old_code") && file.hasColumn("new_code") {
            (old, new) = ("old_code", "new_code")
        } else if file.header.count == 2 {
            (old, new) = (file.header[0], file.header[1])
        } else {
            try file.requireColumns(["old_code", "new_code"])
            (old, new) = ("old_code", "new_code")
        }
        var targets = [String: String]()
        var lines = [String: Int]()
        try file.forEachRecord { record in
            let from = try record.required(old), to = try record.required(new)
            if let previous = targets[from], previous != to {
                throw record.error(new, value: to, expected: "one new code per old code; line \(lines[from] ?? 0) maps \(from) to \(previous)")
            }
            targets[from] = to
            lines[from] = record.line
        }
        self.targets = targets
    }

    init(path: String, targets: [String: String]) {
        self.path = path
        self.targets = targets
    }

    /// The current code for a code: itself when unmapped, else the end of its chain.
    public func resolve(_ code: String) -> String {
        var current = code
        var seen: Set<String> = [code]
        while let next = targets[current], seen.insert(next).inserted { current = next }
        return current
    }

    /// Whether the map names this code as an old one.
    public func maps(_ code: String) -> Bool { targets[code] != nil }
}
