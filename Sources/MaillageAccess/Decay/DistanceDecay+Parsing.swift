extension DistanceDecay {
    /// Reads a decay as written on the command line: `step:10:1,20:0.68,30:0.22`,
    /// `exponential:0.12`, `gaussian:20`, `linear` or `uniform`.
    public static func parse(_ text: String) throws -> DistanceDecay {
        let parts = text.split(separator: ":", maxSplits: 1).map(String.init)
        let argument = parts.count > 1 ? parts[1] : ""
        func number(_ s: String) throws -> Double {
            guard let value = Double(s), value.isFinite else {
                throw AccessError.invalidParameter("'\(s)' in decay '\(text)' is not a number")
            }
            return value
        }
        switch parts.first?.lowercased() {
        case "uniform":
            return .uniform
        case "step", "steps":
            let steps = try argument.split(separator: ",").map { pair -> Step in
                let bound = pair.split(separator: ":").map(String.init)
                guard bound.count == 2 else {
                    throw AccessError.invalidParameter("a step is MINUTES:WEIGHT, such as 10:1, not '\(pair)'")
                }
                return Step(upTo: try number(bound[0]), weight: try number(bound[1]))
            }
            return .steps(steps)
        case "exponential", "exp":
            return .exponential(beta: try number(argument))
        case "gaussian":
            return .gaussian(sigma: try number(argument))
        case "linear":
            return .linear
        default:
            throw AccessError.invalidParameter(
                "'\(text)' is not a decay; expected step:10:1,20:0.68,30:0.22, exponential:0.12, gaussian:20, linear or uniform"
            )
        }
    }
}
