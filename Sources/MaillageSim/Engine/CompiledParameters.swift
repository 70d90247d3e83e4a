import Foundation

/// Parameters turned into flat arrays by age band, ready for the engine's inner loop.
///
/// A class, shared read-only by the replications, so that reading a field never copies the whole.
final class CompiledParameters: Sendable {
    /// Kinds drawn from an agent's need calendar (``DrawnNeed``).
    /// (A literal, not `DrawnNeed.allCases.count`, so that the inner loop folds it.)
    static let kinds = 8
    /// Needs per day for each (band, chronic) pair: index band × 2 + chronic. Urgent needs are
    /// drawn at their highest rhythm (`rhythmBound` times) and thinned day by day.
    let ratePerDay: [Double]
    /// Cumulative shares of the eight kinds for each pair, 8 per pair.
    let cumulative: [Double]
    let chronicPrevalence: [Double]
    let admission: [Double]
    let homeCare: [Double]
    let ehpad: [Double]
    let readmission: [Double]
    /// Admissions per person and day by band (urgent × admission + referrals × planned stays), for the steady-state start.
    let admissionRate: [Double]
    /// Planned admissions per person and day by band (specialist referrals × planned stays).
    let plannedRate: [Double]
    /// Bed-days per person and day by band (admissions × their mean length of stay, readmissions included).
    let bedDayRate: [Double]
    /// Requests from home per person and day by band: SSIAD, HAD, EHPAD.
    let homeEntryRate: [[Double]]
    /// The highest urgent multiplier of the weekly and yearly rhythms (tourist summers included).
    let rhythmBound: Double
    /// Day-of-week (Monday first) and month multipliers normalised to a mean of 1.
    let dayOfWeek: [Double]
    let month: [Double]

    /// The parameters as given.
    let settings: SimulationParameters
    let lengthOfStay: Distribution.Sampler
    let electiveLengthOfStay: Distribution.Sampler
    let electiveDelay: Distribution.Sampler
    let delayWithAgreement: Distribution.Sampler
    let delayWithoutAgreement: Distribution.Sampler
    let ssiadStay: Distribution.Sampler
    let hadStay: Distribution.Sampler
    let ehpadStay: Distribution.Sampler
    let followUpLinked: Distribution.Sampler
    let followUpUnlinked: Distribution.Sampler
    let reattachmentDelay: Distribution.Sampler
    let unmetReturnDelay: Distribution.Sampler

    init(_ p: SimulationParameters, bands: [String]) {
        settings = p
        lengthOfStay = p.hospital.lengthOfStay.sampler()
        electiveLengthOfStay = p.hospital.electiveLengthOfStay.sampler()
        electiveDelay = p.specialist.electiveAdmissionDelay.sampler()
        delayWithAgreement = p.homeCare.delayWithAgreement.sampler()
        delayWithoutAgreement = p.homeCare.delayWithoutAgreement.sampler()
        ssiadStay = p.homeCare.ssiadStay.sampler()
        hadStay = p.homeCare.hadStay.sampler()
        ehpadStay = p.homeCare.ehpadStay.sampler()
        followUpLinked = p.followUp.delayLinked.sampler()
        followUpUnlinked = p.followUp.delayUnlinked.sampler()
        reattachmentDelay = p.gp.reattachmentDelay.sampler()
        unmetReturnDelay = p.emergency.unmetReturnDelay.sampler()
        // Day-weighted normalisation: a year of 365 days keeps its urgent needs.
        let weekMean = p.rhythms.dayOfWeek.reduce(0, +) / 7
        dayOfWeek = p.rhythms.dayOfWeek.map { $0 / weekMean }
        let monthDays = [31.0, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        let monthMean = zip(p.rhythms.month, monthDays).reduce(0) { $0 + $1.0 * $1.1 } / 365
        month = p.rhythms.month.map { $0 / monthMean }
        rhythmBound = (dayOfWeek.max() ?? 1) * (month.max() ?? 1) * max(1, p.rhythms.touristSummerFactor)
        var ratePerDay: [Double] = []
        var cumulative: [Double] = []
        var chronicPrevalence: [Double] = []
        var admission: [Double] = []
        var homeCare: [Double] = []
        var ehpad: [Double] = []
        var readmission: [Double] = []
        var admissionRate: [Double] = []
        var homeEntryRate: [[Double]] = [[], [], []]
        var bedDayRate: [Double] = []
        var plannedRate: [Double] = []
        let stayMean = p.hospital.lengthOfStay.sampler().mean
        let electiveMean = p.hospital.electiveLengthOfStay.sampler().mean
        let needs = [
            p.needs.chronicFollowUp, p.needs.acuteMinor, p.needs.acuteUrgent, p.needs.specialistReferral,
            p.needs.prescription,
        ]
        let entries = [
            p.homeCare.ssiadEntryFromHomePerYear, p.homeCare.hadEntryFromHomePerYear,
            p.homeCare.ehpadEntryFromHomePerYear,
        ]
        for band in bands {
            let prevalence = p.population.chronicPrevalence[band] ?? 0
            var perDayAdmissions = 0.0
            var perDayBedDays = 0.0
            var perDayPlanned = 0.0
            for chronic in [false, true] {
                var rates = needs.map { ((chronic ? $0.ratePerYearChronic : $0.ratePerYear)[band] ?? 0) / 365 }
                let share = chronic ? prevalence : 1 - prevalence
                let urgent = rates[2] * (p.emergency.admissionProbability[band] ?? 0)
                let planned = rates[3] * p.specialist.electiveAdmissionProbability
                perDayAdmissions += share * (urgent + planned)
                perDayPlanned += share * planned
                perDayBedDays +=
                    share * (urgent * stayMean + planned * electiveMean)
                    * (1 + (p.readmission.probability30Days[band] ?? 0))
                rates[2] *= rhythmBound
                rates += entries.map { ($0[band] ?? 0) / 365 }
                let total = rates.reduce(0, +)
                ratePerDay.append(total)
                var running = 0.0
                for rate in rates {
                    running += total > 0 ? rate / total : 0
                    cumulative.append(running)
                }
            }
            admissionRate.append(perDayAdmissions)
            bedDayRate.append(perDayBedDays)
            plannedRate.append(perDayPlanned)
            for role in 0..<3 { homeEntryRate[role].append((entries[role][band] ?? 0) / 365) }
            chronicPrevalence.append(prevalence)
            admission.append(p.emergency.admissionProbability[band] ?? 0)
            homeCare.append(p.discharge.homeCareProbability[band] ?? 0)
            ehpad.append(p.discharge.ehpadProbability[band] ?? 0)
            readmission.append(p.readmission.probability30Days[band] ?? 0)
        }
        self.ratePerDay = ratePerDay
        self.cumulative = cumulative
        self.chronicPrevalence = chronicPrevalence
        self.admission = admission
        self.homeCare = homeCare
        self.ehpad = ehpad
        self.readmission = readmission
        self.admissionRate = admissionRate
        self.bedDayRate = bedDayRate
        self.plannedRate = plannedRate
        self.homeEntryRate = homeEntryRate
    }

    /// The stay sampler of a long-stay role.
    func stay(_ role: PlaceRole) -> Distribution.Sampler {
        switch role {
        case .ssiad: ssiadStay
        case .had: hadStay
        case .ehpad: ehpadStay
        }
    }
}
