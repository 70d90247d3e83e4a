import MaillageAccess
import MaillageRuns

extension AccessOptions {
    /// The sites and travel every study records.
    var recorded: StudyParameters {
        StudyParameters(kind: kind, service: service ?? "", travel: travel.rawValue, matrix: matrix ?? "")
    }

    /// Runs the study through the library and prints what it says: the command's one call.
    func runStudy(
        _ request: AccessRequest, parameters: StudyParameters, input: StudyInput, global: GlobalOptions
    ) throws {
        let outcome = try StudyRunner.run(
            request, parameters: parameters, input: input, out: out,
            delimiter: delimiter.unicodeScalars.first!, log: global.log)
        outcome.print(out: out, json: json, global: global)
    }
}

extension SupplyDemandOptions {
    /// Records capacity, demand, per and normalize into `parameters`.
    func record(into parameters: inout StudyParameters) {
        parameters.setSupply(capacity: capacity?.rawValue, demand: demand, per: per, normalize: normalize)
    }
}

extension StudyRunner.Outcome {
    /// The JSON summary, or a status line and the coverage sentence.
    func print(out: String, json: Bool, global: GlobalOptions) {
        if json {
            Swift.print(RunJSON.pretty(summary))
        } else {
            let run = runID.map { " (run \($0))" } ?? ""
            let counts = "\(result.zoneIDs.count) zones, \(result.siteIDs.count) sites"
            global.status("\(result.method): \(counts) → \(out)\(run)")
            if !text.isEmpty { Swift.print(text) }
        }
    }
}
