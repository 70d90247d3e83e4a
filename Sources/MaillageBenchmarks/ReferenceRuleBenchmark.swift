import ArgumentParser
import Foundation
import MaillageCore

/// The reference rule of issue 5, to set against the same rule written with Mesa
/// (`scripts/bench/mesa_reference_rule.py`, run side by side by `scripts/bench-simulate.sh`).
///
/// 100,000 patients around 50 zone centres in a 100 × 100 km square, 200 GPs with 6
/// consultations a day; each day each patient, with probability 0.01, visits the nearest GP
/// with a slot left, else the next nearest; 365 days. Patients of a zone share its GP order
/// (nearest first), as in both implementations; every patient is visited every day, in id order.
struct ReferenceRuleBenchmark: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reference-rule",
        abstract: "The Mesa reference rule (100,000 patients, 200 GPs, 365 days), day-stepped like Mesa."
    )

    @Option var patients = 100_000
    @Option var zones = 50
    @Option var gps = 200
    @Option var slots = 6
    @Option var probability = 0.01
    @Option var days = 365
    @Option var seed: UInt64 = 1
    @Option(help: "Write the instance (zone centres, GPs, each patient's zone) as JSON for the Mesa run.")
    var instanceOut: String?
    @Option(
        help:
            "'calendar' (each patient's next visit day drawn ahead, only visitors touched) or 'day-stepped' (every patient every day, as Mesa)."
    )
    var mode = "calendar"

    func validate() throws {
        guard mode == "calendar" || mode == "day-stepped" else {
            throw ValidationError("--mode must be calendar or day-stepped.")
        }
        guard (0..<1).contains(probability), probability > 0 else {
            throw ValidationError("--probability must be in (0, 1).")
        }
    }

    func run() throws {
        var rng = SplitMix64(seed: seed, stream: 7)
        let centres = (0..<zones).map { _ in (rng.nextUnit() * 100, rng.nextUnit() * 100) }
        let sites = (0..<gps).map { _ in (rng.nextUnit() * 100, rng.nextUnit() * 100) }
        let patientZone = (0..<patients).map { _ in Int(rng.next() % UInt64(zones)) }
        let order = centres.map { centre in
            sites.indices.sorted {
                let a = hypot(sites[$0].0 - centre.0, sites[$0].1 - centre.1)
                let b = hypot(sites[$1].0 - centre.0, sites[$1].1 - centre.1)
                return a != b ? a < b : $0 < $1
            }
        }
        if let instanceOut {
            let object: [String: Any] = [
                "gp_order": order, "patient_zones": patientZone, "slots": slots, "probability": probability,
                "days": days,
            ]
            try JSONSerialization.data(withJSONObject: object).write(to: URL(fileURLWithPath: instanceOut))
        }
        // Option values copied into locals: reading a property wrapper in the inner loop costs more than the rule.
        let patients = patients
        let days = days
        let gps = gps
        let slots = slots
        let probability = probability
        let flatOrder = order.flatMap { $0.map(Int32.init) }
        let zoneOf = patientZone.map(Int32.init)
        let key = SplitMix64.mix(seed)
        let clock = ContinuousClock()
        let start = clock.now
        var visits = 0
        var unmet = 0
        var left = [Int32](repeating: 0, count: gps)
        func serve(_ patient: Int) {
            let base = Int(zoneOf[patient]) * gps
            for rank in 0..<gps {
                let gp = Int(flatOrder[base + rank])
                if left[gp] > 0 {
                    left[gp] -= 1
                    visits += 1
                    return
                }
            }
            unmet += 1
        }
        if mode == "calendar" {
            // A Bernoulli(p) trial each day is a geometric gap between visit days: draw the gap.
            let logMiss = log1p(-probability)
            var calendar = [[Int32]](repeating: [], count: days)
            var counter = [UInt32](repeating: 0, count: patients)
            func nextDay(_ patient: Int, after day: Int) -> Int {
                let u =
                    Double(SplitMix64.mix(SplitMix64.mix(key ^ UInt64(patient)) &+ UInt64(counter[patient])) >> 11)
                    * 0x1.0p-53
                counter[patient] &+= 1
                return day + Int(log1p(-u) / logMiss)
            }
            for patient in 0..<patients {
                let first = nextDay(patient, after: 0)
                if first < days { calendar[first].append(Int32(patient)) }
            }
            for day in 0..<days {
                for gp in 0..<gps { left[gp] = Int32(slots) }
                calendar[day].sort()  // patients act in id order, as in Mesa
                for patient32 in calendar[day] {
                    let patient = Int(patient32)
                    serve(patient)
                    let next = nextDay(patient, after: day + 1)
                    if next < days { calendar[next].append(patient32) }
                }
                calendar[day] = []
            }
        } else {
            for day in 0..<days {
                for gp in 0..<gps { left[gp] = Int32(slots) }
                let dayKey = SplitMix64.mix(key ^ UInt64(day))
                for patient in 0..<patients {
                    let u = Double(SplitMix64.mix(dayKey &+ UInt64(patient)) >> 11) * 0x1.0p-53
                    if u < probability { serve(patient) }
                }
            }
        }
        report(start: start, clock: clock, visits: visits, unmet: unmet)
    }

    private func report(start: ContinuousClock.Instant, clock: ContinuousClock, visits: Int, unmet: Int) {
        let elapsed = clock.now - start
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        let steps = Double(patients * days)
        print(
            String(
                format: "maillage reference rule (\(mode)): %.3f s, %d visits, %d unmet, %.3e agent-days/s", seconds,
                visits, unmet, steps / seconds))
    }
}
