import Foundation
import MaillageCore

/// Refuses a simulation whose agents cannot fit in memory, before allocating them.
///
/// A population of 1e12 used to make `simulate` abort trying to allocate 4 TB. Each agent
/// costs ``bytesPerAgent`` in every replication running at once (`Replication`'s per-agent
/// arrays: zone 4, band 1, chronic 1, GP rank 1, draw counter 4, open discharge 4,
/// histogram 8, visit meta 4, and the 4-byte shuffle order while attaching to GPs).
enum MemoryBudget {
    static let bytesPerAgent = 31
    /// The share of physical memory a run may take for its agents.
    static let usableShare = 0.8

    static func check(territory: Territory, sample: Double, concurrent: Int) throws {
        let inhabitants = territory.zones.reduce(0.0) { $0 + $1.population.total }
        let agents = inhabitants * sample
        let needed = agents * Double(bytesPerAgent) * Double(max(1, concurrent))
        let available = Double(ProcessInfo.processInfo.physicalMemory) * usableShare
        guard needed.isFinite, needed <= available, agents < Double(UInt32.max) else {
            throw SimulationError.unusableTerritory(
                "\(figure(agents)) agents × \(concurrent) replication(s) at once need about \(bytes(needed)) of memory, "
                    + "more than the \(bytes(available)) this machine can give (80 % of \(bytes(Double(ProcessInfo.processInfo.physicalMemory)))); "
                    + "simulate a sample (a fraction such as 0.1), fewer replications at once (one thread), or check the populations"
            )
        }
    }

    static func figure(_ value: Double) -> String {
        value < 1e15 ? String(Int64(value.rounded())) : String(format: "%.3g", value)
    }

    static func bytes(_ value: Double) -> String {
        guard value.isFinite else { return "\(value) bytes" }
        let units = ["bytes", "KB", "MB", "GB", "TB", "PB", "EB"]
        var amount = value
        var unit = 0
        while amount >= 1000, unit < units.count - 1 {
            amount /= 1000
            unit += 1
        }
        return unit == 0 ? "\(Int(amount)) bytes" : String(format: "%.1f", amount) + " " + units[unit]
    }
}
