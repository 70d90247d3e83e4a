import MaillageCore

extension Territory {
    /// The territory as it stands on `day` once the scenario's changes effective by then are
    /// applied: actors opened or closed, capacities changed, links added or removed.
    ///
    /// - Throws: ``ScenarioError`` naming the change's line when it refers to an actor or link
    ///   the territory does not have, or opens an id that is taken.
    public func applying(_ changes: [Scenario.Placed<ScenarioChange>], onDay day: Int) throws -> Territory {
        var actors = Dictionary(uniqueKeysWithValues: self.actors.map { ($0.id, $0) })
        var links = self.links
        var closed = Set<String>()
        let known = Set(actors.keys).union(
            changes.compactMap { if case .openActor(let actor, _) = $0.value { actor.id } else { nil } })
        for placed in changes.sorted(by: { $0.value.day < $1.value.day }) {
            let fail = { (reason: String) in
                ScenarioError(file: placed.file, line: placed.line, key: "changes", reason: reason)
            }
            switch placed.value {
            case .closeActor(let id, let from, let until, let nightOnly):
                guard known.contains(id) else { throw fail("actor \(id) is not in the territory") }
                if !nightOnly && from <= day && until.map({ day < $0 }) ?? true { closed.insert(id) }
            case .openActor(let actor, let from):
                guard self.actors.allSatisfy({ $0.id != actor.id }) else {
                    throw fail("actor \(actor.id) already exists")
                }
                if from <= day { actors[actor.id] = actor }
            case .setCapacity(let id, let capacity, let from):
                guard known.contains(id) else { throw fail("actor \(id) is not in the territory") }
                guard from <= day, let actor = actors[id] else { continue }
                do {
                    actors[id] = try Actor(
                        id: actor.id, kind: actor.kind, name: actor.name, point: actor.point, zoneID: actor.zoneID,
                        capacities: actor.capacities.filter { $0.measure != capacity.measure } + [capacity],
                        services: actor.services, sourceReference: actor.sourceReference,
                        sourcePosition: actor.sourcePosition, practiceStartYear: actor.practiceStartYear
                    )
                } catch let error as ValidationError { throw fail(error.description) }
            case .addLink(let link, let from):
                if from <= day {
                    links.removeAll { $0.from == link.from && $0.kind == link.kind && $0.to == link.to }
                    links.append(link)
                }
            case .removeLink(let from, let kind, let to, let effective):
                guard links.contains(where: { $0.from == from && $0.kind == kind && $0.to == to }) else {
                    throw fail("the territory has no \(kind) link from \(from) to \(to)")
                }
                if effective <= day { links.removeAll { $0.from == from && $0.kind == kind && $0.to == to } }
            }
        }
        let open = actors.values.filter { !closed.contains($0.id) }.sorted { $0.id < $1.id }
        let openIDs = Set(open.map(\.id))
        let keptLinks = links.filter { openIDs.contains($0.from) && ($0.kind.targetsZone || openIDs.contains($0.to)) }
        do {
            return try Territory(
                name: name, sourceCRS: sourceCRS, ageBands: ageBands, zones: zones, actors: open, links: keptLinks)
        } catch let error as ValidationError {
            throw ScenarioError(file: "scenario", reason: "the changed territory is not consistent: \(error)")
        }
    }
}
