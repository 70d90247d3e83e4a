import Foundation

/// The shard files a merge reads: a file as given, or a folder's shard files in name order.
///
/// A folder of sensitivity shards (`sensitivity-shard-I-of-N.json`) merges like one of
/// comparison shards (`shard-*.json`); when it holds both, the sensitivity shards are taken.
public enum ShardFolder {
    /// The shard files `path` names: itself when it is a file, else the shard files it holds.
    ///
    /// - Throws: ``ScenarioError`` in the missing-input category when `path` does not exist or
    ///   holds no shard file.
    public static func files(at path: String) throws -> [String] {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
            throw ScenarioError(file: path, reason: "does not exist", isMissingInput: true)
        }
        guard isFolder.boolValue else { return [path] }
        let all = try FileManager.default.contentsOfDirectory(atPath: path)
        let sensitivity = all.filter(SensitivityShard.isShardFile).sorted()
        let names =
            sensitivity.isEmpty ? all.filter { $0.hasPrefix("shard-") && $0.hasSuffix(".json") }.sorted() : sensitivity
        guard !names.isEmpty else {
            throw ScenarioError(file: path, reason: "holds no shard-*.json file", isMissingInput: true)
        }
        return names.map { URL(fileURLWithPath: path).appendingPathComponent($0).path }
    }
}
