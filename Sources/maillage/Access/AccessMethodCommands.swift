import ArgumentParser
import MaillageAccess
import MaillageCore

struct AccessNearestCommand: MaillageCommand {
    static let configuration = CommandConfiguration(
        commandName: AccessMethodName.nearest.rawValue,
        abstract: "Time to the nearest site of the kind(s), and its id, per zone.",
        discussion: "Example: maillage access nearest --db out/demo.db --kind hospital --service emergency --out ed.csv"
    )
    @OptionGroup var options: AccessOptions
    @OptionGroup var global: GlobalOptions

    func execute() throws {
        let study = try options.load(global)
        let input = study.input
        let request = AccessRequest(
            method: .nearest, kinds: try options.kinds(), services: options.services(),
            travel: try study.travel(limit: .infinity, options: options, global))
        var parameters = options.recorded
        parameters.matrix = nil
        try options.runStudy(request, parameters: parameters, input: input, global: global)
    }
}

struct AccessCoverageCommand: MaillageCommand {
    static let configuration = CommandConfiguration(
        commandName: AccessMethodName.coverage.rawValue,
        abstract: "Share of the population within --limit minutes of a site, per zone and overall.",
        discussion:
            "Example: maillage access coverage --db out/demo.db --kind hospital --service emergency --limit 30 --out cover.csv"
    )
    @OptionGroup var options: AccessOptions
    @Option(help: "The threshold in minutes (a site at exactly the limit counts).") var limit: Double
    @OptionGroup var global: GlobalOptions

    func validate() throws {
        guard limit.isFinite, limit > 0 else { throw ValidationError("--limit must be more than 0 minutes.") }
    }

    func execute() throws {
        let study = try options.load(global)
        let input = study.input
        let request = AccessRequest(
            method: .coverage(threshold: limit), kinds: try options.kinds(), services: options.services(),
            travel: try study.travel(limit: limit, options: options, global))
        var parameters = options.recorded
        parameters.matrix = nil
        (parameters.limit, parameters.countedKinds) = ("\(limit)", options.kind)
        try options.runStudy(request, parameters: parameters, input: input, global: global)
    }
}

/// Options of the catchment methods.
struct CatchmentOptions: ParsableArguments {
    @Option(help: "Catchment limit in minutes (pairs slower are outside every catchment).") var limit: Double?
    @Option(help: "Decay: step:10:1,20:0.68,30:0.22 | exponential:0.12 | gaussian:20 | linear | uniform.") var decay:
        String?

    func validate() throws {
        if let limit, !(limit.isFinite && limit > 0) { throw ValidationError("--limit must be more than 0 minutes.") }
        if let decay {
            do { _ = try DistanceDecay.parse(decay) } catch let error as AccessError {
                throw ValidationError("--decay: \(error.description).")
            }
        }
    }
}

/// The three catchment commands differ only in their method (which carries its default decay,
/// limit and stages).
protocol CatchmentMethodCommand: MaillageCommand {
    var options: AccessOptions { get }
    var supply: SupplyDemandOptions { get }
    var catchment: CatchmentOptions { get }
    static var method: AccessMethodName { get }
}

extension CatchmentMethodCommand {
    func execute() throws {
        let study = try options.load(global)
        let input = study.input
        let method: FloatingCatchment
        do {
            let chosen = try Self.method.method(limit: catchment.limit, decay: catchment.decay)
            guard case .catchment(let chosen) = chosen else {
                preconditionFailure("\(Self.method) is a catchment method")
            }
            method = chosen
        } catch let error as AccessError {
            throw CommandError(message: "--decay: \(error.description)", category: .usage)
        }
        let request = AccessRequest(
            method: .catchment(method), kinds: try options.kinds(), services: options.services(),
            capacity: supply.capacity,
            demand: try supply.demandMode(),
            travel: try study.travel(limit: method.limit ?? 60, options: options, global),
            per: supply.per, normalize: supply.normalize
        )
        var parameters = options.recorded
        (parameters.method, parameters.decay) = (Self.method.rawValue, "\(method.decay)")
        parameters.limit = method.limit.map { "\($0)" } ?? ""
        supply.record(into: &parameters)
        try options.runStudy(request, parameters: parameters, input: input, global: global)
    }
}

