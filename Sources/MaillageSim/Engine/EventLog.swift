/// The trajectory events of one replication, for process mining (kept only when asked for).
struct EventLog: Sendable {
    enum Activity: Sendable, Equatable {
        case need(Int)
        case gpContact, gpFollowUp, specialist, pharmacy, emergency, emergencyAvoidable
        case admission, discharge, homeCareStart, ehpad, unmet
        case boarding, transfer, lost, leftWithoutBeingSeen, delayedDischarge, gpLost, gpAttached

        var name: String {
            switch self {
            case .need(let kind): "need_" + NeedKind.allCases[kind].rawValue
            case .gpContact: "gp_contact"
            case .gpFollowUp: "gp_follow_up"
            case .specialist: "specialist_contact"
            case .pharmacy: "pharmacy"
            case .emergency: "emergency_visit"
            case .emergencyAvoidable: "emergency_visit_avoidable"
            case .admission: "admission"
            case .discharge: "discharge"
            case .homeCareStart: "home_care_start"
            case .ehpad: "ehpad_admission"
            case .unmet: "unmet_need"
            case .boarding: "emergency_boarding"
            case .transfer: "transfer"
            case .lost: "lost_to_territory"
            case .leftWithoutBeingSeen: "left_without_being_seen"
            case .delayedDischarge: "discharge_delayed"
            case .gpLost: "declared_gp_left"
            case .gpAttached: "declared_gp_found"
            }
        }
    }

    struct Row: Sendable {
        var agent: UInt32
        var day: Int32
        /// Order of recording: keeps a patient's events of one day in sequence.
        var sequence: UInt32
        var activity: Activity
        var actor: Int32
        var zone: UInt32
    }

    private var rows: [Row] = []

    mutating func add(agent: Int, day: Int, activity: Activity, actor: Int) {
        rows.append(
            Row(
                agent: UInt32(agent), day: Int32(day), sequence: UInt32(truncatingIfNeeded: rows.count),
                activity: activity, actor: Int32(actor), zone: 0))
    }

    /// The rows in (patient, day, recording order), with each patient's zone.
    func rows(zone: [UInt32]) -> [Row] {
        rows.map { row in
            var row = row
            row.zone = zone[Int(row.agent)]
            return row
        }.sorted { ($0.agent, $0.day, $0.sequence) < ($1.agent, $1.day, $1.sequence) }
    }
}
