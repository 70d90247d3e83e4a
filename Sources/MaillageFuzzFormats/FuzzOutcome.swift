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
    /// The pairs an OSRM `/table` answer gave, in (origin, destination) order, with the pairs left out.
    case osrmTable(pairs: [RoutedPair], unroutable: Int, overLimit: Int)
    /// A calibration spec, read whole.
    case calibration(CalibrationSpec)
    /// A calibration shard and the number of distinct evaluations it holds (``FuzzFormat/calibrationShard``).
    case calibrationShard(CalibrationShard, evaluations: Int)
    /// A sensitivity shard merged alone and analysed (``FuzzFormat/sensitivityShard``).
    case sensitivityShard(SensitivityAnalysis)
    /// A sensitivity ranges file, read whole.
    case ranges(SensitivityRanges)
    /// The layers of the GeoPackage written, each as `name (fields, rows)`.
    case geopackage(layers: [String])

    /// One routed pair of an OSRM answer, by position in the block.
    public struct RoutedPair: Sendable, Equatable {
        /// The origin's and the destination's positions.
        public let origin, destination: Int
        /// Seconds, as the server gave them.
        public let seconds: Double
    }
}
