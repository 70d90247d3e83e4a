import Foundation

/// The shard files a merge reads: a file as given, or a folder's shard files in name order.
///
/// A folder of sensitivity shards (`sensitivity-shard-I-of-N.json`) or calibration shards
/// (`calibration-shard-I-of-N.json`) merges like one of comparison shards (`shard-*.json`);
/// when it holds several kinds, sensitivity then calibration shards are taken.
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
        let calibration = all.filter(CalibrationShard.isShardFile).sorted()
        let names =
            !sensitivity.isEmpty
            ? sensitivity
            : !calibration.isEmpty
                ? calibration : all.filter { $0.hasPrefix("shard-") && $0.hasSuffix(".json") }.sorted()
        guard !names.isEmpty else {
            throw ScenarioError(file: path, reason: "holds no shard-*.json file", isMissingInput: true)
        }
        return names.map { URL(fileURLWithPath: path).appendingPathComponent($0).path }
    }
}
