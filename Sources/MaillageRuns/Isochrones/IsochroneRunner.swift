import Foundation
import MaillageAccess
import MaillageFormats
import MaillageIO

/// Computes isochrones and writes their GeoJSON: what `maillage access isochrones` runs.
public enum IsochroneRunner {
    /// What the isochrones produced, and what `--json` prints.
    public struct Outcome {
        /// The isochrones computed.
        public var result: Isochrones.Result
        /// The figures `maillage access isochrones --json` prints about the file written.
        public var summary: IsochroneSummary
    }

    /// Contours the nearest-site (or per-site) travel times of `request` and writes `out`.
    public static func run(
        _ request: AccessRequest, input: StudyInput, options: Isochrones.Options, out: String, log: RunLog = .silent
    ) throws -> Outcome {
        let clock = ContinuousClock()
        let start = clock.now
        let result = try Isochrones.compute(request, on: input.territory, options: options)
        log.detail("contoured \(result.gridNodes) grid nodes in \(clock.now - start)")
        try TextFile.write(IsochroneFile.geoJSON(result), to: out)
        for note in result.notes { log.status("note: \(note)") }
        return Outcome(
            result: result, summary: IsochroneSummary(result, out: out, gridKilometres: options.gridKilometres))
    }
}
