import MaillageAccess
import MaillageCore

extension IndicatorSpec {
    /// The accessibility request this indicator stands for, on the straight-line model.
    func request() throws -> AccessRequest {
        func fail(_ reason: String) -> ScenarioError { ScenarioError(file: file, line: line, key: "indicators", reason: reason) }
        func number(_ key: String) throws -> Double? {
            guard let text = options[key] else { return nil }
            guard let value = Double(text), value.isFinite, value > 0 else { throw fail("\(key) must be a number > 0, not '\(text)'") }
            return value
        }
        do {
            let kinds = Set(try (options["kind"] ?? "").split(separator: ",").map { try ActorKind.parse(String($0)) })
            let services = Set((options["service"] ?? "").split(separator: ",").map { String($0).lowercased() })
            let limit = try number("limit")
            let decay = try options["decay"].map(DistanceDecay.parse)
            let method: AccessMethod
            switch self.method {
            case "nearest": method = .nearest
            case "coverage":
                guard let limit else { throw fail("coverage needs a limit in minutes") }
                method = .coverage(threshold: limit)
            case "2sfca": method = .catchment(FloatingCatchment(decay: decay ?? .uniform, limit: limit ?? 30))
            case "e2sfca": method = .catchment(FloatingCatchment(decay: decay ?? .pysalDefaultSteps, limit: limit))
            case "3sfca": method = .catchment(FloatingCatchment(decay: decay ?? .pysalDefaultSteps, limit: limit, threeStage: true))
            default: method = .gravity(GravityModel(scale: 60, alpha: -1, minimumMinutes: 1, limit: limit ?? 60))
            }
            let demand = try options["demand"].map(AccessRequest.Demand.parse) ?? .population
            return AccessRequest(
                method: method, kinds: kinds, services: services,
                capacity: try options["capacity"].map { try CapacityMeasure.parse($0) }, demand: demand,
                travel: .line(.calibrated, limit: limit ?? 60), per: try number("per"), normalize: options["normalize"] == "true"
            )
        } catch let error as ValidationError {
            throw fail(error.description)
        } catch let error as AccessError {
            throw fail(error.description)
        }
    }
}
