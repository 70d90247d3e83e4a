import ArgumentParser
import Foundation
import MaillageAccess
import MaillageCore
import MaillageRuns
import MaillageIO
import MaillageStore

/// `maillage access isochrones`: the areas within 15, 30, 45… minutes of care, as GeoJSON polygons.
struct AccessIsochronesCommand: MaillageCommand {
    static let configuration = CommandConfiguration(
        commandName: "isochrones",
        abstract: "Polygons of the area within each time limit of the nearest site (or of each site), with the people living there.",
        discussion: """
            Travel times are computed on a grid (--grid-km apart) and contoured by marching squares: rings closed, outer \
            rings counter-clockwise, holes kept (RFC 7946). Each feature gives its limit, the population of the zones whose \
            own time (as 'access nearest' computes it) is within it, the population of its band, and the error bound of \
            the outline in minutes (line model: a point inside is at most that much beyond the limit).
            Example: maillage access isochrones --db out/demo.db --kind hospital --service emergency --minutes 15,30,45 --out iso.geojson
            """
    )

    @OptionGroup var options: AccessOptions
    @Option(help: "The time limits in minutes, comma-separated.") var minutes: String = "15,30,45"
    @Option(help: "Grid spacing in km (finer is slower; the error bound shrinks with it).") var gridKm: Double = 1
    @Flag(help: "One set of isochrones per site instead of one for the nearest site.") var perSite = false
    @OptionGroup var global: GlobalOptions

    func validate() throws {
        guard options.out.lowercased().hasSuffix(".geojson") else {
            throw ValidationError("--out must end in .geojson (got '\(options.out)').")
        }
        guard gridKm.isFinite, gridKm >= 0.05 else { throw ValidationError("--grid-km must be at least 0.05.") }
        _ = try limits()
    }

    func limits() throws -> [Double] {
        let values = minutes.split(separator: ",").map { Double($0.trimmingCharacters(in: .whitespaces)) }
        guard !values.isEmpty, values.allSatisfy({ ($0 ?? .nan).isFinite && $0! > 0 }) else {
            throw ValidationError("--minutes must be limits above 0 separated by commas, such as 15,30,45 (got '\(minutes)').")
        }
        return Array(Set(values.map { $0! })).sorted()
    }

    func execute() throws {
        let input = try options.input(global)
        let request = AccessRequest(method: .nearest, kinds: try options.kinds(), services: options.services(),
                                    travel: try options.travelMode(limit: .infinity, input: input, global))
        let territory = input.territory
        var settings = Isochrones.Options(minutes: try limits())
        settings.gridKilometres = gridKm
        settings.perSite = perSite
        let clock = ContinuousClock(), start = clock.now
        let result = try Isochrones.compute(request, on: territory, options: settings)
        global.detail("contoured \(result.gridNodes) grid nodes in \(clock.now - start)")
        try TextFile.write(Self.geoJSON(result), to: options.out)
        for note in result.notes { global.status("note: \(note)") }
        if options.json {
            let object: [String: Any] = [
                "out": options.out, "grid_km": gridKm, "grid_nodes": result.gridNodes,
                "error_bound_minutes": result.errorBoundMinutes.map { $0 as Any } ?? NSNull(), "notes": result.notes,
                "isochrones": result.isochrones.map { isochrone -> [String: Any] in
                    ["minutes": isochrone.minutes, "site_id": isochrone.siteID.map { $0 as Any } ?? NSNull(), "population": isochrone.population,
                     "band_population": isochrone.bandPopulation, "zones": isochrone.zones, "polygons": isochrone.polygons.count]
                },
            ]
            let data = try JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
            print(String(decoding: data, as: UTF8.self))
            return
        }
        for isochrone in result.isochrones where isochrone.siteID == nil {
            global.status(String(format: "within %g min: %.0f inhabitants (%d zones), %d polygon(s)", isochrone.minutes, isochrone.population,
                                 isochrone.zones, isochrone.polygons.count))
        }
        global.status("\(result.isochrones.count) isochrones → \(options.out)"
            + (result.errorBoundMinutes.map { String(format: " (outline error ≤ %.2f min on a %g km grid)", $0, gridKm) } ?? ""))
    }

    static func geoJSON(_ result: Isochrones.Result) -> String {
        func json(_ text: String) -> String {
            let data = (try? JSONSerialization.data(withJSONObject: [text], options: [.withoutEscapingSlashes])) ?? Data("[\"\"]".utf8)
            return String(String(decoding: data, as: UTF8.self).dropFirst().dropLast())
        }
        func number(_ value: Double?) -> String { value.map { $0.isFinite ? NumberText.format($0) : "null" } ?? "null" }
        let features = result.isochrones.map { isochrone -> String in
            let polygons = isochrone.polygons.map { polygon in
                "[" + polygon.map { ring in
                    "[" + ring.map { "[\(NumberText.coordinate($0.longitude)),\(NumberText.coordinate($0.latitude))]" }.joined(separator: ",") + "]"
                }.joined(separator: ",") + "]"
            }
            let properties = [
                "\"minutes\":\(number(isochrone.minutes))", "\"site_id\":\(isochrone.siteID.map(json) ?? "null")",
                "\"population\":\(number(isochrone.population))", "\"band_population\":\(number(isochrone.bandPopulation))",
                "\"zones\":\(isochrone.zones)", "\"error_bound_minutes\":\(number(result.errorBoundMinutes))",
                "\"grid_km\":\(number(result.gridKilometres))",
            ]
            return "{\"type\":\"Feature\",\"geometry\":{\"type\":\"MultiPolygon\",\"coordinates\":[\(polygons.joined(separator: ","))]},\"properties\":{\(properties.joined(separator: ","))}}"
        }
        return "{\"type\":\"FeatureCollection\",\"features\":[\n" + features.joined(separator: ",\n") + "\n]}\n"
    }
}
