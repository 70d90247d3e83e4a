import Testing

@testable import MaillageCore

@Suite struct DomainValidationTests {
    @Test func pointsOffTheGlobeAreRefused() {
        #expect(throws: ValidationError.self) { try GeoPoint(longitude: 1.4, latitude: 95) }
        #expect(throws: ValidationError.self) { try GeoPoint(longitude: 181, latitude: 43) }
        #expect(throws: ValidationError.self) { try GeoPoint(longitude: .nan, latitude: 43) }
        #expect(throws: Never.self) { try GeoPoint(longitude: -180, latitude: 90) }
    }

    @Test func errorNamesTheFieldAndValue() {
        do {
            _ = try GeoPoint(longitude: 1.4, latitude: 95)
            Issue.record("latitude 95 was accepted")
        } catch let error as ValidationError {
            #expect(error.field == "latitude")
            #expect(error.description.contains("95"))
            #expect(error.located(file: "zones.csv", line: 12).description.hasPrefix("zones.csv:12: latitude"))
        } catch {
            Issue.record("unexpected \(error)")
        }
    }

    @Test func negativePopulationsAreRefused() throws {
        #expect(throws: ValidationError.self) { try Population(total: -1) }
        let young = AgeBand.insee[0]
        #expect(throws: ValidationError.self) { try Population(total: 10, byBand: [young: -2]) }
    }

    @Test func bandsMustAddUpToTheTotal() throws {
        let (a, b) = (AgeBand.insee[0], AgeBand.insee[5])
        #expect(throws: ValidationError.self) { try Population(total: 100, byBand: [a: 30, b: 30]) }
        let population = try Population(byBand: [a: 30, b: 70])
        #expect(population.total == 100)
        #expect(population[AgeBand.insee[2]] == 0)
        #expect(try Population(total: 5)[a] == nil)
    }

    /// Bands given youngest first with their counts are the same population as the same
    /// dictionary, and a list out of order, given twice or with a count missing is refused.
    @Test func bandsInAgeOrderMakeTheSamePopulationAsADictionary() throws {
        let (a, b, c) = (AgeBand.insee[0], AgeBand.insee[2], AgeBand.insee[5])
        let listed = try Population(total: 60, bands: [a, b, c], counts: [10, 20, 30])
        #expect(listed == (try Population(total: 60, byBand: [c: 30, a: 10, b: 20])))
        #expect(listed.byBand == [a: 10, b: 20, c: 30])
        #expect(listed.bandsInAgeOrder.map(\.count) == [10, 20, 30])
        #expect(listed[b] == 20 && listed[AgeBand.insee[1]] == 0)
        #expect(throws: ValidationError.self) { try Population(total: 60, bands: [b, a, c], counts: [20, 10, 30]) }
        #expect(throws: ValidationError.self) { try Population(total: 60, bands: [a, a, c], counts: [10, 20, 30]) }
        #expect(throws: ValidationError.self) { try Population(total: 60, bands: [a, b, c], counts: [10, 50]) }
        #expect(throws: ValidationError.self) { try Population(total: 65, bands: [a, b, c], counts: [10, 20, 30]) }
        #expect(throws: ValidationError.self) { try Population(total: 60, bands: [a, b, c], counts: [10, -20, 70]) }
    }

    @Test func ageBandsParseAndTile() throws {
        #expect(try AgeBand(id: "15-29") == AgeBand(lowerAge: 15, upperAge: 29))
        #expect(try AgeBand(id: "75+").upperAge == nil)
        #expect(throws: ValidationError.self) { try AgeBand(id: "young") }
        #expect(throws: ValidationError.self) { try AgeBand(lowerAge: 30, upperAge: 20) }
        #expect(throws: Never.self) { try AgeBand.validateTiling(AgeBand.insee) }
        let gap = [try AgeBand(lowerAge: 0, upperAge: 14), try AgeBand(lowerAge: 16, upperAge: nil)]
        #expect(throws: ValidationError.self) { try AgeBand.validateTiling(gap) }
        #expect(AgeBand.insee.map(\.id) == ["0-14", "15-29", "30-44", "45-59", "60-74", "75+"])
    }

    @Test func capacitiesAreFiniteAndNonNegative() throws {
        #expect(throws: ValidationError.self) { try Capacity(.beds, -3) }
        #expect(throws: ValidationError.self) { try Capacity(.fte, .infinity) }
        #expect(try CapacityMeasure.parse("ed_visits_per_day") == .edVisitsPerDay)
        #expect(throws: ValidationError.self) { try CapacityMeasure.parse("bed") }
    }

