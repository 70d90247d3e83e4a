import Testing

@testable import MaillageScenario

/// The rule of every shard corpus (comparison, calibration, sensitivity): `broken-` and `crash-`
/// inputs are refused, `seed-` inputs read, and a refusal names the file that was read.
func expectShardCorpusRule<Value>(
    _ name: String, file: String, _ outcome: Result<Value, ScenarioError>,
    sourceLocation: SourceLocation = #_sourceLocation
) {
    switch outcome {
    case .success:
        #expect(
            !name.hasPrefix("broken-") && !name.hasPrefix("crash-"), "\(name) was read", sourceLocation: sourceLocation)
    case .failure(let error):
        #expect(!name.hasPrefix("seed-"), "the seed \(name) must read: \(error)", sourceLocation: sourceLocation)
        #expect(error.file == file, "\(name): \(error)", sourceLocation: sourceLocation)
    }
}
