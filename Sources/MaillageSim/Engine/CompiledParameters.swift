import Foundation

/// Parameters turned into flat arrays by age band, ready for the engine's inner loop.
///
/// A class, shared read-only by the replications, so that reading a field never copies the whole.
final class CompiledParameters: Sendable {
    /// Needs per day for each (band, chronic) pair: index band × 2 + chronic.
    let ratePerDay: [Double]
    /// Cumulative shares of the five need kinds for each pair, 5 per pair.
    let cumulative: [Double]
    let chronicPrevalence: [Double]
    let admission: [Double]
    let homeCare: [Double]
    let ehpad: [Double]
    let readmission: [Double]

    let p: SimulationParameters
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

    init(_ p: SimulationParameters, bands: [String]) {
        self.p = p
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
        var ratePerDay: [Double] = [], cumulative: [Double] = [], chronicPrevalence: [Double] = []
        var admission: [Double] = [], homeCare: [Double] = [], ehpad: [Double] = [], readmission: [Double] = []
        let needs = [p.needs.chronicFollowUp, p.needs.acuteMinor, p.needs.acuteUrgent, p.needs.specialistReferral, p.needs.prescription]
        for band in bands {
            for chronic in [false, true] {
                let rates = needs.map { ((chronic ? $0.ratePerYearChronic : $0.ratePerYear)[band] ?? 0) / 365 }
                let total = rates.reduce(0, +)
                ratePerDay.append(total)
                var running = 0.0
                for rate in rates {
                    running += total > 0 ? rate / total : 0
                    cumulative.append(running)
                }
            }
            chronicPrevalence.append(p.population.chronicPrevalence[band] ?? 0)
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
    }
}