    @Test func kindsReadTheirFileNames() throws {
        #expect(try ActorKind.parse("health_centre") == .healthCentre)
        #expect(try ActorKind.parse(" GP ") == .gp)
        #expect(throws: ValidationError.self) { try ActorKind.parse("doctor") }
        #expect(try LinkKind.parse("member_of") == .memberOf)
        #expect(
            Set(ActorKind.allCases.map(\.rawValue)).isSuperset(of: [
                "hospital", "gp", "msp", "health_centre", "specialist", "ssiad", "had", "pharmacy", "ehpad", "lab",
                "cpts", "other",
            ]))
    }

    @Test func actorsRefuseRepeatedMeasuresAndEmptyIds() throws {
        let point = try GeoPoint(longitude: 1, latitude: 43)
        #expect(throws: ValidationError.self) {
            try Actor(id: "a", kind: .gp, name: "A", point: point, capacities: [Capacity(.fte, 1), Capacity(.fte, 2)])
        }
        #expect(throws: ValidationError.self) { try Actor(id: "", kind: .gp, name: "A", point: point) }
        #expect(throws: ValidationError.self) { try Actor(id: " a", kind: .gp, name: "A", point: point) }
    }

    @Test func linksHaveStrengthInUnitRange() {
        #expect(throws: ValidationError.self) { try Link(from: "a", kind: .partner, to: "b", strength: 1.5) }
        #expect(throws: ValidationError.self) { try Link(from: "a", kind: .partner, to: "a") }
        #expect(throws: Never.self) { try Link(from: "a", kind: .covers, to: "Z1", strength: 0) }
    }
}

@Suite struct TerritoryConsistencyTests {
    let point = try! GeoPoint(longitude: 1.44, latitude: 43.6)

    func zone(_ id: String) throws -> Zone { try Zone(id: id, name: id, point: point) }

    @Test func duplicateZoneIdsAreRefused() throws {
        #expect(throws: ValidationError.self) { try Territory(name: "t", zones: [zone("Z1"), zone("Z1")]) }
    }

    /// A duplicate id names its remedy as a value, so that no front end reads the message to find it.
    @Test func duplicateIdsCarryTheRepairAsTheirRemedy() throws {
        let duplicate = #expect(throws: ValidationError.self) {
            try Territory(name: "t", zones: [zone("Z1"), zone("Z1")])
        }
        #expect(duplicate?.remedy == .repairStoredIDs)
        let other = #expect(throws: ValidationError.self) {
            try Territory(
                name: "t", zones: [zone("Z1")],
                actors: [Actor(id: "a", kind: .gp, name: "A", point: point, zoneID: "Z9")])
        }
        #expect(other?.remedy == nil)
    }

    @Test func actorsMustSitInKnownZones() throws {
        let actor = try Actor(id: "gp1", kind: .gp, name: "Dr A", point: point, zoneID: "Z9")
        #expect(throws: ValidationError.self) { try Territory(name: "t", zones: [zone("Z1")], actors: [actor]) }
    }

    @Test func memberOfMustEndAtACPTS() throws {
        let gp = try Actor(id: "gp1", kind: .gp, name: "Dr A", point: point)
        let hospital = try Actor(id: "h1", kind: .hospital, name: "CH", point: point)
        let cpts = try Actor(id: "c1", kind: .cpts, name: "CPTS", point: point)
        #expect(throws: ValidationError.self) {
            try Territory(name: "t", actors: [gp, hospital], links: [Link(from: "gp1", kind: .memberOf, to: "h1")])
        }
        let territory = try Territory(
            name: "t", actors: [gp, cpts], links: [Link(from: "gp1", kind: .memberOf, to: "c1")])
        #expect(territory.links.count == 1)
    }

    @Test func coversMustEndAtAZone() throws {
        let ssiad = try Actor(id: "s1", kind: .ssiad, name: "SSIAD", point: point)
        #expect(throws: ValidationError.self) {
            try Territory(
                name: "t", zones: [zone("Z1")], actors: [ssiad], links: [Link(from: "s1", kind: .covers, to: "Z2")])
        }
    }

    @Test func totalsAndBox() throws {
        let a = try Zone(
            id: "A", name: "A", point: GeoPoint(longitude: 1, latitude: 43), population: Population(total: 100))
        let b = try Zone(
            id: "B", name: "B", point: GeoPoint(longitude: 2, latitude: 44), population: Population(total: 50.5))
        let territory = try Territory(name: "t", zones: [a, b])
        #expect(territory.population == 150.5)
        #expect(
            territory.boundingBox == BoundingBox(minLongitude: 1, minLatitude: 43, maxLongitude: 2, maxLatitude: 44))
    }
}
