import Foundation
import MaillageCore
import MaillageStore

/// Road times learnt on one region's road pairs, to complete a sample of them.
///
/// A straight line misses what a region's roads do: the valley that makes two villages far
/// apart, the village a long way from the main road. This model gives each place that a road
/// pair names its own point in a learnt plane (pulled towards its real one), its own minutes
/// to leave and to arrive, and one curve of minutes over learnt kilometres; what is left is
/// corrected by the training pairs' residuals, averaged over trips whose two ends are both
/// near (a Gaussian in origin–destination space). On Corrèze, fitted on 10 % of the OSRM
/// pairs, it errs by 2.86 minutes on the other pairs within 50 km where the straight-line fit
/// errs by 5.61 (README, "Completing a road sample").
public struct LocalRoadModel: Sendable {
    /// The place of one end of a trip, as the model sees it.
    public struct Terms: Sendable {
        /// Where it is, km in the model's plane.
        let home: SIMD2<Double>
        /// Where the fit put it, km.
        let learnt: SIMD2<Double>
        /// Minutes added when a trip starts there.
        let leaving: Double
        /// Minutes added when a trip ends there.
        let arriving: Double
    }

    let frame: LocalPlane
    let settings: LocalRoadSettings
    /// The calibrated places and their terms.
    let places: [TravelEndpoint: Terms]
    /// The fitted places' terms in one list, to interpolate the terms of other places.
    let known: [Terms]
    /// `minutes = curve.0 + curve.1 · km + curve.2 · √km` over learnt km.
    let curve: SIMD3<Double>
    var residuals: ResidualKernel

    /// The model's minutes from `origin` to `destination` (at least half a minute).
    public func minutes(from origin: Terms, to destination: Terms) -> Double {
        max(0.5, fitted(from: origin, to: destination) + residuals.correction(from: origin.home, to: destination.home))
    }

    /// The distance between two places' real points, km (equirectangular).
    func straightKm(from origin: Terms, to destination: Terms) -> Double {
        let gap = origin.home - destination.home
        return (gap * gap).sum().squareRoot()
    }

    /// The fit's own minutes, before the residuals' correction.
    func fitted(from origin: Terms, to destination: Terms) -> Double {
        let gap = origin.learnt - destination.learnt
        let km = ((gap * gap).sum() + LocalRoadSettings.softening).squareRoot()
        return curve.x + curve.y * km + curve.z * km.squareRoot() + origin.leaving + destination.arriving
    }

    /// The terms of `endpoint` at `point`: its own when the fit saw it, else those of the
    /// fitted places around it, weighted by nearness and shrunk towards none where none is near.
    public func terms(of endpoint: TravelEndpoint, at point: GeoPoint) -> Terms {
        if let own = places[endpoint] { return own }
        let home = frame.km(point)
        let h2 = 2 * settings.bandwidthKm * settings.bandwidthKm
        var weight = 0.0
        var shift = SIMD2<Double>(0, 0)
        var (leaving, arriving) = (0.0, 0.0)
        for place in known {
            let d = place.home - home
            let w = exp(-(d * d).sum() / h2)
            weight += w
            shift += w * (place.learnt - place.home)
            leaving += w * place.leaving
            arriving += w * place.arriving
        }
        let scale = 1 / (weight + settings.termShrink)
        return Terms(home: home, learnt: home + scale * shift, leaving: scale * leaving, arriving: scale * arriving)
    }
}
