import Foundation
import MaillageCore

extension StraightLineModel {
    /// The model tabulated for bulk use: no exponential per pair.
    ///
    /// `km / speed(km)` is smooth, so linear interpolation on a 25 m grid reproduces it to
    /// better than 1e-8 minutes; a pair costs a multiply-add and a table read instead of an
    /// `exp`, which profiling showed was a third of the pair search.
    public struct Table: Sendable {
        @usableFromInline let model: StraightLineModel
        @usableFromInline let step = 25.0
        @usableFromInline let hoursPerMetre: [Double]
        /// 2 / (f_origin + f_destination) for density levels 0 (unknown) to 4.
        @usableFromInline let inverseFactor: [Double]

        /// Tabulates `model` for distances up to `metres`; longer ones are not asked of it.
        public init(_ model: StraightLineModel, upTo metres: Double) {
            self.model = model
            let count = Int(metres / step) + 2
            hoursPerMetre = (0..<count).map { index in
                let km = Double(index) * 25 / 1000
                let speed = model.farSpeed - (model.farSpeed - model.nearSpeed) * exp(-km / model.speedScaleKm)
                return km / speed
            }
            let factors = [1.0] + model.densityFactors
            inverseFactor = (0..<25).map { 2 / (factors[$0 / 5] + factors[$0 % 5]) }
        }

        /// Minutes for a distance between places of density levels `origin` and
        /// `destination` (0 when unknown, else 1–4).
        @inlinable
        public func minutes(metres: Double, origin: Int, destination: Int) -> Double {
            let position = metres / step
            let index = Int(position)
            guard index + 1 < hoursPerMetre.count else {
                return model.minutes(
                    metres: metres, from: DensityClass(rawValue: origin), to: DensityClass(rawValue: destination))
            }
            let fraction = position - Double(index)
            let hours = hoursPerMetre[index] + (hoursPerMetre[index + 1] - hoursPerMetre[index]) * fraction
            return model.accessMinutes + model.detour * hours * 60 * inverseFactor[origin * 5 + destination]
        }
    }
}
