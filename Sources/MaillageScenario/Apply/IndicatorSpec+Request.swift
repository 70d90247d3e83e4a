import MaillageAccess
import MaillageCore

extension IndicatorSpec {
    /// An option of an indicator whose value does not read, by its key.
    struct OptionProblem: Error {
        /// The option's key (`limit`), or nil when the problem is the indicator as a whole.
        var key: String?
        var reason: String
    }

    /// The accessibility request this indicator stands for, on the straight-line model.
    func request() throws -> AccessRequest {
        do {
            return try readRequest()
        } catch let problem as OptionProblem {
            throw ScenarioError(file: file, line: line, key: "indicators", reason: problem.reason)
        }
    }

    /// The request, or the first option whose value does not read.
    func readRequest() throws -> AccessRequest {
        func reading<T>(_ key: String, _ read: (String) throws -> T) throws -> T? {
            guard let text = options[key] else { return nil }
            do { return try read(text) } catch let error as ValidationError {
                throw OptionProblem(key: key, reason: error.reason)
            } catch let error as AccessError {
                throw OptionProblem(key: key, reason: error.description)
            }
        }
        func number(_ key: String) throws -> Double? {
            try reading(key) { text in
                guard let value = Double(text), value.isFinite, value > 0 else {
                    throw OptionProblem(key: key, reason: "\(key) must be a number > 0, not '\(text)'")
                }
                return value
            }
        }
        let kinds = try reading("kind") { text in
            Set(try text.split(separator: ",").map { try ActorKind.parse(String($0)) })
        }
        let services = Set((options["service"] ?? "").split(separator: ",").map { String($0).lowercased() })
        let limit = try number("limit")
        let minimumMinutes = try reading("minimum_minutes") { text in
            guard let value = Double(text), value.isFinite, value >= 0 else {
                throw OptionProblem(
                    key: "minimum_minutes", reason: "minimum_minutes must be a number ≥ 0, not '\(text)'")
            }
            return value
        }
        let accessMethod: AccessMethod
        do {
            accessMethod = try method.method(limit: limit, decay: options["decay"], minimumMinutes: minimumMinutes)
        } catch let error as AccessError {
            throw OptionProblem(key: method == .coverage ? "limit" : "decay", reason: error.description)
        }
        let normalize = try reading("normalize") { text in
            switch text.lowercased() {
            case "true", "yes": true
            case "false", "no": false
            default: throw OptionProblem(key: "normalize", reason: "normalize is true or false, not '\(text)'")
            }
        }
        return AccessRequest(
            method: accessMethod, kinds: kinds ?? [], services: services,
            capacity: try reading("capacity") { try CapacityMeasure.parse($0) },
            demand: try reading("demand", AccessRequest.Demand.parse) ?? .population,
            travel: .line(.calibrated, limit: limit ?? 60), per: try number("per"), normalize: normalize ?? false
        )
    }
}
