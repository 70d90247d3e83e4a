import Foundation

/// The committed fuzzing corpus, `Tests/FuzzCorpus/<format>`: hand-written seeds and every
/// input that once crashed a fuzz target (`scripts/fuzz.sh`), replayed by the Swift tests.
public enum FuzzCorpus {
    /// `Tests/FuzzCorpus`, found from this file's place in the package.
    public static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("FuzzCorpus")

    /// The names of a format's inputs, sorted (empty when the folder is missing).
    public static func inputs(_ format: String) -> [String] {
        let names =
            (try? FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent(format).path)) ?? []
        return names.filter { !$0.hasPrefix(".") }.sorted()
    }

    /// The format folders (every folder but `territory`), sorted.
    public static func formats() -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: root.path)) ?? []
        return names.filter { name in
            var isFolder: ObjCBool = false
            let exists = FileManager.default.fileExists(
                atPath: root.appendingPathComponent(name).path, isDirectory: &isFolder)
            return exists && isFolder.boolValue && !name.hasPrefix(".") && name != "territory"
        }.sorted()
    }

    /// The inputs of several formats as `format/name`, for a parameterized test over all of them.
    public static func entries(_ formats: [String]) -> [String] {
        formats.flatMap { format in inputs(format).map { "\(format)/\($0)" } }
    }

    /// The path of one input.
    public static func path(_ format: String, _ name: String) -> String {
        root.appendingPathComponent(format).appendingPathComponent(name).path
    }

    /// The path of an input named `format/name` (see ``entries(_:)``).
    public static func path(_ entry: String) -> String {
        root.appendingPathComponent(entry).path
    }

    /// The format and the file name of an input named `format/name`.
    public static func split(_ entry: String) -> (format: String, name: String) {
        let parts = entry.split(separator: "/", maxSplits: 1).map(String.init)
        return (parts.first ?? "", parts.count == 2 ? parts[1] : "")
    }

    /// The folder of the small territory the importers write into.
    public static var territory: URL { root.appendingPathComponent("territory") }
}
