import ArgumentParser
import MaillageAccess
import MaillageRuns

struct AccessNearestCommand: MaillageCommand {
    static let configuration = CommandConfiguration(
        commandName: "nearest", abstract: "Time to the nearest site of the kind(s), and its id, per zone.",
        discussion: "Example: maillage access nearest --db out/demo.db --kind hospital --service emergency --out ed.csv"
    )
    @OptionGroup var options: AccessOptions
    @OptionGroup var global: GlobalOptions

    func execute() throws {
        let input = try options.input(global)
        let request = AccessRequest(method: .nearest, kinds: try options.kinds(), services: options.services(),
                                    travel: try options.travelMode(limit: .infinity, input: input, global))
        var parameters = options.recorded
        parameters.matrix = nil
        try options.runStudy(request, parameters: parameters, input: input, global: global)
    }
}

struct AccessCoverageCommand: MaillageCommand {
    static let configuration = CommandConfiguration(
        commandName: "coverage", abstract: "Share of the population within --limit minutes of a site, per zone and overall.",
        discussion: "Example: maillage access coverage --db out/demo.db --kind hospital --service emergency --limit 30 --out cover.csv"
    )
    @OptionGroup var options: AccessOptions
    @Option(help: "The threshold in minutes (a site at exactly the limit counts).") var limit: Double
    @OptionGroup var global: GlobalOptions

    func validate() throws {
        guard limit.isFinite, limit > 0 else { throw ValidationError("--limit must be more than 0 minutes.") }
    }

    func execute() throws {
        let input = try options.input(global)
        let request = AccessRequest(method: .coverage(threshold: limit), kinds: try options.kinds(), services: options.services(),
                                    travel: try options.travelMode(limit: limit, input: input, global))
        var parameters = options.recorded
        parameters.matrix = nil
        (parameters.limit, parameters.countedKinds) = ("\(limit)", options.kind)
        try options.runStudy(request, parameters: parameters, input: input, global: global)
    }
}

/// Options of the catchment methods.
struct CatchmentOptions: ParsableArguments {
    @Option(help: "Catchment limit in minutes (pairs slower are outside every catchment).") var limit: Double?
    @Option(help: "Decay: step:10:1,20:0.68,30:0.22 | exponential:0.12 | gaussian:20 | linear | uniform.") var decay: String?

    func validate() throws {
        if let limit, !(limit.isFinite && limit > 0) { throw ValidationError("--limit must be more than 0 minutes.") }
    }
}

/// The three catchment commands differ only in their name, default decay and stages.
protocol CatchmentMethodCommand: MaillageCommand {
    var options: AccessOptions { get }
    var supply: SupplyDemandOptions { get }
    var catchment: CatchmentOptions { get }
    static var methodName: String { get }
    static var defaultDecay: DistanceDecay { get }
    static var defaultLimit: Double? { get }
    static var threeStage: Bool { get }
}

extension CatchmentMethodCommand {
    static var defaultLimit: Double? { nil }
    static var threeStage: Bool { false }

    func execute() throws {
        let input = try options.input(global)
        let decay = try catchment.decay.map(DistanceDecay.parse) ?? Self.defaultDecay
        let method = FloatingCatchment(decay: decay, limit: catchment.limit ?? Self.defaultLimit, threeStage: Self.threeStage)
        let request = AccessRequest(
            method: .catchment(method), kinds: try options.kinds(), services: options.services(), capacity: try supply.measure(),
            demand: try supply.demandMode(), travel: try options.travelMode(limit: method.limit ?? 60, input: input, global),
            per: supply.per, normalize: supply.normalize
        )
        var parameters = options.recorded
        (parameters.method, parameters.decay) = (Self.methodName, "\(method.decay)")
        parameters.limit = method.limit.map { "\($0)" } ?? ""
        supply.record(into: &parameters)
        try options.runStudy(request, parameters: parameters, input: input, global: global)
    }
}

