extension Replication {
    /// Continuity indices per patient and the windowed discharge indicators, added to the tallies.
    mutating func finish() -> ReplicationResult {
        let minimum = settings.indicators.continuityMinimumVisits
        for agent in 0..<agents.count where visits.hasVisits(agent) {
            let zoneIndex = Int(agents.zone[agent])
            let visited = visits.counts(agent)
            guard visited.visits >= minimum else {
                count(.continuityLeftOut, zone: zoneIndex)
                continue
            }
            guard
                let indices = ContinuityIndices(
                    visits: visited.visits, providers: visited.providers,
                    sumOfSquares: visited.sumOfSquares, largest: visited.largest,
                    sameConsecutive: visited.sameAsPrevious)
            else { continue }
            count(.continuityPatients, zone: zoneIndex)
            add(.upcSum, zone: zoneIndex, indices.upc)
            add(.hhiSum, zone: zoneIndex, indices.hhi)
            add(.mmciSum, zone: zoneIndex, indices.mmci)
            if let coc = indices.coc, let secon = indices.secon {
                count(.cocPatients, zone: zoneIndex)
                add(.cocSum, zone: zoneIndex, coc)
                add(.seconSum, zone: zoneIndex, secon)
            }
        }
        // Censoring: a windowed indicator counts only discharges whose whole window is inside the horizon.
        let lastDay = totalDays - 1
        for record in discharges.agent.indices {
            let day = Int(discharges.day[record])
            guard day >= warmUpDays else { continue }
            let zoneIndex = Int(agents.zone[Int(discharges.agent[record])])
            let followUp = Int(discharges.followUp[record])
            if day + 7 <= lastDay {
                count(.discharges7Counted, zone: zoneIndex)
                if followUp >= 0, followUp - day <= 7 { count(.followedUp7, zone: zoneIndex) }
            }
            if day + 30 <= lastDay {
                count(.discharges30Counted, zone: zoneIndex)
                if followUp >= 0, followUp - day <= 30 { count(.followedUp30, zone: zoneIndex) }
                if discharges.readmitted[record] { count(.readmitted30, zone: zoneIndex) }
            }
        }
        if network.sample < 1 {
            // Each simulated inhabitant stands for 1 / sample people: counts are weighted back, ratios unchanged.
            counters.scale(by: 1 / network.sample)
        }
        return ReplicationResult(
            zoneTally: counters.tally, actorContacts: counters.actorContacts,
            actorCapacityDays: counters.actorCapacityDays, actorUsedDays: counters.actorUsedDays,
            actorPressure: counters.actorPressure, series: counters.series, agents: agents.count,
            events: counters.events, log: eventLog?.rows(zone: agents.zone)
        )
    }
}
