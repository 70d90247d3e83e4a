import ArgumentParser
import Foundation
import MaillageAccess
import MaillageCore
import MaillageFormats
import MaillageIO
import MaillageRuns
import MaillageStore

/// `maillage access isochrones`: the areas within 15, 30, 45… minutes of care, as GeoJSON polygons.
struct AccessIsochronesCommand: MaillageCommand {
    static let configuration = CommandConfiguration(
        commandName: "isochrones",
        abstract:
            "Polygons of the area within each time limit of the nearest site (or of each site), with the people living there.",
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
            throw ValidationError(
                "--minutes must be limits above 0 separated by commas, such as 15,30,45 (got '\(minutes)').")
        }
        return Array(Set(values.map { $0! })).sorted()
    }

    func execute() throws {
        let study = try options.load(global)
        let input = study.input
        let request = AccessRequest(
            method: .nearest, kinds: try options.kinds(), services: options.services(),
            travel: try study.travel(limit: .infinity, options: options, global))
        var settings = Isochrones.Options(minutes: try limits())
        settings.gridKilometres = gridKm
        settings.perSite = perSite
        let outcome = try IsochroneRunner.run(
            request, input: input, options: settings, out: options.out, log: global.log)
        if options.json {
            print(RunJSON.pretty(outcome.summary))
            return
        }
        let result = outcome.result
        for isochrone in result.isochrones where isochrone.siteID == nil {
            global.status(
                String(
                    format: "within %g min: %.0f inhabitants (%d zones), %d polygon(s)", isochrone.minutes,
                    isochrone.population,
                    isochrone.zones, isochrone.polygons.count))
        }
        global.status(
            "\(result.isochrones.count) isochrones → \(options.out)"
                + (result.errorBoundMinutes.map {
                    String(format: " (outline error ≤ %.2f min on a %g km grid)", $0, gridKm)
                } ?? ""))
    }
}