struct Access2SFCACommand: CatchmentMethodCommand {
    static let configuration = CommandConfiguration(
        commandName: "2sfca", abstract: "Two-step floating catchment: supply per inhabitant within --limit (default 30 min).",
        discussion: "Example: maillage access 2sfca --db out/demo.db --kind gp --limit 30 --per 100000 --out 2sfca.csv"
    )
    static let methodName = "2sfca"
    static let defaultDecay = DistanceDecay.uniform
    static let defaultLimit: Double? = 30
    @OptionGroup var options: AccessOptions
    @OptionGroup var supply: SupplyDemandOptions
    @OptionGroup var catchment: CatchmentOptions
    @OptionGroup var global: GlobalOptions
}

struct AccessE2SFCACommand: CatchmentMethodCommand {
    static let configuration = CommandConfiguration(
        commandName: "e2sfca",
        abstract: "Enhanced 2SFCA with distance decay (default PySAL steps 10:1,20:0.68,30:0.22); APL with --demand age-weighted.",
        discussion: "APL (DREES): maillage access e2sfca --db t.db --kind gp --decay exponential:0.12 --limit 30 --demand age-weighted --out apl.csv"
    )
    static let methodName = "e2sfca"
    static let defaultDecay = DistanceDecay.pysalDefaultSteps
    @OptionGroup var options: AccessOptions
    @OptionGroup var supply: SupplyDemandOptions
    @OptionGroup var catchment: CatchmentOptions
    @OptionGroup var global: GlobalOptions
}

struct Access3SFCACommand: CatchmentMethodCommand {
    static let configuration = CommandConfiguration(
        commandName: "3sfca", abstract: "Three-step floating catchment (selection weights for competing sites).",
        discussion: "Example: maillage access 3sfca --db out/demo.db --kind gp --out 3sfca.csv"
    )
    static let methodName = "3sfca"
    static let defaultDecay = DistanceDecay.pysalDefaultSteps
    static let threeStage = true
    @OptionGroup var options: AccessOptions
    @OptionGroup var supply: SupplyDemandOptions
    @OptionGroup var catchment: CatchmentOptions
    @OptionGroup var global: GlobalOptions
}

struct AccessGravityCommand: MaillageCommand {
    static let configuration = CommandConfiguration(
        commandName: "gravity", abstract: "Gravity (Hansen) potential: Σ capacity × (time/scale)^alpha over sites within --limit.",
        discussion: "Example: maillage access gravity --db out/demo.db --kind hospital --capacity beds --decay gravity:60:-1 --limit 60 --out g.csv"
    )
    @OptionGroup var options: AccessOptions
    @OptionGroup var supply: SupplyDemandOptions
    @Option(help: "Gravity weight as gravity:SCALE:ALPHA (default gravity:60:-1).") var decay: String = "gravity:60:-1"
    @Option(help: "Limit in minutes (default 60).") var limit: Double = 60
    @Option(help: "Times below this many minutes count as this (avoids infinite weights at 0).") var minimumMinutes: Double = 1
    @OptionGroup var global: GlobalOptions

    func execute() throws {
        let input = try options.input(global)
        let parts = decay.split(separator: ":").map(String.init)
        guard parts.count == 3, parts[0] == "gravity", let scale = Double(parts[1]), let alpha = Double(parts[2]) else {
            throw CommandError(message: "--decay must be gravity:SCALE:ALPHA, such as gravity:60:-1 (got '\(decay)')", category: .usage)
        }
        let model = GravityModel(scale: scale, alpha: alpha, minimumMinutes: minimumMinutes, limit: limit)
        let request = AccessRequest(method: .gravity(model), kinds: try options.kinds(), services: options.services(),
                                    capacity: try supply.measure(), demand: try supply.demandMode(),
                                    travel: try options.travelMode(limit: limit, input: input, global), per: supply.per, normalize: supply.normalize)
        // Every option the result depends on is recorded: the report labels the run from them.
        var parameters = options.recorded
        (parameters.method, parameters.decay, parameters.limit) = ("gravity", decay, "\(limit)")
        parameters.minimumMinutes = "\(minimumMinutes)"
        supply.record(into: &parameters)
        try options.runStudy(request, parameters: parameters, input: input, global: global)
    }
}
