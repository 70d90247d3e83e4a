/// The fixed settings of ``LocalRoadModel``'s fit.
///
/// Chosen by five-fold cross-validation on the training 10 % of two Corrèze splits (seeds 1
/// and 2; both chose the same values), never on the split the test measures (seed 13):
/// `scripts/calibration/correze_local_model.py`.
public struct LocalRoadSettings: Sendable, Hashable {
    /// How strongly a place's learnt point is pulled towards its real one.
    public var positionPull = 1.0
    /// How strongly a place's leaving and arriving minutes are pulled towards none.
    public var offsetPull = 1.0
    /// The reach of the residual smoothing and of the terms' interpolation, km.
    public var bandwidthKm = 4.0
    /// Added to the residual kernel's weights: where few trips are near, the correction fades.
    public var residualShrink = 0.02
    /// Added to the interpolation's weights for a place the fit did not see (an assumption:
    /// the Corrèze matrix has no such place to judge it on).
    public var termShrink = 0.5
    /// Gradient steps of the fit.
    public var steps = 3000
    /// The first step's size; it halves every thousand steps.
    public var rate = 0.05

    /// Squared km added under a learnt distance's root, so that it stays smooth near zero.
    static let softening = 0.25

    /// The settings cross-validation chose.
    public init() {}
}
