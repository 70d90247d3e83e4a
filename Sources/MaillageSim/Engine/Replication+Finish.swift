extension Replication {
    /// Continuity indices per patient and the windowed discharge indicators, added to the tallies.
    mutating func finish() -> ReplicationResult {
        let minimum = c.p.indicators.continuityMinimumVisits
        for agent in 0..<zone.count where visitMeta[agent] != 0 {
            let meta = visitMeta[agent]
            let zoneIndex = Int(zone[agent])
            let n = Int(meta & 0xFF)
            guard n >= minimum else {
                count(.continuityLeftOut, zone: zoneIndex)
                continue
            }
            // Visits beyond four distinct providers count as one provider each.
            let overflow = Int(meta >> 24)
            var k = overflow, squares = overflow, largest = overflow > 0 ? 1 : 0
            let bins = histogram[agent]
            for bin in 0..<4 {
                let visits = Int((bins >> UInt64(bin * 16 + 8)) & 0xFF)
                guard visits > 0 else { continue }
                k += 1
                squares += visits * visits
                largest = max(largest, visits)
            }
            guard let indices = ContinuityIndices(visits: n, providers: k, sumOfSquares: squares, largest: largest,
                                                  sameConsecutive: Int((meta >> 8) & 0xFF)) else { continue }
            count(.continuityPatients, zone: zoneIndex)
            count(.upcSum, zone: zoneIndex, indices.upc)
            count(.hhiSum, zone: zoneIndex, indices.hhi)
            count(.mmciSum, zone: zoneIndex, indices.mmci)
            if let coc = indices.coc, let secon = indices.secon {
                count(.cocPatients, zone: zoneIndex)
                count(.cocSum, zone: zoneIndex, coc)
                count(.seconSum, zone: zoneIndex, secon)
            }
        }
        // Censoring: a windowed indicator counts only discharges whose whole window is inside the horizon.
        let lastDay = totalDays - 1
        for record in dischargeAgent.indices {
            let day = Int(dischargeDay[record])
            guard day >= warm else { continue }
            let zoneIndex = Int(zone[Int(dischargeAgent[record])])
            let followUp = Int(dischargeFollowUp[record])
            if day + 7 <= lastDay {
                count(.discharges7Counted, zone: zoneIndex)
                if followUp >= 0, followUp - day <= 7 { count(.followedUp7, zone: zoneIndex) }
            }
            if day + 30 <= lastDay {
                count(.discharges30Counted, zone: zoneIndex)
                if followUp >= 0, followUp - day <= 30 { count(.followedUp30, zone: zoneIndex) }
                if dischargeReadmitted[record] { count(.readmitted30, zone: zoneIndex) }
            }
        }
        if net.sample < 1 {
            // Each simulated inhabitant stands for 1 / sample people: counts are weighted back, ratios unchanged.
            let weight = 1 / net.sample
            tally = tally.map { $0 * weight }
            actorContacts = actorContacts.map { $0 * weight }
            actorCapacityDays = actorCapacityDays.map { $0 * weight }
            actorUsedDays = actorUsedDays.map { $0 * weight }
            actorPressure = actorPressure.map { $0 * weight }
            series = series.map { $0 * weight }
        }
        return ReplicationResult(
            zoneTally: tally, actorContacts: actorContacts, actorCapacityDays: actorCapacityDays,
            actorUsedDays: actorUsedDays, actorPressure: actorPressure, series: series, agents: zone.count, events: eventCount,
            log: eventLog?.rows(zone: zone)
        )
    }
}
