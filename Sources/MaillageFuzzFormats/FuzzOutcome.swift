import MaillageCore
import MaillageIO
import MaillageScenario
import MaillageSim

/// What a reader made of an input it accepted, for the replay tests to check further.
///
/// The fuzz targets ignore it: for them only a crash is a finding.
public enum FuzzOutcome: Sendable {
    /// An importer's summary (the territory formats).
    case imported(ImportReport)
    /// The scenarios of a scenario file.
    case scenarios([Scenario])
    /// A simulation parameter file, every value resolved.
    case parameters(SimulationParameters)
    /// A simulation event file, its days counted from ``FuzzFormat/eventStartDay``.
    case events([SimulationEvent])
    /// The entries a matrix file gave, the same by every read (``FuzzFormat/matrixRead``).
    case matrixEntries([MatrixEntry])
    /// A comparison shard's header and the jobs of its lines, in file order (``FuzzFormat/comparisonShard``).
    case shard(ComparisonShardHeader, jobs: [ComparisonJob])
}
