/// How an indicator name reads in a report: a title, its unit, and a scale for display.
///
/// Simulation indicators (`gp_contacts_per_inhabitant`) and the scenario comparison's
/// accessibility labels (`coverage_hospital_emergency_30`) are named by Maillage itself; a name
/// it does not know still reads as its words, with no unit invented.
public struct IndicatorGlossary: Sendable, Equatable {
    /// The indicator's name as stored (`gp_contacts_per_inhabitant`).
    public let name: String
    /// How the report titles it (`GP contacts per inhabitant`).
    public let title: String
    /// The unit of displayed values (after `scale`).
    public let unit: String
    /// Displayed value = stored value × scale (shares are shown in percent).
    public let scale: Double

    /// The wording of an indicator, or its words when Maillage does not know it.
    ///
    /// - Parameters:
    ///   - name: the indicator's name as stored (`coverage_hospital_emergency_30`).
    ///   - territoryWide: the territory's value rather than a zone's. A coverage
    ///     indicator is a share either way: of the territory's inhabitants within the limit, or
    ///     for a zone 1 (100 %) when it is within the limit and 0 when not.
    public init(_ name: String, territoryWide: Bool = false) {
        self.name = name
        if name.hasPrefix("coverage_") {
            (title, unit, scale) = ("Population within reach (\(Self.siteWords(name)))", "% of inhabitants", 100)
        } else if let known = Self.known[name] {
            (title, unit, scale) = (known.0, known.1, known.2)
        } else if name.hasSuffix("_share") {
            (title, unit, scale) = (Self.words(name), "%", 100)
        } else if name.hasSuffix("_per_inhabitant") {
            (title, unit, scale) = (Self.words(name) + " (a year)", "per inhabitant a year", 1)
        } else if name.hasPrefix("nearest_") {
            (title, unit, scale) = ("Minutes to the nearest site (\(Self.siteWords(name)))", "minutes", 1)
        } else if ["2sfca_", "e2sfca_", "3sfca_", "gravity_", "apl_"].contains(where: name.hasPrefix) {
            (title, unit, scale) = (
                "Accessibility (\(Self.words(name)))", "accessibility index as computed by the study", 1
            )
        } else {
            (title, unit, scale) = (Self.words(name), "", 1)
        }
    }

    /// `gp_contacts_per_inhabitant` → `GP contacts per inhabitant`.
    static func words(_ name: String) -> String {
        let words = name.split(separator: "_").map { word -> String in
            ["gp", "ed", "ssiad", "had", "ehpad", "upc", "coc", "secon", "hhi", "mmci", "apl"].contains(
                word.lowercased())
                ? word.uppercased() : String(word)
        }
        guard let first = words.first else { return name }
        return ([first.prefix(1).uppercased() + first.dropFirst()] + words.dropFirst()).joined(separator: " ")
    }

    /// A scenario label's options in words: `coverage_hospital_emergency_30` → `hospital emergency, 30 min`.
    static func siteWords(_ name: String) -> String {
        var parts = name.split(separator: "_").dropFirst().map(String.init)
        var limit = ""
        if let last = parts.last, Double(last) != nil {
            limit = ", \(last) min"
            parts.removeLast()
        }
        return parts.joined(separator: " ") + limit
    }

    /// Display value of a stored value.
    public func display(_ value: Double) -> Double { value * scale }

    /// The unit in parentheses, or nothing for a unitless count.
    public var unitSuffix: String { unit.isEmpty ? "" : " (\(unit))" }

    private static let known: [String: (String, String, Double)] = [
        "inhabitants": ("Inhabitants simulated", "inhabitants", 1),
        "share_without_declared_gp": ("Inhabitants without a declared GP", "% of inhabitants", 100),
        "needs_per_inhabitant": ("Care needs per inhabitant", "needs per inhabitant a year", 1),
        "gp_contacts_per_inhabitant": ("GP contacts per inhabitant", "contacts per inhabitant a year", 1),
        "gp_contacts_declared_share": ("GP contacts with the declared GP", "% of GP contacts", 100),
        "gp_waiting_days_mean": ("Mean wait for a GP appointment", "days", 1),
        "emergency_travel_minutes_mean": ("Mean travel to the emergency department", "minutes", 1),
        "specialist_contacts_per_inhabitant": (
            "Specialist contacts per inhabitant", "contacts per inhabitant a year", 1
        ),
        "pharmacy_contacts_per_inhabitant": ("Pharmacy contacts per inhabitant", "contacts per inhabitant a year", 1),
        "emergency_visits_per_inhabitant": ("Emergency visits per inhabitant", "visits per inhabitant a year", 1),
        "avoidable_emergency_visits_per_inhabitant": (
            "Avoidable emergency visits per inhabitant", "visits per inhabitant a year", 1
        ),
        "avoidable_emergency_visits_share": ("Avoidable emergency visits", "% of emergency visits", 100),
        "admissions_per_inhabitant": ("Hospital admissions per inhabitant", "admissions per inhabitant a year", 1),
        "unmet_needs_per_inhabitant": ("Unmet needs per inhabitant", "needs per inhabitant a year", 1),
        "unmet_needs_share": ("Unmet care needs", "% of needs", 100),
        "travel_minutes_per_inhabitant": ("Travel time to care per inhabitant", "minutes per inhabitant a year", 1),
        "follow_up_7_days_share": ("GP follow-up within 7 days of discharge", "% of discharges", 100),
        "follow_up_30_days_share": ("GP follow-up within 30 days of discharge", "% of discharges", 100),
        "readmission_30_days_share": ("Readmission within 30 days", "% of discharges", 100),
        "home_care_days_to_start_mean": ("Days from discharge to home care", "days", 1),
        "home_care_started_within_2_days_share": ("Home care started within 2 days", "% of home-care needs", 100),
        "bed_occupancy": ("Hospital bed occupancy", "% of bed-days", 100),
        "ssiad_place_occupancy": ("SSIAD place occupancy", "% of place-days", 100),
        "had_place_occupancy": ("HAD place occupancy", "% of place-days", 100),
        "ehpad_place_occupancy": ("EHPAD place occupancy", "% of place-days", 100),
        "gp_slot_use": ("GP slots used", "% of slots offered", 100),
        "specialist_slot_use": ("Specialist slots used", "% of slots offered", 100),
        "continuity_upc": ("Continuity of care (UPC)", "index 0–1", 1),
        "continuity_coc": ("Continuity of care (COC)", "index 0–1", 1),
    ]
}