struct Access2SFCACommand: CatchmentMethodCommand {
    static let configuration = CommandConfiguration(
        commandName: AccessMethodName.twoStep.rawValue,
        abstract: "Two-step floating catchment: supply per inhabitant within --limit (default 30 min).",
        discussion: "Example: maillage access 2sfca --db out/demo.db --kind gp --limit 30 --per 100000 --out 2sfca.csv"
    )
    static let method = AccessMethodName.twoStep
    @OptionGroup var options: AccessOptions
    @OptionGroup var supply: SupplyDemandOptions
    @OptionGroup var catchment: CatchmentOptions
    @OptionGroup var global: GlobalOptions
}

struct AccessE2SFCACommand: CatchmentMethodCommand {
    static let configuration = CommandConfiguration(
        commandName: AccessMethodName.enhancedTwoStep.rawValue,
        abstract:
            "Enhanced 2SFCA with distance decay (default PySAL steps 10:1,20:0.68,30:0.22); APL with --demand age-weighted.",
        discussion:
            "APL (DREES): maillage access e2sfca --db t.db --kind gp --decay exponential:0.12 --limit 30 --demand age-weighted --out apl.csv"
    )
    static let method = AccessMethodName.enhancedTwoStep
    @OptionGroup var options: AccessOptions
    @OptionGroup var supply: SupplyDemandOptions
    @OptionGroup var catchment: CatchmentOptions
    @OptionGroup var global: GlobalOptions
}

struct Access3SFCACommand: CatchmentMethodCommand {
    static let configuration = CommandConfiguration(
        commandName: AccessMethodName.threeStep.rawValue,
        abstract: "Three-step floating catchment (selection weights for competing sites).",
        discussion: "Example: maillage access 3sfca --db out/demo.db --kind gp --out 3sfca.csv"
    )
    static let method = AccessMethodName.threeStep
    @OptionGroup var options: AccessOptions
    @OptionGroup var supply: SupplyDemandOptions
    @OptionGroup var catchment: CatchmentOptions
    @OptionGroup var global: GlobalOptions
}

struct AccessGravityCommand: MaillageCommand {
    static let configuration = CommandConfiguration(
        commandName: AccessMethodName.gravity.rawValue,
        abstract: "Gravity (Hansen) potential: Σ capacity × (time/scale)^alpha over sites within --limit.",
        discussion:
            "Example: maillage access gravity --db out/demo.db --kind hospital --capacity beds --decay gravity:60:-1 --limit 60 --out g.csv"
    )
    @OptionGroup var options: AccessOptions
    @OptionGroup var supply: SupplyDemandOptions
    @Option(help: "Gravity weight as gravity:SCALE:ALPHA (default gravity:60:-1).")
    var decay: String = AccessMethodName.defaultGravityDecay
    @Option(help: "Limit in minutes (default 60).") var limit: Double = AccessMethodName.gravity.defaultLimit ?? 60
    @Option(help: "Times below this many minutes count as this (avoids infinite weights at 0).")
    var minimumMinutes: Double = AccessMethodName.defaultMinimumMinutes
    @OptionGroup var global: GlobalOptions

    func validate() throws {
        do { _ = try GravityModel.parse(decay) } catch let error as AccessError {
            throw ValidationError("--decay: \(error.description).")
        }
    }

    func execute() throws {
        let study = try options.load(global)
        let input = study.input
        let model: GravityModel
        do {
            guard
                case .gravity(let chosen) = try AccessMethodName.gravity.method(
                    limit: limit, decay: decay, minimumMinutes: minimumMinutes)
            else {
                preconditionFailure("gravity is the gravity method")
            }
            model = chosen
        } catch let error as AccessError {
            throw CommandError(message: "--decay: \(error.description)", category: .usage)
        }
        let request = AccessRequest(
            method: .gravity(model), kinds: try options.kinds(), services: options.services(),
            capacity: supply.capacity, demand: try supply.demandMode(),
            travel: try study.travel(limit: limit, options: options, global), per: supply.per,
            normalize: supply.normalize)
        // Every option the result depends on is recorded: the report labels the run from them.
        var parameters = options.recorded
        (parameters.method, parameters.decay, parameters.limit) = ("gravity", decay, "\(limit)")
        parameters.minimumMinutes = "\(minimumMinutes)"
        supply.record(into: &parameters)
        try options.runStudy(request, parameters: parameters, input: input, global: global)
    }
}
