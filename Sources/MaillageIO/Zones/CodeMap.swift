import Foundation
import MaillageFormats

/// Old commune codes and the codes that replaced them (communes merge every year).
///
/// Read from a CSV with columns `old_code,new_code` (or any two-column file). Codes read
/// from a data file are translated before they are matched, so data keyed by old codes
/// lands on the zone of the merged commune; chains (`A → B`, `B → C`) are followed.
public struct CodeMap: Sendable {
    /// The map's file, to name in reports and errors.
    public let path: String
    private let targets: [String: String]

    /// Old codes the map translates.
    public var count: Int { targets.count }

    /// The old codes of the map, sorted.
    public var oldCodes: [String] { targets.keys.sorted() }

    /// Reads the map; an old code given two new ones, or a cycle, is an error naming the line.
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
            let from = try record.required(old)
            let to = try record.required(new)
            if let previous = targets[from], previous != to {
                throw record.error(
                    new, value: to,
                    expected: "one new code per old code; line \(lines[from] ?? 0) maps \(from) to \(previous)")
            }
            // A code mapped to itself changes nothing.
            guard from != to else { return }
            targets[from] = to
            lines[from] = record.line
        }
        try Self.refuseCycles(targets, lines: lines, file: path)
        self.targets = targets
    }

    /// Refuses `A → B, B → A` (and longer loops): following them swapped two communes' names,
    /// positions and populations instead of merging anything.
    static func refuseCycles(_ targets: [String: String], lines: [String: Int], file: String) throws {
        var settled = Set<String>()
        for start in targets.keys.sorted() where !settled.contains(start) {
            var path: [String] = [start]
            var onPath: Set<String> = [start]
            var current = start
            while let next = targets[current], !settled.contains(next) {
                if onPath.contains(next) {
                    let loop = path[path.firstIndex(of: next)!...] + [next]
                    throw ImportError(
                        file: file, line: lines[next], field: "new_code",
                        expected: "codes that end somewhere; \(loop.joined(separator: " → ")) is a loop")
                }
                path.append(next)
                onPath.insert(next)
                current = next
            }
            settled.formUnion(path)
        }
    }

    /// The old codes of the map that `isStored` says the territory still holds as zones.
    ///
    /// Merging a file's rows into the new code while the old code is still a zone would count
    /// its people twice: importers refuse that rather than do both.
    public func storedOldCodes(_ isStored: (String) throws -> Bool) rethrows -> [String] {
        try oldCodes.filter { resolve($0) != $0 }.filter(isStored)
    }

    /// The ImportError for old codes still held as zones.
    public func doubleCountError(_ stored: [String]) -> ImportError {
        ImportError(
            file: path, field: "old_code",
            expected: "old codes the territory does not hold as zones; it still has \(stored.count) of them as zones "
                + "(\(stored.prefix(5).map { "\($0) → \(resolve($0))" }.joined(separator: ", "))\(stored.count > 5 ? ", …" : "")), "
                + "so merging them into the new codes would count their people twice; import into a territory without them, or without the code map"
        )
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
