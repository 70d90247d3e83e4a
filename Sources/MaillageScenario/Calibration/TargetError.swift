import Foundation

/// How a calibration target's miss counts in the objective.
public enum TargetError: String, Sendable, Equatable, Codable, CaseIterable {
    /// `((simulated − observed) / observed)²`: a total or a share, near its observed value.
    case relative
    /// `ln(simulated / observed)²`: counts that may be off by a factor, where twice and half
    /// the observed count are equally wrong (the relative error caps a shortfall at 1 and
    /// lets a surplus grow without bound, so one over-predicted site outweighs many short ones).
    case log

    /// The term of a simulated value against a positive observed one (infinite when undefined).
    func term(simulated: Double, observed: Double) -> Double {
        switch self {
        case .relative:
            let error = (simulated - observed) / observed
            return error * error
        case .log:
            guard simulated > 0, observed > 0 else { return .infinity }
            let error = Foundation.log(simulated / observed)
            return error * error
        }
    }
}
