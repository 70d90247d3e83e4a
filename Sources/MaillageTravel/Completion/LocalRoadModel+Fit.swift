import Foundation
import MaillageCore
import MaillageStore

extension LocalRoadModel {
    /// A trip to fit on: its two ends, where they are, and its road time.
    public struct Trip: Sendable {
        /// Where it starts.
        public let origin: TravelEndpoint
        /// Where it starts, in WGS84.
        public let originPoint: GeoPoint
        /// Where it ends.
        public let destination: TravelEndpoint
        /// Where it ends, in WGS84.
        public let destinationPoint: GeoPoint
        /// The road time, minutes.
        public let minutes: Double

        /// A trip from its ends and time.
        public init(
            origin: TravelEndpoint, originPoint: GeoPoint, destination: TravelEndpoint, destinationPoint: GeoPoint,
            minutes: Double
        ) {
            self.origin = origin
            self.originPoint = originPoint
            self.destination = destination
            self.destinationPoint = destinationPoint
            self.minutes = minutes
        }
    }

    /// Fits the model on `trips` (at least one): the least squares of the terms and curve,
    /// with each place pulled towards its real point and no offset, by Adam's gradient steps
    /// from the places' real points; then the residual kernel over the same trips.
    ///
    /// Deterministic: no random start, and every sum runs in the trips' order.
    public static func fit(_ trips: [Trip], settings: LocalRoadSettings = .init()) -> LocalRoadModel {
        var index: [TravelEndpoint: Int] = [:]
        var points: [GeoPoint] = []
        for trip in trips {
            for (endpoint, point) in [(trip.origin, trip.originPoint), (trip.destination, trip.destinationPoint)]
            where index[endpoint] == nil {
                index[endpoint] = points.count
                points.append(point)
            }
        }
        let frame = LocalPlane(around: points)
        let home = points.map(frame.km)
        let from = trips.map { index[$0.origin]! }
        let to = trips.map { index[$0.destination]! }
        var state = _LocalRoadFit(home: home, from: from, to: to, minutes: trips.map(\.minutes), settings: settings)
        state.run()
        let terms = home.indices.map {
            Terms(home: home[$0], learnt: state.learnt[$0], leaving: state.leaving[$0], arriving: state.arriving[$0])
        }
        var model = LocalRoadModel(
            frame: frame, settings: settings, places: index.mapValues { terms[$0] }, known: terms,
            curve: state.curve, residuals: ResidualKernel(trips: [], bandwidthKm: settings.bandwidthKm, shrink: 1))
        let left = trips.indices.map { trip in
            ResidualKernel.Trip(
                start: home[from[trip]], end: home[to[trip]],
                residual: trips[trip].minutes - model.fitted(from: terms[from[trip]], to: terms[to[trip]]))
        }
        model.residuals = ResidualKernel(
            trips: left, bandwidthKm: settings.bandwidthKm, shrink: settings.residualShrink)
        return model
    }
}

/// The fit's parameters and Adam's moments: internal to ``LocalRoadModel/fit(_:settings:)``.
struct _LocalRoadFit {
    let home: [SIMD2<Double>]
    let from: [Int]
    let to: [Int]
    let minutes: [Double]
    let settings: LocalRoadSettings
    var learnt: [SIMD2<Double>]
    var leaving: [Double]
    var arriving: [Double]
    var curve = SIMD3<Double>(0, 1, 0)
    private var moments: Moments

    /// Adam's running means of the gradients and of their squares, per parameter.
    struct Moments {
        var learnt: ([SIMD2<Double>], [SIMD2<Double>])
        var leaving: ([Double], [Double])
        var arriving: ([Double], [Double])
        var curve = (SIMD3<Double>(repeating: 0), SIMD3<Double>(repeating: 0))
    }

    init(home: [SIMD2<Double>], from: [Int], to: [Int], minutes: [Double], settings: LocalRoadSettings) {
        (self.home, self.from, self.to, self.minutes, self.settings) = (home, from, to, minutes, settings)
        learnt = home
        leaving = Array(repeating: 0, count: home.count)
        arriving = leaving
        let zero2 = [SIMD2<Double>](repeating: .zero, count: home.count)
        moments = Moments(learnt: (zero2, zero2), leaving: (leaving, leaving), arriving: (leaving, leaving))
    }

    mutating func run() {
        for step in 1...max(settings.steps, 1) { self.step(step) }
    }

    /// One gradient step of the mean squared error plus the pulls.
    private mutating func step(_ step: Int) {
        let count = Double(minutes.count)
        let places = Double(home.count)
        var gLearnt = [SIMD2<Double>](repeating: .zero, count: home.count)
        var gLeaving = [Double](repeating: 0, count: home.count)
        var gArriving = gLeaving
        var gCurve = SIMD3<Double>(repeating: 0)
        for trip in minutes.indices {
            let (i, j) = (from[trip], to[trip])
            let gap = learnt[i] - learnt[j]
            let km = ((gap * gap).sum() + LocalRoadSettings.softening).squareRoot()
            let root = km.squareRoot()
            let predicted = curve.x + curve.y * km + curve.z * root + leaving[i] + arriving[j]
            let g = 2 * (predicted - minutes[trip]) / count
            gCurve += g * SIMD3(1, km, root)
            let along = g * (curve.y + curve.z * 0.5 / root) / km * gap
            gLearnt[i] += along
            gLearnt[j] -= along
            gLeaving[i] += g
            gArriving[j] += g
        }
        for place in home.indices {
            gLearnt[place] += 2 * settings.positionPull * (learnt[place] - home[place]) / places
            gLeaving[place] += 2 * settings.offsetPull * leaving[place] / places
            gArriving[place] += 2 * settings.offsetPull * arriving[place] / places
        }
        let rate = settings.rate * pow(0.5, Double(step) / 1000)
        let adam = _Adam(step: step, rate: rate)
        for place in home.indices {
            adam.update(&learnt[place], gLearnt[place], &moments.learnt.0[place], &moments.learnt.1[place])
            adam.update(&leaving[place], gLeaving[place], &moments.leaving.0[place], &moments.leaving.1[place])
            adam.update(&arriving[place], gArriving[place], &moments.arriving.0[place], &moments.arriving.1[place])
        }
        adam.update(&curve, gCurve, &moments.curve.0, &moments.curve.1)
    }
}

/// Adam's update (β₁ 0.9, β₂ 0.999, ε 10⁻⁸) at one step, for scalars and small vectors.
struct _Adam {
    let step: Int
    let rate: Double

    func update(_ value: inout Double, _ gradient: Double, _ mean: inout Double, _ square: inout Double) {
        mean = 0.9 * mean + 0.1 * gradient
        square = 0.999 * square + 0.001 * gradient * gradient
        let m = mean / (1 - pow(0.9, Double(step)))
        let v = square / (1 - pow(0.999, Double(step)))
        value -= rate * m / (v.squareRoot() + 1e-8)
    }

    func update<V: SIMD>(_ value: inout V, _ gradient: V, _ mean: inout V, _ square: inout V)
    where V.Scalar == Double {
        for lane in value.indices {
            update(&value[lane], gradient[lane], &mean[lane], &square[lane])
        }
    }
}
