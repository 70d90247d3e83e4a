import Foundation
import MaillageCore
import MaillageSim

extension Scenario {
    /// The simulation request for this scenario on its base territory: the actors it opens are
    /// present from day 0 and closed until their opening day, closures and capacity changes
    /// become dated events, and surges and slowdowns keep their periods.
    ///
    /// Links are fixed during a run: link changes apply as they stand on `access_day`.
    ///
    /// - Throws: ``ScenarioError`` naming the file, line and key of what the simulation refuses.
    public func simulationRequest(
        on base: Territory, replications: Int? = nil,
        threads: Int = ProcessInfo.processInfo.activeProcessorCount
    ) throws -> SimulationRequest {
        let territory = try simulationTerritory(from: base)
        let parameters = try simulationParameters()
        let (events, places) = simulationEvents()
        do {
            return try SimulationRequest(
                territory: territory, parameters: parameters, events: events, days: days, seed: seed,
                replications: replications ?? self.replications, threads: threads, sample: simulation.sample)
        } catch let error as SimulationError {
            throw scenarioError(error, places: places)
        }
    }

    /// Runs every replication of the scenario's simulation and averages them.
    public func simulate(
        on base: Territory, threads: Int = ProcessInfo.processInfo.activeProcessorCount,
        progress: (@Sendable (Int) -> Void)? = nil
    ) throws -> SimulationResult {
        try simulate(try simulationRequest(on: base, threads: threads), progress: progress)
    }

    /// Runs a request made by ``simulationRequest(on:replications:threads:)``, with errors placed in the file.
    public func simulate(_ request: SimulationRequest, progress: (@Sendable (Int) -> Void)? = nil) throws
        -> SimulationResult
    {
        try placingErrors { try Simulation.run(request, progress: progress) }
    }

    /// Runs the replications numbered `indices` (0-based) and keeps each one's indicators.
    public func simulate(
        on base: Territory, replications indices: [Int], threads: Int = ProcessInfo.processInfo.activeProcessorCount,
        progress: (@Sendable (Int) -> Void)? = nil
    ) throws -> [ReplicationIndicators] {
        let request = try simulationRequest(on: base, threads: threads)
        return try placingErrors { try Simulation.indicators(request, replications: indices, progress: progress) }
    }

    /// The scenario's simulation compiled once, to run replications one at a time (a streaming comparison).
    public func preparedSimulation(on base: Territory) throws -> PreparedSimulation {
        let request = try simulationRequest(on: base, threads: 1)
        return try placingErrors { try PreparedSimulation(request) }
    }

    /// Turns the simulation's errors into errors at the file, line and key that caused them.
    private func placingErrors<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as SimulationError {
            throw scenarioError(error, places: simulationEvents().1)
        }
    }

    /// The base territory with every opened actor present and the link changes of `access_day`.
    func simulationTerritory(from base: Territory) throws -> Territory {
        let structural = changes.compactMap { placed -> Placed<ScenarioChange>? in
            switch placed.value {
            case .openActor(let actor, _):
                Placed(value: .openActor(actor, day: 0), file: placed.file, line: placed.line)
            case .addLink, .removeLink: placed
            case .closeActor, .setCapacity: nil
            }
        }
        return try base.applying(structural, onDay: accessDay)
    }

    /// The parameter file (or the defaults), the scenario's start date and its dotted overrides.
    public func simulationParameters() throws -> SimulationParameters {
        var object: [String: Any] = [:]
        if let parametersPath {
            guard FileManager.default.fileExists(atPath: parametersPath) else {
                throw ScenarioError(
                    file: file, key: "params", reason: "\(parametersPath) does not exist", isMissingInput: true)
            }
            guard let data = FileManager.default.contents(atPath: parametersPath),
                let parsed = try? JSONSerialization.jsonObject(with: data) as? [String: Any]
            else {
                throw ScenarioError(
                    file: file, key: "params", reason: "\(parametersPath) cannot be read as a JSON object of parameters"
                )
            }
            object = parsed
        }
        object["start_date"] = ScenarioDay.iso.string(from: start)
        for (name, value) in overrides.sorted(by: { $0.key < $1.key }) {
            object = Self.setting(value, at: name.split(separator: ".").map(String.init), in: object)
        }
        do {
            return try ParameterFile.apply(object)
        } catch let error as SimulationError {
            throw ScenarioError(file: file, key: "overrides", reason: error.description)
        }
    }

    /// The dated events of the run, each with the place in the file it came from.
    func simulationEvents() -> ([SimulationEvent], [(file: String, line: Int?, key: String)]) {
        var events: [SimulationEvent] = []
        var places: [(file: String, line: Int?, key: String)] = []
        let last = days - 1
        func add(_ change: SimulationEvent.Change, _ from: Int, _ to: Int, _ file: String, _ line: Int?, _ key: String)
        {
            guard from <= last, to >= from else { return }
            events.append(SimulationEvent(change, fromDay: from, toDay: min(to, last)))
            places.append((file, line, key))
        }
        for placed in changes {
            switch placed.value {
            case .openActor(let actor, let day) where day > 0:
                add(.close(actor: actor.id, nightOnly: false), 0, day - 1, placed.file, placed.line, "changes")
            case .closeActor(let id, let day, let until, let nightOnly):
                add(
                    .close(actor: id, nightOnly: nightOnly), day, (until ?? days) - 1, placed.file, placed.line,
                    "changes")
            case .setCapacity(let id, let capacity, let day):
                add(
                    .capacity(actor: id, measure: capacity.measure, value: capacity.value), day, last, placed.file,
                    placed.line, "changes")
            case .openActor, .addLink, .removeLink:
                continue
            }
        }
        for placed in self.events {
            switch placed.value {
            case .demandSurge(let zones, let factor, let day, let until, let needs):
                let kinds = needs.compactMap(NeedKind.init(rawValue:))
                add(
                    .surge(zones: zones, factor: factor, needs: kinds.isEmpty ? NeedKind.allCases : kinds), day,
                    until - 1,
                    placed.file, placed.line, "events")
            case .travelSlowdown(let zones, let factor, let day, let until):
                add(.slowTravel(zones: zones, factor: factor), day, until - 1, placed.file, placed.line, "events")
            case .epidemic(let zones, let peak, let intensity, let day, let until, let needs):
                let kinds = needs.compactMap(NeedKind.init(rawValue:))
                add(
                    .epidemic(
                        zones: zones, peakDay: min(peak, until - 1, days - 1), intensity: intensity,
                        needs: kinds.isEmpty ? [.acuteUrgent, .acuteMinor] : kinds), day, until - 1, placed.file,
                    placed.line, "events")
            }
        }
        return (events, places)
    }

    private func scenarioError(_ error: SimulationError, places: [(file: String, line: Int?, key: String)])
        -> ScenarioError
    {
        if case .invalidEvent(let index, let reason) = error, places.indices.contains(index) {
            return ScenarioError(
                file: places[index].file, line: places[index].line, key: places[index].key, reason: reason)
        }
        if case .invalidParameter(let name, let reason) = error {
            return ScenarioError(
                file: file, key: name == "sample" ? "simulation.sample" : "overrides.\(name)", reason: reason)
        }
        return ScenarioError(file: file, reason: error.description)
    }

    private static func setting(_ value: Double, at path: [String], in object: [String: Any]) -> [String: Any] {
        guard let head = path.first else { return object }
        var copy = object
        if path.count == 1 {
            copy[head] = value
        } else {
            copy[head] = setting(value, at: Array(path.dropFirst()), in: object[head] as? [String: Any] ?? [:])
        }
        return copy
    }
}
