import Testing

@testable import MaillageCore

@Suite struct NelderMeadTests {
    /// Rosenbrock's valley, mapped from the unit box to [-2, 2]²: its minimum is 0 at (1, 1),
    /// which is (0.75, 0.75) in the box.
    @Test func findsRosenbrocksMinimum() {
        let search = NelderMead(maxEvaluations: 2000, valueTolerance: 1e-14, pointTolerance: 1e-9)
        let outcome = search.minimise(from: [0.2, 0.6]) { u in
            let x = -2 + 4 * u[0]
            let y = -2 + 4 * u[1]
            return 100 * (y - x * x) * (y - x * x) + (1 - x) * (1 - x)
        }
        #expect(outcome.converged)
        #expect(abs(outcome.point[0] - 0.75) < 1e-5 && abs(outcome.point[1] - 0.75) < 1e-5)
        #expect(outcome.value < 1e-9)
    }

    /// A minimum outside the box lands on its edge: (x − 1.5)² + (y − 0.3)² → (1, 0.3).
    @Test func staysInTheBox() {
        let outcome = NelderMead(maxEvaluations: 1000).minimise(from: [0.5, 0.5]) { u in
            (u[0] - 1.5) * (u[0] - 1.5) + (u[1] - 0.3) * (u[1] - 0.3)
        }
        #expect(abs(outcome.point[0] - 1) < 1e-6 && abs(outcome.point[1] - 0.3) < 1e-4)
    }

    /// The same answers replay the same path: a rerun fed cached values asks the same points.
    @Test func isDeterministic() {
        var first: [[Double]] = []
        var second: [[Double]] = []
        let search = NelderMead(maxEvaluations: 60)
        _ = search.minimise(from: [0.1, 0.9, 0.5]) { u in
            first.append(u)
            return u.enumerated().reduce(0) { $0 + Double($1.offset + 1) * ($1.element - 0.4) * ($1.element - 0.4) }
        }
        _ = search.minimise(from: [0.1, 0.9, 0.5]) { u in
            second.append(u)
            return u.enumerated().reduce(0) { $0 + Double($1.offset + 1) * ($1.element - 0.4) * ($1.element - 0.4) }
        }
        #expect(first == second && first.count >= 60)
    }
}
