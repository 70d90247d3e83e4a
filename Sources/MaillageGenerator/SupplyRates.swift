import MaillageCore

/// How many actors of each kind a population supports, by density level.
///
/// Orders of magnitude are French national figures (DREES, FINESS, Ordre des pharmaciens),
/// rounded: about 1 GP practice per 1,250 inhabitants, 1 pharmacy per 3,300, 1 hospital per
/// 52,000, 1 emergency department per 110,000, 1 SSIAD per 32,000, 1 HAD per 220,000, and a
/// CPTS per 90,000. The density factors leave rural zones short of GPs and specialists.
struct SupplyRate {
    let kind: ActorKind
    let inhabitantsPerActor: Double
    /// Multipliers for dense, intermediate, sparse, very sparse zones.
    let densityFactors: [Double]

    func expected(population: Int, density: DensityClass) -> Double {
        Double(population) / inhabitantsPerActor * densityFactors[density.rawValue - 1]
    }

    static let placedPerZone: [SupplyRate] = [
        SupplyRate(kind: .gp, inhabitantsPerActor: 1_250, densityFactors: [1.15, 1.1, 0.85, 0.5]),
        SupplyRate(kind: .healthCentre, inhabitantsPerActor: 30_000, densityFactors: [2.0, 0.8, 0.2, 0]),
        SupplyRate(kind: .specialist, inhabitantsPerActor: 6_000, densityFactors: [1.6, 1.0, 0.15, 0]),
        SupplyRate(kind: .pharmacy, inhabitantsPerActor: 3_300, densityFactors: [1.0, 1.05, 1.0, 0.6]),
        SupplyRate(kind: .lab, inhabitantsPerActor: 15_000, densityFactors: [1.5, 1.2, 0.2, 0]),
    ]

    static let inhabitantsPerHospital = 52_000.0
    static let inhabitantsPerEmergencyDepartment = 110_000.0
    static let inhabitantsPerSSIAD = 32_000.0
    static let inhabitantsPerHAD = 220_000.0
    static let inhabitantsPerCPTS = 90_000.0
    /// EHPADs follow the over-75s: about 7,500 homes for 6.7 million people aged 75+.
    static let over75PerEHPAD = 900.0
    /// Acute-care beds per inhabitant (about 3 per 1,000).
    static let bedsPerInhabitant = 0.003
    /// Emergency visits per inhabitant per year (21 million for 68 million).
    static let emergencyVisitsPerInhabitant = 0.31
    /// SSIAD places per inhabitant aged 75+ (125,000 places nationally).
    static let ssiadPlacesPerOver75 = 0.019
    /// HAD places per inhabitant (about 20,000 nationally).
    static let hadPlacesPerInhabitant = 0.000_3
    /// Consultations a GP FTE gives per working day (5,000 a year over about 225 days).
    static let consultationsPerFTEDay = 22.0
    /// Patients a GP FTE keeps as declared doctor (4 consultations a year each).
    static let listSizePerFTE = 1_250.0
}
