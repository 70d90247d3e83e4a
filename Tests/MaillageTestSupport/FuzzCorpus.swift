import Foundation

/// The committed fuzzing corpus, `Tests/FuzzCorpus/<format>`: hand-written seeds and every
/// input that once crashed a fuzz target (`scripts/fuzz.sh`), replayed by the Swift tests.
public enum FuzzCorpus {
    /// `Tests/FuzzCorpus`, found from this file's place in the package.
    public static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("FuzzCorpus")

    /// The names of a format's inputs, sorted (empty when the folder is missing).
    public static func inputs(_ format: String) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent(format).path)) ?? []
        return names.filter { !$0.hasPrefix(".") }.sorted()
    }

    /// The path of one input.
    public static func path(_ format: String, _ name: String) -> String {
        root.appendingPathComponent(format).appendingPathComponent(name).path
    }

    /// The small territory the importers write into (`territory/zones.csv`, `territory/actors.csv`).
    public static func territoryFile(_ name: String) -> String {
        root.appendingPathComponent("territory").appendingPathComponent(name).path
    }
}
