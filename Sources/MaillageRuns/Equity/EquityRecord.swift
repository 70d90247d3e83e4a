import Foundation
import MaillageAccess
import MaillageFormats

/// The JSON file of an equity analysis: which run and column, every measure, and the LISA cluster counts.
///
/// Keys are written in snake case from the report's own coding keys (`cluster_counts`, `theil`…);
/// non-finite numbers are written as the strings `NaN`, `Infinity` and `-Infinity`.
public struct EquityRecord: Encodable {
    /// The indicator run analysed.
    public let run: Int64
    /// The run's method.
    public let method: String
    /// The value column analysed.
    public let column: String
    /// The measures, their changes against another run, the Lorenz curve and the local Moran of each zone.
    public let equity: EquityReport
    /// How many zones fall in each LISA cluster.
    public let clusterCounts: [String: Int]

    /// The record of `report`, computed on `column` of run `run` (method `method`).
    public init(run: Int64, method: String, column: String, equity: EquityReport) {
        self.run = run
        self.method = method
        self.column = column
        self.equity = equity
        clusterCounts = equity.clusterCounts
    }

    /// The file's text: pretty-printed, sorted keys, slashes unescaped, a final newline.
    public func text() throws -> String {
        let encoder = JSONText.encoder(pretty: true, keys: .snakeCase, nonFinite: .javaScript)
        return String(decoding: try encoder.encode(self), as: UTF8.self) + "\n"
    }
}
